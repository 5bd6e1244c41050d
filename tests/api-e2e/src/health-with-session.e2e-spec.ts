import { e2eDatabase } from './support/e2e-env';
import { TcpProxy } from './support/tcp-proxy';
import { Browser, createTestApp, type TestApp } from './support/test-app';

/**
 * Found by the chaos suite: a browser's requests carry the session cookie, and the session lookup
 * ran before every route, so /api/health answered DB_UNAVAILABLE instead of saying "db down".
 */
describe('health with a session cookie while Postgres is unreachable', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  beforeAll(async () => {
    proxy = new TcpProxy(e2eDatabase().port);
    t = await createTestApp({}, { proxy });
  });
  afterAll(async () => {
    await t.close();
    await proxy.cut();
  });

  it('should say db down on /api/health to a logged-in browser, and DB_UNAVAILABLE on routes that need the session', async () => {
    const b = new Browser(t.server);
    expect((await b.register('health-watcher@example.com')).status).toBe(201);
    expect((await b.get('/api/health')).body).toEqual({ status: 'ok', db: 'up' });

    await proxy.cut();
    const health = await b.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'degraded', db: 'down' });
    const me = await b.get('/api/me');
    expect(me.status).toBe(503);
    expect((me.body as { code: string }).code).toBe('DB_UNAVAILABLE');

    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await b.get('/api/me')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
