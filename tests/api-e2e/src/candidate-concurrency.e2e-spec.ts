import { rightAnswer, wrongAnswer } from './support/answers';
import { bankQuestions, candidate, fixed, manager, publishedSet, tokenOf, type Json } from './support/hiring';
import { InviteAttemptGuard1764500000000 } from '@goprep/api/testing';
import { DataSource } from 'typeorm';
import { HELD_LOCK_TEST_TIMEOUT_MS, underHeldLock } from './support/held-lock';
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

  /** One published single-item set and `n` invites to it, one attempt allowed each; returns their ids and tokens. */
  async function invites(email: string, n: number): Promise<Array<{ id: string; token: string; m: Awaited<ReturnType<typeof manager>>['b']; orgId: string }>> {
    const { b: m, orgId } = await manager(t, email, `Org of ${email}`);
    const qs = await bankQuestions(t, 'single', 1);
    const { setId } = await publishedSet(m, orgId, { title: 'Start race', items: qs.map((q) => fixed(q)) });
    const created = await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, {
      invitees: Array.from({ length: n }, (_, i) => ({ name: `Starter ${i}`, email: `starter${i}@cand.example` })),
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(created.status).toBe(201);
    const links = (created.body as { invites: Array<{ id: string; link: string }> }).invites;
    return links.map((l) => ({ id: l.id, token: tokenOf(l.link), m, orgId }));
  }

  it('should start one attempt when every start waits on the invite lock before any commits', async () => {
    const [inv] = await invites('lock-lead@acme.example', 1);
    const tabs = await Promise.all(Array.from({ length: 4 }, async () => (await candidate(t, inv!.token)).b));
    const starts = await underHeldLock(t, 'SELECT id FROM candidate_invites WHERE id = $1 FOR UPDATE', [inv!.id], tabs.length, () =>
      Promise.all(tabs.map((tab) => tab.post('/api/candidate/start'))),
    );
    expect(starts.map((r) => r.status)).toEqual(tabs.map(() => 201));
    expect(new Set(starts.map((r) => (r.body as Delivery).id)).size).toBe(1);
    const rows = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM attempts WHERE invite_id = $1', [inv!.id]);
    expect(rows[0]!.n).toBe(1);
  }, HELD_LOCK_TEST_TIMEOUT_MS);

  it('should refuse a second attempt after the first is submitted when both starts waited on the lock', async () => {
    const [inv] = await invites('lock-after@acme.example', 1);
    const first = (await candidate(t, inv!.token)).b;
    expect((await first.post('/api/candidate/start')).status).toBe(201);
    const tabs = await Promise.all(Array.from({ length: 3 }, async () => (await candidate(t, inv!.token)).b));
    // The submit and the new starts all queue on the invite row; whichever order they get it in, one attempt stands.
    const [submitted, ...starts] = await underHeldLock(t, 'SELECT id FROM candidate_invites WHERE id = $1 FOR UPDATE', [inv!.id], 3, () =>
      Promise.all([first.post('/api/candidate/attempt/submit'), ...tabs.map((tab) => tab.post('/api/candidate/start'))]),
    );
    expect(submitted!.status).toBe(200);
    for (const s of starts) expect([201, 409]).toContain(s.status);
    const rows = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM attempts WHERE invite_id = $1', [inv!.id]);
    expect(rows[0]!.n).toBe(1);
  }, HELD_LOCK_TEST_TIMEOUT_MS);

  it('should let the database refuse a second open attempt or one beyond the allowance, whatever the service does', async () => {
    const [inv] = await invites('db-guard@acme.example', 1);
    const tab = (await candidate(t, inv!.token)).b;
    const started = await tab.post('/api/candidate/start');
    expect(started.status).toBe(201);
    expect((await inv!.m.put(`/api/orgs/${inv!.orgId}/invites/${inv!.id}/override`, { extraAttempts: 1 })).status).toBe(200);
    const copy = `INSERT INTO attempts (invite_id, set_version_id, mode, config, seed, state, started_at, deadline_at, finished_at, overdue_policy, review_policy)
      SELECT invite_id, set_version_id, mode, config, seed, $2::text, started_at, deadline_at, CASE WHEN $2::text = 'in_progress' THEN NULL ELSE now() END,
             overdue_policy, review_policy
        FROM attempts WHERE id = $1`;
    const id = (started.body as Delivery).id;
    await expect(t.sql(copy, [id, 'in_progress'])).rejects.toThrow(/attempts_one_open_per_invite/);
    await t.sql(copy, [id, 'submitted']);
    await expect(t.sql(copy, [id, 'submitted'])).rejects.toThrow(/allowance/);
    const rows = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM attempts WHERE invite_id = $1', [inv!.id]);
    expect(rows[0]!.n).toBe(2);
  });

  it('should repair invites that already have attempts beyond their allowance: the worked-in one kept, the rest marked and closed', async () => {
    const [inv] = await invites('repair@acme.example', 1);
    const tab = (await candidate(t, inv!.token)).b;
    const started = (await tab.post('/api/candidate/start')).body as Delivery;
    const item = started.items[0]!;
    expect((await tab.put(`/api/candidate/attempt/items/${item.position}/answer`, { response: { choice: 'a' }, timeSpentMs: 1 })).status).toBe(200);
    // Back to the schema before the guard, where the race could leave extra attempts; make two, as it did.
    const migration = new InviteAttemptGuard1764500000000();
    const runner = t.app.get(DataSource).createQueryRunner();
    try {
      await migration.down(runner);
      const copy = `INSERT INTO attempts (invite_id, set_version_id, mode, config, seed, state, started_at, deadline_at, finished_at, submitted_at, overdue_policy, review_policy, score, max_score)
        SELECT invite_id, set_version_id, mode, config, seed, $2::text, started_at + interval '1 second', deadline_at, $3::timestamptz, $3::timestamptz, overdue_policy, review_policy,
               CASE WHEN $2::text = 'submitted' THEN 0 END, CASE WHEN $2::text = 'submitted' THEN max_score END
          FROM attempts WHERE id = $1 RETURNING id`;
      const [open] = await t.sql<{ id: string }>(copy, [started.id, 'in_progress', null]);
      const [swept] = await t.sql<{ id: string }>(copy, [started.id, 'submitted', new Date()]);
      await migration.up(runner);
      const rows = await t.sql<{ id: string; state: string; beyond_allowance: boolean }>(
        'SELECT id, state, beyond_allowance FROM attempts WHERE invite_id = $1 ORDER BY started_at, id',
        [inv!.id],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(started.id)).toMatchObject({ state: 'in_progress', beyond_allowance: false });
      expect(byId.get(open!.id)).toMatchObject({ state: 'abandoned', beyond_allowance: true });
      expect(byId.get(swept!.id)).toMatchObject({ state: 'submitted', beyond_allowance: true });
    } finally {
      await runner.release();
    }
    // The invite counts only the attempt that stands, and the candidate resumes it.
    const status = (await candidate(t, inv!.token)).status;
    expect(status).toMatchObject({ attemptsUsed: 1, attemptId: started.id, state: 'in-progress' });
  });

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
    const attempts = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM attempts a JOIN attempts o ON o.invite_id = a.invite_id WHERE a.id = $1', [attempt.id]);
    expect(attempts[0]!.n).toBe(1);
  });
});
