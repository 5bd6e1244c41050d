import { randomUUID } from 'node:crypto';
import { unwrap, type ApiClient, type Schemas } from '@goprep/api-client';
import type { AnswerKey } from '@goprep/domain';
import { clientFor, createTestApp, type TestApp } from './support/test-app';
import { rightAnswer, wrongAnswer } from './support/answers';
import { HELD_LOCK_TEST_TIMEOUT_MS, underHeldLock } from './support/held-lock';

/**
 * The answer save and the drill review write in one statement outside a transaction when nothing
 * else touches the row (issue 17: fewer round trips). These tests force the interleavings that
 * statement must survive, with a row lock held by a separate connection while the requests queue on
 * it: whatever the holder changed (or the time that passed) must be seen, exactly as the locked
 * transaction sees it.
 */
const PASSWORD = 'a long enough secret';
const GRACE_MS = 1_000;
const ENV = { ATTEMPT_SWEEP_INTERVAL_MS: '0', ATTEMPT_GRACE_MS: String(GRACE_MS) };

async function learner(t: TestApp, email: string): Promise<ApiClient> {
  const client = await clientFor(t);
  await unwrap(client.POST('/api/auth/register', { body: { email, password: PASSWORD, displayName: email.split('@')[0]! } }));
  return client;
}

function save(client: ApiClient, id: string, position: number, body: Schemas['SaveAnswerDto']) {
  return client.PUT('/api/attempts/{id}/items/{position}/answer', { params: { path: { id, position } }, body });
}

const code = (res: { error?: unknown }) => (res.error as { code?: string } | undefined)?.code;

async function keyOf(t: TestApp, attemptId: string, position: number): Promise<AnswerKey> {
  const [row] = await t.sql<{ answer_key: AnswerKey }>(
    `SELECT v.answer_key FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1 AND i.position = $2`,
    [attemptId, position],
  );
  return row!.answer_key;
}

describe('hot writes: the answer save under a held attempt lock', () => {
  let t: TestApp;
  let client: ApiClient;

  beforeAll(async () => {
    t = await createTestApp(ENV);
    client = await learner(t, 'save-lock@example.com');
  });
  afterAll(() => t.close());

  const quick = () =>
    unwrap(client.POST('/api/attempts', { body: { mode: 'quick', topics: ['channels'], difficulty: { min: 1, max: 5 }, count: 2, timeLimitMinutes: 10 } }));

  it(
    'should refuse a save with 409 ATTEMPT_CLOSED and store nothing when the attempt was closed while the save waited for its row',
    async () => {
      const a = await quick();
      const key = await keyOf(t, a.id, 1);
      // The holder closes the attempt in the transaction that holds the row, as a submit does.
      const res = await underHeldLock(t, `UPDATE attempts SET state = 'abandoned', finished_at = now() WHERE id = $1 RETURNING id`, [a.id], 1, () =>
        save(client, a.id, 1, { response: rightAnswer(key) }),
      );
      expect(res.response.status).toBe(409);
      expect(code(res)).toBe('ATTEMPT_CLOSED');
      expect(await t.sql('SELECT 1 FROM answers WHERE attempt_id = $1', [a.id])).toEqual([]);
    },
    HELD_LOCK_TEST_TIMEOUT_MS,
  );

  it(
    'should refuse a save with 409 ATTEMPT_DEADLINE_PASSED when deadline + grace passed while it waited for the row, though the row did not change',
    async () => {
      const a = await quick();
      const key = await keyOf(t, a.id, 1);
      // In time when the request arrives (3 s to spare), out of time when the lock is released.
      const [row] = await t.sql<{ closes: Date }>(
        `UPDATE attempts SET deadline_at = now() + make_interval(secs => 3) - make_interval(secs => $2 / 1000.0) WHERE id = $1
         RETURNING deadline_at + make_interval(secs => $2 / 1000.0) AS closes`,
        [a.id, GRACE_MS],
      );
      // The lock is kept until a second after the save's time is up: the time spent waiting counts.
      const res = await underHeldLock(
        t,
        'SELECT id FROM attempts WHERE id = $1 FOR UPDATE',
        [a.id],
        1,
        () => save(client, a.id, 1, { response: rightAnswer(key) }),
        'COMMIT',
        row!.closes.getTime() + 1_000,
      );
      expect(res.response.status).toBe(409);
      expect(code(res)).toBe('ATTEMPT_DEADLINE_PASSED');
      expect(await t.sql('SELECT 1 FROM answers WHERE attempt_id = $1', [a.id])).toEqual([]);
    },
    HELD_LOCK_TEST_TIMEOUT_MS,
  );

  it(
    'should apply saves that queued on the attempt row in one consistent order: every revision once, ifRevision checked on the latest answer',
    async () => {
      const a = await quick();
      const key = await keyOf(t, a.id, 1);
      const first = await unwrap(save(client, a.id, 1, { response: rightAnswer(key), timeSpentMs: 1 }));
      expect(first.revision).toBe(1);
      const results = await underHeldLock(t, 'SELECT id FROM attempts WHERE id = $1 FOR UPDATE', [a.id], 4, () =>
        Promise.all([
          save(client, a.id, 1, { response: wrongAnswer(key), timeSpentMs: 2 }),
          save(client, a.id, 1, { response: rightAnswer(key), timeSpentMs: 3 }),
          // Two tabs that both saw revision 1: at most one of them may write.
          save(client, a.id, 1, { response: wrongAnswer(key), timeSpentMs: 4, ifRevision: 1 }),
          save(client, a.id, 1, { response: rightAnswer(key), timeSpentMs: 5, ifRevision: 1 }),
        ]),
      );
      const ok = results.filter((r) => r.response.status === 200).map((r) => r.data!);
      const conflicts = results.filter((r) => r.response.status === 409);
      for (const c of conflicts) expect(code(c)).toBe('ANSWER_REVISION_CONFLICT');
      // The two unconditional saves always write; of the two ifRevision: 1 saves, only one that ran first could.
      expect(ok.length + conflicts.length).toBe(4);
      expect(conflicts.length).toBeGreaterThanOrEqual(1);
      expect(ok.map((s) => s.revision).sort((x, y) => x - y)).toEqual(Array.from({ length: ok.length }, (_, i) => i + 2));
      const [stored] = await t.sql<{ revision: number; time_spent_ms: number }>('SELECT revision, time_spent_ms FROM answers WHERE attempt_id = $1 AND position = 1', [
        a.id,
      ]);
      const last = ok.find((s) => s.revision === stored!.revision)!;
      expect(stored!.time_spent_ms).toBe(last.timeSpentMs);
    },
    HELD_LOCK_TEST_TIMEOUT_MS,
  );
});

describe('hot writes: the drill review under a held card lock', () => {
  let t: TestApp;
  let client: ApiClient;
  let userId: string;
  let questions: string[];

  beforeAll(async () => {
    t = await createTestApp();
    client = await learner(t, 'review-lock@example.com');
    await unwrap(client.POST('/api/drills/deck', { body: { topic: 'channels' } }));
    const [user] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'review-lock@example.com'`);
    userId = user!.id;
    const rows = await t.sql<{ question_id: string }>(
      `SELECT c.question_id FROM srs_cards c JOIN questions q ON q.id = c.question_id JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE c.user_id = $1 AND v.type NOT IN ('essay', 'flashcard', 'code-task') ORDER BY c.question_id`,
      [userId],
    );
    questions = rows.map((r) => r.question_id);
  });
  afterAll(() => t.close());

  async function answerFor(questionId: string): Promise<Schemas['SubmitReviewDto']['response']> {
    const [row] = await t.sql<{ answer_key: AnswerKey }>(
      `SELECT v.answer_key FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version WHERE q.id = $1`,
      [questionId],
    );
    return rightAnswer(row!.answer_key) as Schemas['SubmitReviewDto']['response'];
  }

  const lockCard = `SELECT id FROM srs_cards WHERE user_id = $1 AND question_id = $2 FOR UPDATE`;
  const card = async (questionId: string) =>
    (await t.sql<{ reps: number; suspended: boolean }>('SELECT reps, suspended FROM srs_cards WHERE user_id = $1 AND question_id = $2', [userId, questionId]))[0]!;
  const reviewsOf = (questionId: string) =>
    t.sql<{ id: string; state_before: { reps: number }; state_after: { reps: number } }>(
      'SELECT id, state_before, state_after FROM srs_reviews WHERE user_id = $1 AND question_id = $2 ORDER BY reviewed_at, id',
      [userId, questionId],
    );

  it(
    'should review once and replay the same result when the same review id is sent twice while the card is held',
    async () => {
      const questionId = questions[0]!;
      const body = { reviewId: randomUUID(), questionId, response: await answerFor(questionId), durationMs: 5_000 };
      const [one, two] = await underHeldLock(t, lockCard, [userId, questionId], 2, () => Promise.all([review(client, body), review(client, body)]));
      expect(one.response.status).toBe(200);
      expect(two.response.status).toBe(200);
      expect(two.data).toEqual(one.data);
      expect(await reviewsOf(questionId)).toHaveLength(1);
      expect((await card(questionId)).reps).toBe(1);
    },
    HELD_LOCK_TEST_TIMEOUT_MS,
  );

  it(
    'should apply two reviews that queued on the card one after the other: the second starts from the state the first left',
    async () => {
      const questionId = questions[1]!;
      const response = await answerFor(questionId);
      const results = await underHeldLock(t, lockCard, [userId, questionId], 2, () =>
        Promise.all([
          review(client, { reviewId: randomUUID(), questionId, response, durationMs: 5_000 }),
          review(client, { reviewId: randomUUID(), questionId, response, durationMs: 6_000 }),
        ]),
      );
      for (const r of results) expect(r.response.status).toBe(200);
      const rows = await reviewsOf(questionId);
      expect(rows).toHaveLength(2);
      expect(rows[0]!.state_before.reps).toBe(0);
      expect(rows[1]!.state_before).toEqual(rows[0]!.state_after);
      expect((await card(questionId)).reps).toBe(2);
    },
    HELD_LOCK_TEST_TIMEOUT_MS,
  );

  it(
    'should refuse with 409 DRILL_CARD_SUSPENDED and store nothing when the card was suspended while the review waited for it',
    async () => {
      const questionId = questions[2]!;
      const body = { reviewId: randomUUID(), questionId, response: await answerFor(questionId), durationMs: 5_000 };
      const res = await underHeldLock(t, `UPDATE srs_cards SET suspended = true WHERE user_id = $1 AND question_id = $2 RETURNING id`, [userId, questionId], 1, () =>
        review(client, body),
      );
      expect(res.response.status).toBe(409);
      expect(code(res)).toBe('DRILL_CARD_SUSPENDED');
      expect(await reviewsOf(questionId)).toEqual([]);
      expect(await card(questionId)).toEqual({ reps: 0, suspended: true });
    },
    HELD_LOCK_TEST_TIMEOUT_MS,
  );

  function review(c: ApiClient, body: Schemas['SubmitReviewDto']) {
    return c.POST('/api/drills/reviews', { body });
  }
});
