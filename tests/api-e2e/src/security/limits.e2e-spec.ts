import { connect } from 'node:net';
import { Client } from 'pg';
import { embeddedUrl } from '@goprep/api/testing';
import request from 'supertest';
import { e2eDatabase } from '../support/e2e-env';
import { createWorld, loadOpenApi, operations, type JsonSchema, type Role, type World } from './world';

/**
 * How each collection endpoint is bounded. Every GET whose answer is a list (a JSON array, or an
 * object holding one) must be listed: a new unbounded list is a decision, not an accident.
 * 'paged' entries are checked below against their declared maximum.
 */
const LIST_BOUNDS: Record<string, string> = {
  'GET /api/orgs': 'bounded: the organizations the user belongs to',
  'GET /api/rooms': 'capped: the newest 200 rooms of the user',
  'GET /api/rooms/{id}': "bounded: one room, its two seats and what was asked",
  'GET /api/rooms/{id}/panel': 'capped: the panel limit of bank questions',
  'GET /api/rooms/{id}/notes': 'capped: the first 1000 notes of the room',
  'GET /api/rooms/{id}/scorecard': "bounded: one scorecard and the room's asked questions",
  'GET /api/rooms/{id}/replay': "bounded: one room's updates (rooms expire after 24 h; each socket's messages are rate-limited)",
  'GET /api/orgs/{orgId}/webhooks': 'capped: the first 100 endpoints of the organization',
  'GET /api/orgs/{orgId}/webhooks/{id}/deliveries': 'paged: limit 1..200 (newest first)',
  'GET /api/topics': 'bounded: the fixed topic list',
  'GET /api/questions': 'paged: pageSize 1..100',
  'GET /api/attempts': 'capped: the newest 100 attempts',
  'GET /api/attempts/{id}': "bounded: one attempt's items (a quiz has at most 50)",
  'GET /api/attempts/{id}/review': "bounded: one attempt's items",
  'GET /api/orgs/{orgId}/questions': 'paged: limit 1..500 (default 100), offset; total in X-Total-Count',
  'GET /api/drills/deck': 'paged: limit 1..500 (default 200), offset; total in the body',
  'GET /api/drills/due': 'bounded: due cards plus the daily new-card limit',
  'GET /api/judge/status': 'bounded: the runners that reported a heartbeat',
  'GET /api/judge/runs/{id}': "bounded: one run's tests (a task's test functions)",
  'GET /api/candidate/judge/status': 'bounded: the runners that reported a heartbeat',
  'GET /api/candidate/attempt/judge/runs/{id}': "bounded: one run's tests (a task's test functions)",
  'GET /api/drills/stats': 'bounded: fixed windows of days',
  'GET /api/drills/export.apkg': "bounded: one learner's deck (a card per question at most)",
  'GET /api/drills/export.csv': "bounded: one learner's deck (a card per question at most)",
  'GET /api/admin/drills/lapse-heavy': 'paged: limit 1..200',
  'GET /api/set-templates': 'bounded: the templates in the repository',
  'GET /api/orgs/{orgId}/sets': 'paged: limit 1..500 (default 100), offset; total in X-Total-Count',
  'GET /api/orgs/{orgId}/sets/{setId}': 'bounded: one set (at most 200 items) and its versions',
  'GET /api/orgs/{orgId}/sets/{setId}/versions/{version}': 'bounded: one version (at most 200 items)',
  'GET /api/orgs/{orgId}/sets/{setId}/audit': 'paged: limit 1..500 (default 100), offset; total in X-Total-Count',
  'GET /api/orgs/{orgId}/invites/{inviteId}/audit': 'paged: limit 1..500 (default 100), offset; total in X-Total-Count',
  'GET /api/orgs/{orgId}/invites/{inviteId}/rooms': "bounded: at most 50 of an invite's rooms, each with one scorecard",
  'GET /api/orgs/{orgId}/sets/{setId}/invites': 'paged: limit 1..500 (default 100), offset; total in X-Total-Count',
  'GET /api/candidate/attempt': "bounded: one attempt's items",
  'GET /api/candidate/attempt/review': "bounded: one attempt's items",
  'GET /api/orgs/{orgId}/sets/{setId}/results': 'paged: limit 1..500 (default 100), offset, after the filters; total in the body',
  'GET /api/orgs/{orgId}/sets/{setId}/results.csv': 'UNBOUNDED: a download of every row, by design',
  'GET /api/orgs/{orgId}/sets/{setId}/versions/{version}/statistics': "bounded: one version's items",
  'GET /api/orgs/{orgId}/results/compare': 'bounded: the ids asked for',
  'GET /api/orgs/{orgId}/results/{attemptId}': "bounded: one attempt's items",
  'GET /api/me': 'bounded: the user and their organizations',
  'GET /api/questions/{id}': 'bounded: one question (its options and references)',
  'GET /api/questions/{id}/preview': 'bounded: one question',
  'GET /api/orgs/{orgId}/questions/{id}': 'bounded: one question',
  'GET /api/drills/settings': 'bounded: one settings record (its learning steps)',
  'GET /api/orgs/{orgId}/sets/{setId}/export': 'bounded: one version',
  'GET /api/me/tokens': 'capped: the newest 200 tokens',
  'GET /api/orgs/{orgId}/tokens': 'capped: the newest 200 tokens',
};

function holdsList(schema: JsonSchema | undefined, schemas: Record<string, JsonSchema>, depth = 0): boolean {
  if (!schema || depth > 2) return false;
  if (schema.$ref) return holdsList(schemas[schema.$ref.split('/').pop()!], schemas, depth);
  if (schema.type === 'array') return true;
  return Object.values(schema.properties ?? {}).some((p) => p.type === 'array' || (depth < 1 && holdsList(p, schemas, depth + 1)));
}

describe('security: request limits', () => {
  let w: World;

  beforeAll(async () => {
    w = await createWorld({ REQUEST_TIMEOUT_MS: '1500' });
  });
  afterAll(() => w?.close());

  it('should refuse bodies nested deeper than any real one, and text that cannot be stored, with 400', async () => {
    const learner = w.actors.learner;
    const deep = `{"response":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`;
    for (const rawBody of [deep, '{"response":{"text":"a\\u0000b"}}', '{"response":{"text":"\\ud800"}}', '{"response":{"\\udc00":"x"}}']) {
      const res = await learner.send('put', `/api/attempts/${w.ids.attempt}/items/1/answer`, { rawBody });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    // Well-formed astral characters are fine.
    const ok = await learner.send('put', `/api/attempts/${w.ids.attempt}/items/1/answer`, { body: { response: null, flagged: true } });
    expect(ok.status).toBe(200);
  });

  it('should answer 400, not 500, when a validator throws on an odd value (5e-323 as a grade, found by the fuzz)', async () => {
    const res = await w.actors.managerA.send('put', `/api/orgs/${w.ids.orgA}/results/${w.ids.candidateAttempt}/items/1/grade`, { rawBody: '{"score":5e-323}' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('should answer an oversized request line and broken HTTP in the error shape, not with an empty body', async () => {
    const long = await request(w.t.server).get(`/api/questions?q=${'x'.repeat(40_000)}`);
    expect(long.status).toBe(431);
    expect(long.body).toMatchObject({ code: 'HEADERS_TOO_LARGE', message: expect.any(String) });

    const { port } = w.t.server.address() as { port: number };
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n'));
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ code: 'MALFORMED_REQUEST' });
  });

  it('should bound how long a client may take to send a request', () => {
    expect(w.t.server.requestTimeout).toBe(1500);
    expect(w.t.server.headersTimeout).toBeLessThanOrEqual(1500);
    expect(w.t.server.keepAliveTimeout).toBeGreaterThan(60_000);
  });

  it('should answer 503 SERVER_TIMEOUT when a route takes longer than REQUEST_TIMEOUT_MS, then work again', async () => {
    // Another connection holds a lock the session lookup needs (so every authenticated route hangs)
    // and one /api/me reads after it (so it hangs too while the session is cached, issue 17).
    const blocker = new Client({ connectionString: embeddedUrl(e2eDatabase().port, w.t.database) });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE sessions, memberships IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const res = await w.actors.learner.browser.get('/api/me');
      const took = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'SERVER_TIMEOUT', message: expect.any(String) });
      expect(res.headers['retry-after']).toBe('5');
      expect(took).toBeGreaterThanOrEqual(1400);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    expect((await w.actors.learner.browser.get('/api/me')).status).toBe(200);
  });

  it('should know how every list endpoint is bounded', () => {
    const doc = loadOpenApi() as ReturnType<typeof loadOpenApi> & {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }>>;
    };
    const schemas = (doc.components?.schemas ?? {}) as Record<string, JsonSchema>;
    const lists = operations(doc)
      .filter((op) => op.method === 'get')
      .filter((op) => holdsList(doc.paths[op.path]?.['get']?.responses?.['200']?.content?.['application/json']?.schema, schemas))
      .map((op) => op.key);
    expect(lists.length).toBeGreaterThan(5);
    expect(lists.filter((key) => !(key in LIST_BOUNDS))).toEqual([]);
  });

  it('should hold paged endpoints to their maximum page size', async () => {
    const learner = w.actors.learner;
    for (const query of ['pageSize=101', 'pageSize=0', 'pageSize=-1', 'page=0', 'pageSize=1e9', 'page=abc']) {
      const res = await learner.browser.get(`/api/questions?${query}`);
      expect([query, res.status, res.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
    const full = await learner.browser.get('/api/questions?pageSize=100');
    expect(full.status).toBe(200);
    expect(full.body.items.length).toBeLessThanOrEqual(100);
    const far = await learner.browser.get('/api/questions?page=2147483647&pageSize=100');
    // Far past the end: an empty page or a refusal, never an error.
    expect([200, 400]).toContain(far.status);
    if (far.status === 200) expect(far.body.items).toEqual([]);
    if (operations().some((op) => op.key === 'GET /api/admin/drills/lapse-heavy')) {
      expect((await w.actors.admin.browser.get('/api/admin/drills/lapse-heavy?limit=201')).status).toBe(400);
      expect((await w.actors.admin.browser.get('/api/admin/drills/lapse-heavy?limit=200')).status).toBe(200);
    }
  });

  it('should hold every limit/offset list to its maximum, and count the whole list', async () => {
    const { orgA, setA, inviteA } = w.ids;
    const hiring = operations().some((op) => op.key === 'POST /api/candidate/session');
    // [path, who asks, maximum, where the total is]
    const paged: Array<[string, Role, number, 'header' | 'body']> = [
      [`/api/orgs/${orgA}/questions`, 'managerA', 500, 'header'],
      ['/api/drills/deck', 'learner', 500, 'body'],
      [`/api/orgs/${orgA}/sets`, 'managerA', 500, 'header'],
      ...(hiring
        ? ([
            [`/api/orgs/${orgA}/sets/${setA}/audit`, 'managerA', 500, 'header'],
            [`/api/orgs/${orgA}/invites/${inviteA}/audit`, 'managerA', 500, 'header'],
            [`/api/orgs/${orgA}/sets/${setA}/invites`, 'managerA', 500, 'header'],
            [`/api/orgs/${orgA}/sets/${setA}/results`, 'managerA', 500, 'body'],
          ] as Array<[string, Role, number, 'header' | 'body']>)
        : []),
    ];
    for (const [path, role, max, totalIn] of paged) {
      const browser = w.actors[role].browser;
      for (const query of [`limit=${max + 1}`, 'limit=0', 'limit=-1', 'limit=1e9', 'limit=abc', 'offset=-1', 'offset=1.5', 'offset=1000001']) {
        const res = await browser.get(`${path}?${query}`);
        expect([path, query, res.status, res.body.code]).toEqual([path, query, 400, 'VALIDATION_FAILED']);
      }
      const full = await browser.get(`${path}?limit=${max}`);
      expect([path, full.status]).toEqual([path, 200]);
      const rowsOf = (body: unknown): unknown[] =>
        (Array.isArray(body) ? body : (body as Record<string, unknown>)[path.endsWith('/deck') ? 'cards' : 'rows']) as unknown[];
      const totalOf = (res: request.Response): number => (totalIn === 'header' ? Number(res.headers['x-total-count']) : (res.body as { total: number }).total);
      const all = rowsOf(full.body).length;
      expect([path, totalOf(full)]).toEqual([path, all]);
      expect(all).toBeGreaterThan(0);
      // One row at a time still counts them all; past the end is an empty page, not an error.
      const one = await browser.get(`${path}?limit=1&offset=0`);
      expect([path, rowsOf(one.body).length, totalOf(one)]).toEqual([path, 1, all]);
      const past = await browser.get(`${path}?limit=1&offset=${all}`);
      expect([path, past.status, rowsOf(past.body).length, totalOf(past)]).toEqual([path, 200, 0, all]);
    }
  });
});
