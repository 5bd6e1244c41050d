import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_PREFIX, controllerRoutes } from '@goprep/api/testing';
import request from 'supertest';
import { Browser, createTestApp, type TestApp } from './support/test-app';
import { e2eDatabase } from './support/e2e-env';
import { TcpProxy } from './support/tcp-proxy';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';

describe('platform: health, metrics, docs and error shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ METRICS_TOKEN });
  });
  afterAll(() => t.close());

  it('should report ok with the database up', async () => {
    const res = await request(t.server).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('should echo a sane incoming request id and make one otherwise', async () => {
    const given = await request(t.server).get('/api/health').set('X-Request-Id', 'trace-abc.123');
    expect(given.headers['x-request-id']).toBe('trace-abc.123');
    const made = await request(t.server).get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should expose Prometheus metrics with the request histogram labelled by route template', async () => {
    await request(t.server).get('/api/health');
    await request(t.server).get('/api/questions/some-id');
    const res = await request(t.server).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(res.text).toMatch(/route="\/api\/questions\/:id",status="401"/);
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it.each([
    ['no credentials', undefined],
    ['a wrong token', 'Bearer scrape-token-0123456789abcdeX'],
    ['a token prefix', 'Bearer scrape-token'],
    ['another scheme', `Basic ${METRICS_TOKEN}`],
  ])('should refuse the metrics to a client with %s (401, the Bearer challenge, no metric leaked)', async (_what, header) => {
    let req = request(t.server).get('/metrics');
    if (header) req = req.set('Authorization', header);
    const res = await req;
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    expect(res.text).not.toContain('http_request_duration_seconds');
  });

  it('should serve no metrics at all when METRICS_TOKEN is unset', async () => {
    const off = await createTestApp();
    try {
      const res = await request(off.server).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
      expect({ status: res.status, code: (res.body as { code?: string }).code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    } finally {
      await off.close();
    }
  });

  it('should serve the OpenAPI document, identical to the committed apps/api/openapi.json', async () => {
    const res = await request(t.server).get('/api/docs/openapi.json').expect(200);
    const committed: unknown = JSON.parse(readFileSync(join(__dirname, '../../../apps/api/openapi.json'), 'utf8'));
    expect(res.body).toEqual(committed);
  });

  it('should answer every documented path asked with a method it lacks with 405 METHOD_NOT_ALLOWED and its methods in Allow', async () => {
    const doc = (await request(t.server).get('/api/docs/openapi.json').expect(200)).body as { paths: Record<string, object> };
    const paths = Object.entries(doc.paths);
    expect(paths.length).toBeGreaterThan(100);
    for (const [path, item] of paths) {
      const own = Object.keys(item).map((m) => m.toUpperCase());
      if (own.includes('GET')) own.push('HEAD');
      // Before authentication and the CSRF check: no cookie is sent.
      const res = await request(t.server).trace(path.replace(/\{[^}]+\}/g, 'zz9'));
      expect({ path, status: res.status, code: (res.body as { code?: string }).code }).toEqual({ path, status: 405, code: 'METHOD_NOT_ALLOWED' });
      const allow = String(res.headers['allow']).split(', ');
      // A literal path speaks for itself alone; a parameterised one may share its resource with another route.
      if (!path.includes('{')) expect({ path, allow }).toEqual({ path, allow: own });
      else expect(allow).toEqual(expect.arrayContaining(own));
    }
  });

  it('should build the 405 table from the controllers exactly as the published document names the routes', () => {
    const committed = (JSON.parse(readFileSync(join(__dirname, '../../../apps/api/openapi.json'), 'utf8')) as { paths: Record<string, object> }).paths;
    const shape = (paths: Record<string, object>) => Object.entries(paths).map(([path, item]) => [path, Object.keys(item)]);
    expect(shape(controllerRoutes(t.app, API_PREFIX))).toEqual(shape(committed));
  });

  it('should answer an unknown route with 404 NOT_FOUND in the error shape', async () => {
    const res = await request(t.server).get('/api/no-such-thing').expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('/api/no-such-thing') });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('should refuse a write without the CSRF token', async () => {
    const res = await request(t.server).post('/api/auth/login').send({ email: 'a@b.co', password: 'x' }).expect(403);
    expect(res.body.code).toBe('CSRF_INVALID');
  });

  it('should answer malformed JSON with 400 BAD_JSON', async () => {
    const b = new Browser(t.server);
    const res = await b.agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', await b.csrfToken())
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(res.body.code).toBe('BAD_JSON');
  });

  it('should answer an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const b = new Browser(t.server);
    const res = await b.post('/api/auth/login', { email: 'a@b.co', password: 'x'.repeat(600 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('should send security headers including a CSP', async () => {
    const res = await request(t.server).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('platform: Postgres unreachable', () => {
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

  it('should say db down with 503 quickly, answer API calls with DB_UNAVAILABLE, and recover without a restart', async () => {
    await request(t.server).get('/api/health').expect(200);
    await proxy.cut();

    const started = Date.now();
    const down = await request(t.server).get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: 'degraded', db: 'down' });
    expect(Date.now() - started).toBeLessThan(10_000);

    const b = new Browser(t.server);
    const login = await b.post('/api/auth/login', { email: 'someone@example.com', password: 'whatever-long' });
    expect(login.status).toBe(503);
    expect(login.body.code).toBe('DB_UNAVAILABLE');
    expect(login.headers['retry-after']).toBeDefined();

    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await request(t.server).get('/api/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
