import { rightAnswer } from './support/answers';
import { anonymous, bankQuestions, candidate, fixed, manager, publishedSet, tokenOf, user, type Json } from './support/hiring';
import { Browser, createTestApp, type TestApp } from './support/test-app';

const ENV = { ATTEMPT_SWEEP_INTERVAL_MS: '0' };

interface Endpoint {
  name: string;
  method: 'get' | 'post' | 'put';
  path: () => string;
  body?: () => object;
}

/**
 * Every manager endpoint of invites and results, aimed at organization A's data. A's manager can
 * use each one; B's manager gets 404 (or 403), a learner 403, an anonymous request 401.
 */
describe('hiring isolation: invites, candidates and results stay inside their organization', () => {
  let t: TestApp;
  let a: Browser;
  let orgA: string;
  let b: Browser;
  let orgB: string;
  let learner: Browser;
  let setId: string;
  let version: number;
  let inviteId: string;
  let attemptId: string;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp(ENV);
    ({ b: a, orgId: orgA } = await manager(t, 'a@org-a.example', 'Org A'));
    ({ b, orgId: orgB } = await manager(t, 'b@org-b.example', 'Org B'));
    learner = await user(t, 'learner@example.com');
    const [essay] = await bankQuestions(t, 'essay', 1);
    const [single] = await bankQuestions(t, 'single', 1);
    ({ setId, version } = await publishedSet(a, orgA, { title: 'A only', items: [fixed(single!), fixed(essay!)] }));
    const res = await a.post(`/api/orgs/${orgA}/sets/${setId}/invites`, {
      invitees: [{ name: 'Cand', email: 'cand@a.example' }],
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(res.status).toBe(201);
    const created = (res.body as { invites: Array<{ id: string; link: string }> }).invites[0]!;
    inviteId = created.id;
    token = tokenOf(created.link);
    const c = (await candidate(t, token)).b;
    const started = await c.post('/api/candidate/start');
    attemptId = (started.body as { id: string }).id;
    const [key] = await t.sql<{ answer_key: Parameters<typeof rightAnswer>[0] }>(
      `SELECT v.answer_key FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1 AND i.position = 1`,
      [attemptId],
    );
    await c.put('/api/candidate/attempt/items/1/answer', { response: rightAnswer(key!.answer_key) });
    await c.put('/api/candidate/attempt/items/2/answer', { response: { text: 'My essay.' } });
    expect((await c.post('/api/candidate/attempt/submit')).status).toBe(200);
  });

  afterAll(async () => {
    await t?.close();
  });

  const endpoints: Endpoint[] = [
    { name: 'create invites', method: 'post', path: () => `/api/orgs/${orgA}/sets/${setId}/invites`, body: () => ({ invitees: [{ name: 'X', email: 'x@a.example' }], expiresAt: new Date(Date.now() + 3600_000).toISOString() }) },
    { name: 'list invites', method: 'get', path: () => `/api/orgs/${orgA}/sets/${setId}/invites` },
    { name: 'invite audit', method: 'get', path: () => `/api/orgs/${orgA}/invites/${inviteId}/audit` },
    { name: 'override', method: 'put', path: () => `/api/orgs/${orgA}/invites/${inviteId}/override`, body: () => ({ extraMinutes: 5 }) },
    { name: 'results', method: 'get', path: () => `/api/orgs/${orgA}/sets/${setId}/results` },
    { name: 'results csv', method: 'get', path: () => `/api/orgs/${orgA}/sets/${setId}/results.csv` },
    { name: 'report', method: 'get', path: () => `/api/orgs/${orgA}/results/${attemptId}` },
    { name: 'grade', method: 'put', path: () => `/api/orgs/${orgA}/results/${attemptId}/items/2/grade`, body: () => ({ score: 1, comment: 'ok' }) },
    { name: 'compare', method: 'get', path: () => `/api/orgs/${orgA}/results/compare?ids=${attemptId}` },
    { name: 'statistics', method: 'get', path: () => `/api/orgs/${orgA}/sets/${setId}/versions/${version}/statistics` },
    // Last: it changes the invite.
    { name: 'revoke', method: 'post', path: () => `/api/orgs/${orgA}/invites/${inviteId}/revoke` },
  ];

  async function call(who: Browser, e: Endpoint) {
    if (e.method === 'get') return who.get(e.path());
    if (e.method === 'post') return who.post(e.path(), e.body?.());
    return who.put(e.path(), e.body?.());
  }

  it.each(endpoints.map((e) => [e.name, e] as const))("should give B's manager 404 for %s on A's data", async (_name, e) => {
    const res = await call(b, e);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('cand@a.example');
  });

  it.each(endpoints.map((e) => [e.name, e] as const))("should give B's manager 404 for %s even through B's own organization id", async (_name, e) => {
    const res = await call(b, { ...e, path: () => e.path().replace(`/orgs/${orgA}/`, `/orgs/${orgB}/`) });
    expect(res.status).toBe(404);
  });

  it.each(endpoints.map((e) => [e.name, e] as const))('should give a learner 403 for %s', async (_name, e) => {
    expect((await call(learner, e)).status).toBe(403);
  });

  it.each(endpoints.map((e) => [e.name, e] as const))('should give an anonymous request 401 for %s', async (_name, e) => {
    // A browser with a CSRF token but no session: the session check answers, not the CSRF check.
    const res = await call(new Browser(t.server), e);
    expect([res.status, (res.body as Json).code]).toEqual([401, 'UNAUTHENTICATED']);
    // Without a CSRF token an unsafe request stops even earlier.
    const bare = anonymous(t)[e.method](e.path());
    expect((e.body ? await bare.send(e.body()) : await bare).status).toBe(e.method === 'get' ? 401 : 403);
  });

  it.each(endpoints.map((e) => [e.name, e] as const))("should let A's manager use %s", async (_name, e) => {
    const res = await call(a, e);
    expect(res.status).toBeLessThan(300);
  });

  it('should refuse candidate endpoints without the candidate cookie, and a manager session is not one', async () => {
    const paths: Array<['get' | 'post' | 'put', string]> = [
      ['get', '/api/candidate/status'],
      ['post', '/api/candidate/start'],
      ['get', '/api/candidate/attempt'],
      ['put', '/api/candidate/attempt/items/1/answer'],
      ['post', '/api/candidate/attempt/submit'],
      ['get', '/api/candidate/attempt/review'],
      ['post', '/api/candidate/attempt/signals'],
    ];
    for (const [method, path] of paths) {
      const body = method === 'put' ? { response: { choice: 'a' } } : method === 'post' && path.endsWith('signals') ? { events: [] } : undefined;
      const res = method === 'get' ? await b.get(path) : method === 'post' ? await b.post(path, body) : await b.put(path, body);
      expect([path, res.status, (res.body as Json).code]).toEqual([path, 401, 'CANDIDATE_SESSION_MISSING']);
    }
  });

  it("should give a candidate's cookie no access to the manager endpoints", async () => {
    const c = (await candidate(t, token)).b;
    for (const e of endpoints.filter((x) => x.method === 'get')) {
      const res = await call(c, e);
      expect([e.name, res.status]).toEqual([e.name, 401]);
    }
  });
});
