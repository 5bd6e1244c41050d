import { SessionCacheService } from '@goprep/api/testing';
import request from 'supertest';
import { Browser, createTestApp, type TestApp } from '../support/test-app';

/**
 * The session lookup is cached per instance (issue 17) for 30 s here, far longer than any test
 * below, so a 401 right after a revocation can only come from the instance having been told.
 * Two API instances share one database: the change is made through one (or in SQL) and seen on
 * the other at once.
 */
const CACHE_SECONDS = '30';

/** The session cookie a response set, as a Cookie header. */
function sessionCookie(res: request.Response): string {
  const lines = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  const pair = lines.find((l) => l.startsWith('goprep_session='))?.split(';')[0];
  if (!pair) throw new Error('no session cookie');
  return pair;
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * B's answer once `ok` holds. A notification reaches B a few milliseconds after the commit (the
 * listening backend is woken by a signal), so B may still answer from its cache in between; far
 * under NOTIFIED_WITHIN_MS, against the 30 s an unnotified cache would keep the entry.
 */
const NOTIFIED_WITHIN_MS = 2000;
let b: TestApp;
async function onB(path: string, cookie: string, ok: (r: request.Response) => boolean): Promise<request.Response> {
  const started = Date.now();
  for (;;) {
    const res = await request(b.server).get(path).set('Cookie', cookie);
    if (ok(res)) return res;
    if (Date.now() - started > NOTIFIED_WITHIN_MS) throw new Error(`B still answers ${res.status} ${JSON.stringify(res.body)} after ${NOTIFIED_WITHIN_MS} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('security: the cached session lookup on two instances', () => {
  let a: TestApp;
  let cacheB: SessionCacheService;

  beforeAll(async () => {
    a = await createTestApp({ SESSION_CACHE_SECONDS: CACHE_SECONDS });
    b = await createTestApp({ SESSION_CACHE_SECONDS: CACHE_SECONDS }, { database: a.database });
    cacheB = b.app.get(SessionCacheService);
  });
  afterAll(async () => {
    await b?.close({ keepDatabase: true });
    await a?.close();
  });

  /** A new user registered on A, whose cookie B has looked up and now holds in its cache. */
  async function userCachedOnB(tag: string): Promise<{ browser: Browser; cookie: string; email: string }> {
    const browser = new Browser(a.server);
    const email = `${tag}-${Date.now()}@cache.example.com`;
    const registered = await browser.register(email);
    expect(registered.status).toBe(201);
    const cookie = sessionCookie(registered);
    const before = cacheB.size;
    // The first lookup starts B's LISTEN connection; lookups are stored once it is up.
    await waitFor('B to cache the session', async () => {
      expect((await request(b.server).get('/api/me').set('Cookie', cookie)).status).toBe(200);
      return cacheB.active && cacheB.size > before;
    });
    return { browser, cookie, email };
  }

  it('should refuse a session on instance B right after its logout on instance A', async () => {
    const { browser, cookie } = await userCachedOnB('logout');
    expect((await browser.post('/api/auth/logout')).status).toBe(204);
    const res = await onB('/api/me', cookie, (r) => r.status === 401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('should end the other sessions on instance B right after a password change on instance A', async () => {
    const { cookie, email } = await userCachedOnB('password');
    // A second session of the same user, on A: the one that changes the password and stays.
    const second = new Browser(a.server);
    const login = await second.post('/api/auth/login', { email, password: 'correct horse battery' });
    expect(login.status).toBe(200);
    expect((await second.post('/api/auth/password', { currentPassword: 'correct horse battery', newPassword: 'a different horse staple' })).status).toBe(204);
    await onB('/api/me', cookie, (r) => r.status === 401);
    expect((await request(b.server).get('/api/me').set('Cookie', sessionCookie(login))).status).toBe(200);
  });

  it('should show a role changed in SQL (any tool, not only the API) on instance B at once', async () => {
    const { cookie, email } = await userCachedOnB('role');
    expect((await request(b.server).get('/api/me').set('Cookie', cookie)).body).toMatchObject({ role: 'learner' });
    await a.sql(`UPDATE users SET role = 'manager' WHERE email = $1`, [email]);
    await onB('/api/me', cookie, (r) => (r.body as { role?: string }).role === 'manager');
  });

  it('should read Postgres again, not the cache, while its LISTEN connection is down', async () => {
    const { cookie, email } = await userCachedOnB('listen-lost');
    // Kill B's listening backend: a revocation made while it is down would go unheard.
    const killed = await a.sql<{ ok: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN session_changes'`,
    );
    expect(killed.length).toBeGreaterThan(0);
    await waitFor('B to notice the lost connection', () => !cacheB.active);
    expect(cacheB.size).toBe(0);
    await a.sql(`UPDATE sessions SET revoked_at = now() WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [email]);
    expect((await request(b.server).get('/api/me').set('Cookie', cookie)).status).toBe(401);
    // It reconnects and caches again.
    await userCachedOnB('listen-back');
  });
});
