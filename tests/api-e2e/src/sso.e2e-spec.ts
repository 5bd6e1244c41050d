import { freePort, startDnsServer, startOidcProvider, TxtTable, type RunningDnsServer, type RunningOidcProvider } from '@goprep/test-support';
import { finish, Jar, signInAtProvider } from './support/sso-jar';
import { Browser, createTestApp, type TestApp } from './support/test-app';
import { PasswordResetService } from '@goprep/api/testing';

const PASSWORD = 'a long enough secret';
const ACME_SECRET = 'acme-client-secret-0123456789';
const SLOW_SECRET = 'slow-client-secret-0123456789';

describe('single sign-on through a real OpenID provider', () => {
  let t: TestApp;
  let idp: RunningOidcProvider;
  let dns: RunningDnsServer;
  const txt = new TxtTable();
  let appUrl: string;
  let owner: Browser;
  let acmeId: string;
  let slowId: string;

  beforeAll(async () => {
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    const redirect = `${appUrl}/api/auth/sso/callback`;
    idp = await startOidcProvider({
      clients: [
        { client_id: 'goprep-acme', client_secret: ACME_SECRET, redirect_uris: [redirect] },
        { client_id: 'goprep-slow', client_secret: SLOW_SECRET, redirect_uris: [redirect], codeTtlSeconds: 3 },
      ],
      users: {
        ada: { password: 'ada-pw', email: 'ada@acme.test', email_verified: true, name: 'Ada Lovelace' },
        bob: { password: 'bob-pw', email: 'Bob@Acme.test', email_verified: true, name: 'Bob' },
        eve: { password: 'eve-pw', email: 'eve@other.test', email_verified: true, name: 'Eve' },
        una: { password: 'una-pw', email: 'una@acme.test', email_verified: false, name: 'Una' },
        owner: { password: 'owner-pw', email: 'owner@acme.test', email_verified: true, name: 'Owner' },
        cy: { password: 'cy-pw', email: 'cy@acme.test', email_verified: true, name: 'Cy' },
        dee: { password: 'dee-pw', email: 'dee@acme.test', email_verified: true, name: 'Dee' },
        sam: { password: 'sam-pw', email: 'sam@slow.test', email_verified: true, name: 'Sam' },
      },
    });
    dns = await startDnsServer(txt.source);
    t = await createTestApp({ PUBLIC_URL: appUrl, SSO_DNS_SERVERS: dns.address }, { port });
    await new Browser(t.server).register('admin@example.com', PASSWORD); // takes the admin seat
    owner = new Browser(t.server);
    await owner.register('owner@acme.test', PASSWORD, 'Owner');
    acmeId = (await owner.post('/api/orgs', { name: 'Acme' })).body.id;
    slowId = (await owner.post('/api/orgs', { name: 'Slow Codes' })).body.id;
  });
  afterAll(async () => {
    await t?.close();
    await idp?.stop();
    await dns?.stop();
  });

  /** What a manager does after listing a domain: publish the TXT record goprep shows, then press Verify. */
  async function proveDomain(orgId: string, domain: string): Promise<void> {
    const settings = await owner.get(`/api/orgs/${orgId}/sso`).expect(200);
    const record = (settings.body.config.domains as Array<{ domain: string; recordName: string; recordValue: string }>).find((d) => d.domain === domain)!;
    txt.set(record.recordName, [record.recordValue]);
    const verified = await owner.post(`/api/orgs/${orgId}/sso/domains/${domain}/verify`, {});
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('verified');
  }

  const toCallback = (jar: Jar, email: string, login: string, password: string) => signInAtProvider(jar, appUrl, idp.issuer, email, login, password);

  async function me(jar: Jar): Promise<Response> {
    return jar.fetch(`${appUrl}/api/me`);
  }

  it('should refuse to save settings whose issuer is no OpenID provider, and need a secret the first time', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const bad = await owner.put(`/api/orgs/${acmeId}/sso`, {
      issuer: dead, clientId: 'goprep-acme', clientSecret: ACME_SECRET, emailDomains: ['acme.test'], ssoRequiredForManagers: false, enabled: true,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('SSO_DISCOVERY_FAILED');
    const noSecret = await owner.put(`/api/orgs/${acmeId}/sso`, {
      issuer: idp.issuer, clientId: 'goprep-acme', emailDomains: ['acme.test'], ssoRequiredForManagers: false, enabled: true,
    });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.fields[0].field).toBe('clientSecret');
    const badDomain = await owner.put(`/api/orgs/${acmeId}/sso`, {
      issuer: idp.issuer, clientId: 'goprep-acme', clientSecret: ACME_SECRET, emailDomains: ['not a domain'], ssoRequiredForManagers: false, enabled: true,
    });
    expect(badDomain.status).toBe(400);
    expect(badDomain.body.code).toBe('VALIDATION_FAILED');
    // A DNS name has at most 253 characters: 254 made of valid labels is refused.
    const label = 'a'.repeat(63);
    const tooLong = `${[label, label, label, 'a'.repeat(57)].join('.')}.test`;
    expect(tooLong).toHaveLength(254);
    const longDomain = await owner.put(`/api/orgs/${acmeId}/sso`, {
      issuer: idp.issuer, clientId: 'goprep-acme', clientSecret: ACME_SECRET, emailDomains: [tooLong], ssoRequiredForManagers: false, enabled: true,
    });
    expect(longDomain.status).toBe(400);
    expect(longDomain.body.fields).toEqual([expect.objectContaining({ field: 'emailDomains', message: 'each of emailDomains must be a domain such as example.com' })]);
  });

  it('should save the settings and never return the client secret', async () => {
    const saved = await owner.put(`/api/orgs/${acmeId}/sso`, {
      issuer: `${idp.issuer}/`, clientId: 'goprep-acme', clientSecret: ACME_SECRET, emailDomains: ['ACME.test', '@acme.test'], ssoRequiredForManagers: false, enabled: true,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      issuer: idp.issuer, clientId: 'goprep-acme', clientSecretSet: true, emailDomains: ['acme.test'],
      domains: [{
        domain: 'acme.test', status: 'pending', verifiedAt: null, verificationMethod: null,
        recordName: '_goprep-challenge.acme.test', recordValue: expect.stringMatching(/^goprep-verification=[A-Za-z0-9_-]{32}$/),
      }],
      ssoRequiredForManagers: false, enabled: true, redirectUri: `${appUrl}/api/auth/sso/callback`,
    });
    const read = await owner.get(`/api/orgs/${acmeId}/sso`).expect(200);
    expect(JSON.stringify(read.body)).not.toContain(ACME_SECRET);
    expect(read.body.config.clientSecretSet).toBe(true);

    const slow = await owner.put(`/api/orgs/${slowId}/sso`, {
      issuer: idp.issuer, clientId: 'goprep-slow', clientSecret: SLOW_SECRET, emailDomains: ['slow.test'], ssoRequiredForManagers: false, enabled: true,
    });
    expect(slow.status).toBe(200);
    // Only proven domains route sign-ins and hold a domain against other organizations.
    await proveDomain(acmeId, 'acme.test');
    await proveDomain(slowId, 'slow.test');
    const taken = await owner.put(`/api/orgs/${slowId}/sso`, {
      issuer: idp.issuer, clientId: 'goprep-slow', emailDomains: ['slow.test', 'acme.test'], ssoRequiredForManagers: false, enabled: true,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('SSO_DOMAIN_TAKEN');
    expect((await owner.get(`/api/orgs/${slowId}/sso`).expect(200)).body.config.emailDomains).toEqual(['slow.test']);
  });

  it('should hide the settings from an outsider', async () => {
    const outsider = new Browser(t.server);
    await outsider.register('outsider@example.com', PASSWORD);
    expect((await outsider.get(`/api/orgs/${acmeId}/sso`)).body.code).toBe('ORGANIZATION_NOT_FOUND');
  });

  it('should create an account just in time, as a plain member, and sign it in', async () => {
    const jar = new Jar();
    const landed = await finish(jar, await toCallback(jar, 'ada@acme.test', 'ada', 'ada-pw'));
    expect(landed.href).toBe(`${appUrl}/`);
    const res = await me(jar);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; email: string; displayName: string; role: string; organizations: unknown[] };
    expect(body).toMatchObject({ email: 'ada@acme.test', displayName: 'Ada Lovelace', role: 'learner', organizations: [] });
    const rows = await t.sql<{ role: string }>(`SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2`, [acmeId, body.id]);
    expect(rows).toEqual([{ role: 'member' }]);
    // A member has no hiring rights in the organization.
    const sets = await jar.fetch(`${appUrl}/api/orgs/${acmeId}/sso`);
    expect(sets.status).toBe(404);
    expect(await t.sql(`SELECT 1 FROM sso_login_states`)).toHaveLength(0);
  });

  it('should raise a member who accepts a manager invite to manager of that organization', async () => {
    const jar = new Jar();
    await finish(jar, await toCallback(jar, 'ada@acme.test', 'ada', 'ada-pw'));
    const invite = await owner.post(`/api/orgs/${acmeId}/invites`, { email: 'ada@acme.test' });
    expect(invite.status).toBe(201);
    const csrf = ((await (await jar.fetch(`${appUrl}/api/auth/csrf`)).json()) as { token: string }).token;
    const accepted = await jar.fetch(`${appUrl}/api/org-invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ token: invite.body.token }),
    });
    expect(accepted.status).toBe(200);
    const body = (await (await me(jar)).json()) as { role: string; organizations: unknown[] };
    expect(body.role).toBe('manager');
    expect(body.organizations).toEqual([{ id: acmeId, name: 'Acme', role: 'manager' }]);
  });

  it('should link an existing account of the organization with the same email instead of creating another', async () => {
    const bob = new Browser(t.server);
    const registered = await bob.register('bob@acme.test', PASSWORD, 'Bob Registered');
    const invite = await owner.post(`/api/orgs/${acmeId}/invites`, { email: 'bob@acme.test' });
    expect((await bob.post('/api/org-invites/accept', { token: invite.body.token })).status).toBe(200);
    const jar = new Jar();
    expect((await finish(jar, await toCallback(jar, 'bob@acme.test', 'bob', 'bob-pw'))).href).toBe(`${appUrl}/`);
    const body = (await (await me(jar)).json()) as { id: string; displayName: string };
    expect(body.id).toBe(registered.body.user.id);
    expect(body.displayName).toBe('Bob Registered');
    expect(await t.sql(`SELECT id FROM users WHERE lower(email) = 'bob@acme.test'`)).toHaveLength(1);
    // Linking never lowers a role the account already had.
    expect(await t.sql(`SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2`, [acmeId, body.id])).toEqual([{ role: 'manager' }]);
  });

  it('should refuse to take over an account with an email in the domain that the organization does not hold', async () => {
    // Even with acme.test proven, whoever runs the organization's provider must not be able to
    // become an account that exists outside the organization (it may predate the domain's owner).
    const cy = new Browser(t.server);
    const registered = await cy.register('cy@acme.test', PASSWORD, 'Cy Registered');
    const jar = new Jar();
    const landed = await finish(jar, await toCallback(jar, 'cy@acme.test', 'cy', 'cy-pw'));
    expect(landed.pathname).toBe('/login');
    expect(landed.searchParams.get('sso_error')).toBe('SSO_ACCOUNT_NOT_LINKABLE');
    expect((await me(jar)).status).toBe(401);
    expect(await t.sql(`SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2`, [acmeId, registered.body.user.id])).toEqual([]);
    // The account's own password still works.
    expect((await cy.get('/api/me')).status).toBe(200);
  });

  it('should refuse an ID token whose nonce is not the one this sign-in sent', async () => {
    const jar = new Jar();
    const callback = await toCallback(jar, 'ada@acme.test', 'ada', 'ada-pw');
    await t.sql(`UPDATE sso_login_states SET nonce = 'not-the-nonce-that-was-sent'`);
    const landed = await finish(jar, callback);
    expect(landed.pathname).toBe('/login');
    expect(landed.searchParams.get('sso_error')).toBe('SSO_TOKEN_INVALID');
    expect((await me(jar)).status).toBe(401);
  });

  it('should refuse a replayed callback and a replayed code', async () => {
    const jar = new Jar();
    const callback = await toCallback(jar, 'ada@acme.test', 'ada', 'ada-pw');
    const [pending] = await t.sql<{ state_hash: Buffer; organization_id: string; code_verifier: string; nonce: string }>(`SELECT * FROM sso_login_states`);
    const stateCookie = jar.get('goprep_sso_state')!;
    expect((await finish(jar, callback)).href).toBe(`${appUrl}/`);

    // The same callback again: its state was used up.
    const replay = new Jar();
    replay.set('goprep_sso_state', stateCookie, '/api/auth/sso');
    const again = await finish(replay, callback);
    expect(again.searchParams.get('sso_error')).toBe('SSO_STATE_INVALID');

    // Even with the state put back, the provider refuses the code a second time.
    await t.sql(`INSERT INTO sso_login_states (state_hash, organization_id, code_verifier, nonce, expires_at) VALUES ($1, $2, $3, $4, now() + interval '5 minutes')`, [
      pending!.state_hash, pending!.organization_id, pending!.code_verifier, pending!.nonce,
    ]);
    replay.set('goprep_sso_state', stateCookie, '/api/auth/sso');
    const code = await finish(replay, callback);
    expect(code.searchParams.get('sso_error')).toBe('SSO_PROVIDER_ERROR');
    expect((await me(replay)).status).toBe(401);
  });

  it('should refuse a callback from a browser that did not start the sign-in', async () => {
    const jar = new Jar();
    const callback = await toCallback(jar, 'ada@acme.test', 'ada', 'ada-pw');
    const other = new Jar();
    expect((await finish(other, callback)).searchParams.get('sso_error')).toBe('SSO_STATE_INVALID');
  });

  it('should refuse an expired authorization code', async () => {
    // The same client's code used at once signs in: what fails below is the age of the code.
    const quick = new Jar();
    expect((await finish(quick, await toCallback(quick, 'sam@slow.test', 'sam', 'sam-pw'))).href).toBe(`${appUrl}/`);
    const jar = new Jar();
    const callback = await toCallback(jar, 'sam@slow.test', 'sam', 'sam-pw');
    await new Promise((r) => setTimeout(r, 4500)); // this client's codes live 3 s
    const landed = await finish(jar, callback);
    expect(landed.searchParams.get('sso_error')).toBe('SSO_PROVIDER_ERROR');
    expect((await me(jar)).status).toBe(401);
  });

  it('should refuse a user of another domain and an unverified email', async () => {
    const eve = new Jar();
    const refused = await finish(eve, await toCallback(eve, 'ada@acme.test', 'eve', 'eve-pw'));
    expect(refused.searchParams.get('sso_error')).toBe('SSO_DOMAIN_MISMATCH');
    expect((await me(eve)).status).toBe(401);
    expect(await t.sql(`SELECT 1 FROM users WHERE email = 'eve@other.test'`)).toHaveLength(0);

    const una = new Jar();
    const unverified = await finish(una, await toCallback(una, 'una@acme.test', 'una', 'una-pw'));
    expect(unverified.searchParams.get('sso_error')).toBe('SSO_EMAIL_UNVERIFIED');
  });

  it('should send an email of an unknown domain back to the login page', async () => {
    const jar = new Jar();
    const res = await jar.fetch(`${appUrl}/api/auth/sso/start?email=someone%40nowhere.test`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${appUrl}/login?sso_error=SSO_NOT_CONFIGURED`);
    const bad = await jar.fetch(`${appUrl}/api/auth/sso/start?email=not-an-email`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
  });

  it("should refuse a manager's password login when the organization requires SSO, and let members use theirs", async () => {
    // Omitting the secret keeps the stored one: SSO still works afterwards.
    await owner.put(`/api/orgs/${acmeId}/sso`, {
      issuer: idp.issuer, clientId: 'goprep-acme', emailDomains: ['acme.test'], ssoRequiredForManagers: true, enabled: true,
    }).then((r) => expect(r.status).toBe(200));
    const login = await new Browser(t.server).post('/api/auth/login', { email: 'owner@acme.test', password: PASSWORD });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('SSO_REQUIRED');
    const wrong = await new Browser(t.server).post('/api/auth/login', { email: 'owner@acme.test', password: 'not the password at all' });
    expect(wrong.status).toBe(401);

    // Dee joins through SSO as a plain member; an operator gives her a password (the admin command's path).
    const deeJar = new Jar();
    expect((await finish(deeJar, await toCallback(deeJar, 'dee@acme.test', 'dee', 'dee-pw'))).href).toBe(`${appUrl}/`);
    const [dee] = await t.sql<{ id: string }>(`SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id AND m.organization_id = $1 AND m.role = 'member' WHERE lower(u.email) = 'dee@acme.test'`, [acmeId]);
    await t.app.get(PasswordResetService).setByAdmin(dee!.id, PASSWORD);
    const member = await new Browser(t.server).post('/api/auth/login', { email: 'dee@acme.test', password: PASSWORD });
    expect(member.status).toBe(200);

    const jar = new Jar();
    expect((await finish(jar, await toCallback(jar, 'owner@acme.test', 'owner', 'owner-pw'))).href).toBe(`${appUrl}/`);
    const body = (await (await me(jar)).json()) as { email: string; organizations: Array<{ id: string; role: string }> };
    expect(body.email).toBe('owner@acme.test');
    expect(body.organizations).toContainEqual({ id: acmeId, name: 'Acme', role: 'owner' });

    // Not required once SSO is disabled.
    await owner.put(`/api/orgs/${acmeId}/sso`, {
      issuer: idp.issuer, clientId: 'goprep-acme', emailDomains: ['acme.test'], ssoRequiredForManagers: true, enabled: false,
    }).then((r) => expect(r.status).toBe(200));
    expect((await new Browser(t.server).post('/api/auth/login', { email: 'owner@acme.test', password: PASSWORD })).status).toBe(200);
  });
});
