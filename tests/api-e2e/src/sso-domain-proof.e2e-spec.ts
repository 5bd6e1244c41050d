import { freePort, startDnsServer, startOidcProvider, TxtTable, type RunningDnsServer, type RunningOidcProvider } from '@goprep/test-support';
import { SsoDomainProof1764808000000 } from '@goprep/api/testing';
import { DataSource } from 'typeorm';
import { finish, Jar, signInAtProvider } from './support/sso-jar';
import { Browser, createTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'a long enough secret';
const CLIENT_SECRET = 'proof-client-secret-0123456789';

interface DomainView {
  domain: string;
  status: 'pending' | 'verified';
  verifiedAt: string | null;
  verificationMethod: 'dns' | 'admin' | null;
  recordName: string;
  recordValue: string;
}

/**
 * SSO email domains must be proven before they route a sign-in: goprep looks up the TXT record
 * `_goprep-challenge.<domain>` on a real DNS server this suite runs (UDP, on a free port), named
 * to the app by SSO_DNS_SERVERS. Also: the client and webhook secrets are sealed in the database.
 */
describe('SSO domains proven by DNS, and secrets encrypted at rest', () => {
  let t: TestApp;
  let idp: RunningOidcProvider;
  let dns: RunningDnsServer;
  const txt = new TxtTable();
  let appUrl: string;
  let admin: Browser;
  let owner: Browser;
  let proofId: string;
  let rivalId: string;

  beforeAll(async () => {
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    idp = await startOidcProvider({
      clients: [{ client_id: 'goprep-proof', client_secret: CLIENT_SECRET, redirect_uris: [`${appUrl}/api/auth/sso/callback`] }],
      users: {
        val: { password: 'val-pw', email: 'val@proof.test', email_verified: true, name: 'Val' },
        pat: { password: 'pat-pw', email: 'pat@pending.test', email_verified: true, name: 'Pat' },
      },
    });
    dns = await startDnsServer(txt.source);
    t = await createTestApp({ PUBLIC_URL: appUrl, SSO_DNS_SERVERS: dns.address, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_WORKER: 'false' }, { port });
    admin = new Browser(t.server);
    await admin.register('admin@example.com', PASSWORD); // takes the admin seat
    owner = new Browser(t.server);
    await owner.register('owner@proof.test', PASSWORD, 'Owner');
    proofId = (await owner.post('/api/orgs', { name: 'Proof' })).body.id;
    rivalId = (await owner.post('/api/orgs', { name: 'Rival' })).body.id;
  });
  afterAll(async () => {
    await t?.close();
    await idp?.stop();
    await dns?.stop();
  });

  const settings = { issuer: '', clientId: 'goprep-proof', ssoRequiredForManagers: false, enabled: true };

  async function domains(orgId: string): Promise<DomainView[]> {
    return (await owner.get(`/api/orgs/${orgId}/sso`).expect(200)).body.config.domains;
  }

  async function startRedirect(email: string): Promise<string> {
    const res = await new Jar().fetch(`${appUrl}/api/auth/sso/start?email=${encodeURIComponent(email)}`);
    expect(res.status).toBe(302);
    return res.headers.get('location')!;
  }

  it('should list a new domain as pending with the TXT record to publish, and not route a sign-in through it', async () => {
    settings.issuer = idp.issuer;
    const saved = await owner.put(`/api/orgs/${proofId}/sso`, { ...settings, clientSecret: CLIENT_SECRET, emailDomains: ['proof.test', 'pending.test'] });
    expect(saved.status).toBe(200);
    const list = await domains(proofId);
    expect(list.map((d) => [d.domain, d.status, d.verifiedAt, d.verificationMethod, d.recordName])).toEqual([
      ['pending.test', 'pending', null, null, '_goprep-challenge.pending.test'],
      ['proof.test', 'pending', null, null, '_goprep-challenge.proof.test'],
    ]);
    expect(list[0]!.recordValue).toMatch(/^goprep-verification=[A-Za-z0-9_-]{32}$/);
    expect(list[0]!.recordValue).not.toBe(list[1]!.recordValue);

    expect(await startRedirect('val@proof.test')).toBe(`${appUrl}/login?sso_error=SSO_DOMAIN_UNVERIFIED`);
    expect(await t.sql(`SELECT 1 FROM sso_login_states`)).toHaveLength(0);
    // Saving again keeps each domain's token (the record a manager already published stays valid).
    expect((await owner.put(`/api/orgs/${proofId}/sso`, { ...settings, emailDomains: ['pending.test', 'proof.test'] })).status).toBe(200);
    expect((await domains(proofId)).map((d) => d.recordValue)).toEqual(list.map((d) => d.recordValue));
  });

  it('should refuse verification without the TXT record, with a wrong value, and with the value of another organization', async () => {
    const [, proof] = await domains(proofId);
    const missing = await owner.post(`/api/orgs/${proofId}/sso/domains/proof.test/verify`, {});
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('SSO_DOMAIN_PROOF_MISSING');
    expect(missing.body.message).toContain('_goprep-challenge.proof.test');

    txt.set(proof!.recordName, ['goprep-verification=not-the-token', 'v=spf1 -all']);
    const wrong = await owner.post(`/api/orgs/${proofId}/sso/domains/proof.test/verify`, {});
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('SSO_DOMAIN_PROOF_MISSING');

    // A rival organization may list the domain too (pending); its token does not prove Proof's claim.
    expect((await owner.put(`/api/orgs/${rivalId}/sso`, { ...settings, clientSecret: CLIENT_SECRET, emailDomains: ['proof.test'] })).status).toBe(200);
    const [rivalRecord] = await domains(rivalId);
    expect(rivalRecord!.recordValue).not.toBe(proof!.recordValue);
    txt.set(proof!.recordName, [rivalRecord!.recordValue]);
    const others = await owner.post(`/api/orgs/${proofId}/sso/domains/proof.test/verify`, {});
    expect(others.status).toBe(422);
    expect((await domains(proofId)).every((d) => d.status === 'pending')).toBe(true);
    expect(dns.queries.filter((q) => q === '_goprep-challenge.proof.test TXT').length).toBeGreaterThanOrEqual(3);
  });

  it("should verify the domain when its TXT record holds the organization's value, and then route sign-ins", async () => {
    const [, proof] = await domains(proofId);
    txt.set(proof!.recordName, ['v=spf1 -all', proof!.recordValue]);
    const verified = await owner.post(`/api/orgs/${proofId}/sso/domains/PROOF.test/verify`, {});
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ domain: 'proof.test', status: 'verified', verificationMethod: 'dns' });
    expect(Date.now() - Date.parse(verified.body.verifiedAt)).toBeLessThan(60_000);

    const jar = new Jar();
    const landed = await finish(jar, await signInAtProvider(jar, appUrl, idp.issuer, 'val@proof.test', 'val', 'val-pw'));
    expect(landed.href).toBe(`${appUrl}/`);
    const me = (await (await jar.fetch(`${appUrl}/api/me`)).json()) as { email: string };
    expect(me.email).toBe('val@proof.test');
  });

  it('should not create an account just in time for an email of a domain the organization lists but has not proven', async () => {
    // The sign-in starts through the proven domain; the provider then vouches for pat@pending.test.
    const jar = new Jar();
    const landed = await finish(jar, await signInAtProvider(jar, appUrl, idp.issuer, 'val@proof.test', 'pat', 'pat-pw'));
    expect(landed.pathname).toBe('/login');
    expect(landed.searchParams.get('sso_error')).toBe('SSO_DOMAIN_UNVERIFIED');
    expect(await t.sql(`SELECT 1 FROM users WHERE email = 'pat@pending.test'`)).toHaveLength(0);
    expect((await jar.fetch(`${appUrl}/api/me`)).status).toBe(401);
  });

  it('should refuse a domain that another organization has verified, and a domain the organization does not list', async () => {
    const [rivalRecord] = await domains(rivalId);
    txt.set(rivalRecord!.recordName, [rivalRecord!.recordValue]);
    const taken = await owner.post(`/api/orgs/${rivalId}/sso/domains/proof.test/verify`, {});
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('SSO_DOMAIN_TAKEN');
    expect((await domains(rivalId))[0]!.status).toBe('pending');
    const resave = await owner.put(`/api/orgs/${rivalId}/sso`, { ...settings, emailDomains: ['proof.test'] });
    expect(resave.status).toBe(409);
    expect(resave.body.code).toBe('SSO_DOMAIN_TAKEN');

    const unknown = await owner.post(`/api/orgs/${proofId}/sso/domains/elsewhere.test/verify`, {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('SSO_DOMAIN_NOT_FOUND');
    const outsider = new Browser(t.server);
    await outsider.register('outsider@example.com', PASSWORD);
    expect((await outsider.post(`/api/orgs/${proofId}/sso/domains/proof.test/verify`, {})).body.code).toBe('ORGANIZATION_NOT_FOUND');
  });

  it('should let only a site admin mark a domain verified by hand, recorded in the audit trail', async () => {
    const refused = await owner.post(`/api/admin/orgs/${proofId}/sso/domains/pending.test/verify`, {});
    expect(refused.status).toBe(403);
    const vouched = await admin.post(`/api/admin/orgs/${proofId}/sso/domains/pending.test/verify`, {});
    expect(vouched.status).toBe(200);
    expect(vouched.body).toMatchObject({ domain: 'pending.test', status: 'verified', verificationMethod: 'admin' });
    const [adminUser] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'admin@example.com'`);
    expect(await t.sql(`SELECT actor_id, entity, entity_id, action, detail FROM audit_events WHERE org_id = $1`, [proofId])).toEqual([
      { actor_id: adminUser!.id, entity: 'organization', entity_id: proofId, action: 'sso-domain-verified-by-admin', detail: { domain: 'pending.test' } },
    ]);
    expect(await t.sql(`SELECT verified_by FROM org_sso_domains WHERE organization_id = $1 AND domain = 'pending.test'`, [proofId])).toEqual([{ verified_by: adminUser!.id }]);

    const jar = new Jar();
    expect((await finish(jar, await signInAtProvider(jar, appUrl, idp.issuer, 'pat@pending.test', 'pat', 'pat-pw'))).href).toBe(`${appUrl}/`);
  });

  it('should store the client secret and webhook signing secrets encrypted, and still use and reveal them', async () => {
    const [config] = await t.sql<{ client_secret: string }>(`SELECT client_secret FROM org_sso_configs WHERE organization_id = $1`, [proofId]);
    expect(config!.client_secret).toMatch(/^gpenc:v1:[0-9a-f]{16}:/);
    expect(config!.client_secret).not.toContain(CLIENT_SECRET);
    expect(Buffer.from(config!.client_secret.split(':')[4]!, 'base64url').toString('latin1')).not.toContain(CLIENT_SECRET);

    const created = await owner.post(`/api/orgs/${proofId}/webhooks`, { url: 'http://127.0.0.1:9/hook', events: ['attempt.submitted'] });
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^whsec_/);
    const key = secret.slice('whsec_'.length);
    const stored = async () => (await t.sql<{ secret: string }>(`SELECT secret FROM webhook_endpoints WHERE id = $1`, [created.body.id]))[0]!.secret;
    expect(await stored()).toMatch(/^gpenc:v1:/);
    expect(await stored()).not.toContain(key);
    expect((await owner.get(`/api/orgs/${proofId}/webhooks/${created.body.id}/secret`).expect(200)).body.secret).toBe(secret);
    const rotated = await owner.post(`/api/orgs/${proofId}/webhooks/${created.body.id}/secret/rotate`, {});
    expect(rotated.body.secret).not.toBe(secret);
    expect(await stored()).not.toContain(rotated.body.secret.slice('whsec_'.length));
    expect((await owner.get(`/api/orgs/${proofId}/webhooks/${created.body.id}/secret`).expect(200)).body.secret).toBe(rotated.body.secret);
  });

  it('should encrypt the plaintext secrets of an older database when the migration runs, and leave domains pending', async () => {
    const ds = t.app.get(DataSource);
    const migration = new SsoDomainProof1764808000000();
    const runner = ds.createQueryRunner();
    try {
      await runner.startTransaction();
      await migration.down(runner);
      await runner.commitTransaction();
      // The schema and data as they were before: plaintext secrets, no verification columns.
      const [before] = await t.sql<{ client_secret: string }>(`SELECT client_secret FROM org_sso_configs WHERE organization_id = $1`, [proofId]);
      expect(before!.client_secret).toBe(CLIENT_SECRET);
      const hooks = await t.sql<{ secret: string }>(`SELECT secret FROM webhook_endpoints`);
      expect(hooks.every((h) => h.secret.startsWith('whsec_'))).toBe(true);

      await runner.startTransaction();
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    const [after] = await t.sql<{ client_secret: string }>(`SELECT client_secret FROM org_sso_configs WHERE organization_id = $1`, [proofId]);
    expect(after!.client_secret).toMatch(/^gpenc:v1:/);
    expect(after!.client_secret).not.toContain(CLIENT_SECRET);
    expect((await t.sql<{ secret: string }>(`SELECT secret FROM webhook_endpoints`)).every((h) => h.secret.startsWith('gpenc:v1:'))).toBe(true);
    expect(await t.sql(`SELECT domain, verified_at FROM org_sso_domains WHERE organization_id = $1 ORDER BY domain`, [proofId])).toEqual([
      { domain: 'pending.test', verified_at: null },
      { domain: 'proof.test', verified_at: null },
    ]);
    // Pending again: no routing until proven again.
    expect(await startRedirect('val@proof.test')).toBe(`${appUrl}/login?sso_error=SSO_DOMAIN_UNVERIFIED`);
  });
});
