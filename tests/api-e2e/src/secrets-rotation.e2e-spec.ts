import { randomBytes } from 'node:crypto';
import { freePort, startOidcProvider, type RunningOidcProvider } from '@goprep/test-support';
import { Browser, createTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'a long enough secret';
const CLIENT_SECRET = 'rotation-client-secret-0123456789';

/** The key id inside a sealed value (`gpenc:v1:<key id>:...`). */
const keyIdOf = (sealed: string) => sealed.split(':')[2];

/**
 * A SECRETS_KEY rotation: an app restarted with a new key and the old one in
 * SECRETS_KEY_PREVIOUS re-encrypts what is stored at start, after which the old key can go.
 */
describe('secrets encrypted at rest across a key rotation', () => {
  const keyA = randomBytes(32).toString('base64');
  const keyB = randomBytes(32).toString('base64');
  let idp: RunningOidcProvider;
  let t: TestApp | undefined;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    idp = await startOidcProvider({
      clients: [{ client_id: 'goprep-rot', client_secret: CLIENT_SECRET, redirect_uris: [`http://127.0.0.1:${port}/api/auth/sso/callback`] }],
      users: {},
    });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.stop();
  });

  const start = (env: Record<string, string>, database?: string) =>
    createTestApp({ PUBLIC_URL: `http://127.0.0.1:${port}`, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_WORKER: 'false', ...env }, { port, ...(database ? { database } : {}) });

  it('should move stored secrets to the new key at start and keep revealing them once the old key is gone', async () => {
    t = await start({ SECRETS_KEY: keyA });
    const owner = new Browser(t.server);
    await owner.register('admin@example.com', PASSWORD);
    const orgId: string = (await owner.post('/api/orgs', { name: 'Rotation' })).body.id;
    const saved = await owner.put(`/api/orgs/${orgId}/sso`, { issuer: idp.issuer, clientId: 'goprep-rot', clientSecret: CLIENT_SECRET, emailDomains: ['rot.test'], ssoRequiredForManagers: false, enabled: true });
    expect(saved.status).toBe(200);
    const hook = await owner.post(`/api/orgs/${orgId}/webhooks`, { url: 'http://127.0.0.1:9/hook', events: ['attempt.submitted'] });
    expect(hook.status).toBe(201);
    const raw = async (app: TestApp) => ({
      client: (await app.sql<{ s: string }>(`SELECT client_secret AS s FROM org_sso_configs`))[0]!.s,
      hook: (await app.sql<{ s: string }>(`SELECT secret AS s FROM webhook_endpoints`))[0]!.s,
    });
    const underA = await raw(t);
    expect(keyIdOf(underA.client)).toBe(keyIdOf(underA.hook));
    const database = t.database;
    await t.close({ keepDatabase: true });

    t = await start({ SECRETS_KEY: keyB, SECRETS_KEY_PREVIOUS: keyA }, database);
    const underB = await raw(t);
    expect(keyIdOf(underB.client)).not.toBe(keyIdOf(underA.client));
    expect(keyIdOf(underB.hook)).toBe(keyIdOf(underB.client));
    expect(underB.client).not.toContain(CLIENT_SECRET);
    await t.close({ keepDatabase: true });

    // A process with an unrelated key (an admin command run without SECRETS_KEY) starts and leaves the values alone.
    t = await start({ SECRETS_KEY: randomBytes(32).toString('base64') }, database);
    expect(await raw(t)).toEqual(underB);
    await t.close({ keepDatabase: true });

    t = await start({ SECRETS_KEY: keyB }, database);
    const again = new Browser(t.server);
    await again.post('/api/auth/login', { email: 'admin@example.com', password: PASSWORD });
    const revealed = await again.get(`/api/orgs/${orgId}/webhooks/${hook.body.id}/secret`).expect(200);
    expect(revealed.body.secret).toBe(hook.body.secret);
    // Saving without a secret reads the stored one for discovery: it opens under the new key.
    const resaved = await again.put(`/api/orgs/${orgId}/sso`, { issuer: idp.issuer, clientId: 'goprep-rot', emailDomains: ['rot.test'], ssoRequiredForManagers: false, enabled: true });
    expect(resaved.status).toBe(200);
    expect(resaved.body.clientSecretSet).toBe(true);
  });
});
