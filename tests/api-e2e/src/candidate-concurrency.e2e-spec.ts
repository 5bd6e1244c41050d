import { rightAnswer, wrongAnswer } from './support/answers';
import { bankQuestions, candidate, fixed, manager, publishedSet, tokenOf, type Json } from './support/hiring';
import { createTestApp, type TestApp } from './support/test-app';

/** The sweep never runs on its own here. */
const ENV = { ATTEMPT_SWEEP_INTERVAL_MS: '0' };

type Saved = { position: number; revision: number; timeSpentMs: number };
type Delivery = { id: string; items: Array<{ position: number; questionId: string; type: string; answer: Json | null }> };

/** The quiz concurrency guarantees, for a candidate's attempt taken through an invite link. */
describe('candidate attempts: concurrency', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(ENV);
  });
  afterAll(() => t.close());

  it('should end 50 concurrent saves of one item and 10 concurrent submits in one state with one grade', async () => {
    const { b: m, orgId } = await manager(t, 'race-lead@acme.example', 'Race Inc');
    const qs = await bankQuestions(t, 'single', 2);
    const { setId } = await publishedSet(m, orgId, { title: 'Concurrent screen', reviewPolicy: 'score', items: qs.map((q) => fixed(q)) });
    const created = await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, {
      invitees: [{ name: 'Racer', email: 'racer@cand.example' }],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(created.status).toBe(201);
    const { b } = await candidate(t, tokenOf((created.body as { invites: Array<{ link: string }> }).invites[0]!.link));
    const started = await b.post('/api/candidate/start');
    expect(started.status).toBe(201);
    const attempt = started.body as Delivery;
    const item = attempt.items[0]!;
    const key = qs.find((q) => q.id === item.questionId)!.key;

    const responses = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? rightAnswer(key) : wrongAnswer(key)));
    const saves = await Promise.all(responses.map((response, i) => b.put(`/api/candidate/attempt/items/${item.position}/answer`, { response, timeSpentMs: i + 1 })));
    expect(saves.map((r) => r.status)).toEqual(responses.map(() => 200));
    const saved = saves.map((r) => r.body as Saved);
    expect(saved.map((s) => s.revision).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const last = saved.findIndex((s) => s.revision === 50);
    const [row] = await t.sql<{ revision: number; time_spent_ms: number; response: Json }>(
      'SELECT revision, time_spent_ms, response FROM answers WHERE attempt_id = $1 AND position = $2',
      [attempt.id, item.position],
    );
    expect(row).toEqual({ revision: 50, time_spent_ms: last + 1, response: { type: item.type, ...responses[last] } });

    const submits = await Promise.all(Array.from({ length: 10 }, () => b.post('/api/candidate/attempt/submit')));
    expect(submits.map((r) => r.status)).toEqual(submits.map(() => 200));
    for (const r of submits) expect(r.body).toEqual(submits[0]!.body);
    const graded = await t.sql<{ state: string; score: string; n: number }>(
      `SELECT a.state, a.score::text AS score, (SELECT count(*)::int FROM answers x WHERE x.attempt_id = a.id AND x.status IS NOT NULL) AS n
         FROM attempts a WHERE a.id = $1`,
      [attempt.id],
    );
    expect(graded).toEqual([{ state: 'submitted', score: last % 2 === 0 ? '1.0000' : '0.0000', n: 2 }]);
    const attempts = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM attempts WHERE invite_id IS NOT NULL');
    expect(attempts[0]!.n).toBe(1);
  });
});
