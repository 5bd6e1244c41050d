import { unwrap, type ApiClient, type Schemas } from '@goprep/api-client';
import { AttemptSweepService } from '@goprep/api/testing';
import { drawFromPools, optionOrder, type AnswerKey, type PoolCandidate } from '@goprep/domain';
import { loadTemplates } from '@goprep/question-bank';
import { clientFor, createTestApp, type TestApp } from './support/test-app';
import { rightAnswer, wrongAnswer } from './support/answers';
import { findKeyMaterial } from './support/key-material';

const PASSWORD = 'a long enough secret';
/** The sweep never runs on its own here: the tests call it. */
const ENV = { ATTEMPT_SWEEP_INTERVAL_MS: '0' };

type Delivery = Schemas['AttemptDeliveryDto'];
type Item = Schemas['DeliveryItemDto'];
type Json = Record<string, unknown>;

async function learner(t: TestApp, email: string): Promise<ApiClient> {
  const client = await clientFor(t);
  await unwrap(client.POST('/api/auth/register', { body: { email, password: PASSWORD, displayName: email.split('@')[0]! } }));
  return client;
}

async function login(t: TestApp, email: string): Promise<ApiClient> {
  const client = await clientFor(t);
  await unwrap(client.POST('/api/auth/login', { body: { email, password: PASSWORD } }));
  return client;
}

function quick(client: ApiClient, over: Partial<Schemas['StartAttemptDto']> = {}): Promise<Delivery> {
  return unwrap(
    client.POST('/api/attempts', {
      body: { mode: 'quick', topics: ['channels'], difficulty: { min: 1, max: 5 }, count: 3, timeLimitMinutes: 10, ...over },
    }),
  );
}

function save(client: ApiClient, id: string, position: number, body: Schemas['SaveAnswerDto']) {
  return client.PUT('/api/attempts/{id}/items/{position}/answer', { params: { path: { id, position } }, body });
}

/** Keys of the pinned versions, read straight from the database (the API never shows them early). */
async function keysOf(t: TestApp, attemptId: string): Promise<Map<number, AnswerKey>> {
  const rows = await t.sql<{ position: number; answer_key: AnswerKey }>(
    `SELECT i.position, v.answer_key FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1`,
    [attemptId],
  );
  return new Map(rows.map((r) => [r.position, r.answer_key]));
}


async function moveDeadline(t: TestApp, attemptId: string, secondsAgo: number): Promise<Date> {
  const [row] = await t.sql<{ deadline_at: Date }>(
    `UPDATE attempts SET started_at = now() - make_interval(secs => $2 + 600), deadline_at = now() - make_interval(secs => $2)
      WHERE id = $1 RETURNING deadline_at`,
    [attemptId, secondsAgo],
  );
  return row!.deadline_at;
}

describe('attempts: a quick quiz from start to review, and no key before submission', () => {
  let t: TestApp;
  let client: ApiClient;
  /** Every response body the client received, in order. */
  const bodies: Array<{ url: string; body: unknown }> = [];
  let capture = true;
  /** What the learner last sent per position, in the form the server stores (with the type tag). */
  const sent = new Map<number, Json | null>();
  let attempt: Delivery;
  let eligible: number;

  beforeAll(async () => {
    t = await createTestApp(ENV);
    client = await learner(t, 'quiz@example.com');
    client.use({
      async onResponse({ request, response }) {
        if (capture && response.headers.get('content-type')?.includes('json')) {
          bodies.push({ url: `${request.method} ${request.url}`, body: await response.clone().json() });
        }
        return undefined;
      },
    });
    // Every channels question a quick quiz draws (the auto-graded types; code tasks are judged by
    // the runner and enter attempts only where a set or template asks for them), so the quiz surely
    // holds each type the topic has.
    const [row] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.topic_id = 'channels' AND q.retired_at IS NULL AND q.organization_id IS NULL AND v.type NOT IN ('essay', 'flashcard', 'code-task')`,
    );
    eligible = Math.min(50, row!.n);
  });
  afterAll(() => t.close());

  it('should draw, pin and time the quiz on the server', async () => {
    const before = Date.now();
    attempt = await quick(client, { topics: ['channels'], count: eligible, timeLimitMinutes: 15, shuffleOptions: true });
    expect(attempt.state).toBe('in_progress');
    expect(attempt.items.map((i) => i.position)).toEqual(Array.from({ length: eligible }, (_, i) => i + 1));
    expect(new Set(attempt.items.map((i) => i.questionId)).size).toBe(eligible);
    expect(attempt.items.every((i) => i.topic === 'channels' && i.answer === null)).toBe(true);
    expect(new Date(attempt.deadlineAt).getTime() - new Date(attempt.startedAt).getTime()).toBe(15 * 60_000);
    expect(attempt.timeLimitSeconds).toBe(900);
    expect(attempt.graceMs).toBe(2000);
    expect(new Date(attempt.now).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(attempt.result).toBeNull();
    const types = new Set(attempt.items.map((i) => i.type));
    expect(types.has('code-lines') && types.has('code-output') && types.has('single')).toBe(true);

    const pinned = await t.sql<{ position: number; question_id: string; version: number; current: number }>(
      `SELECT i.position, v.question_id, v.version, q.current_version AS current
         FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id JOIN questions q ON q.id = v.question_id
        WHERE i.attempt_id = $1 ORDER BY i.position`,
      [attempt.id],
    );
    expect(pinned.map((p) => p.question_id)).toEqual(attempt.items.map((i) => i.questionId));
    expect(pinned.every((p) => p.version === p.current)).toBe(true);
  });

  it("should show options in the attempt's own order, fixed by the stored seed", async () => {
    const [stored] = await t.sql<{ seed: string }>('SELECT seed FROM attempts WHERE id = $1', [attempt.id]);
    const seed = Number(stored!.seed);
    const authored = await t.sql<{ position: number; ids: string[] }>(
      `SELECT i.position, ARRAY(SELECT o->>'id' FROM jsonb_array_elements(v.options) WITH ORDINALITY AS e(o, n) ORDER BY n) AS ids
         FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id
        WHERE i.attempt_id = $1 AND v.options IS NOT NULL`,
      [attempt.id],
    );
    expect(authored.length).toBeGreaterThan(0);
    for (const { position, ids } of authored) {
      const item = attempt.items.find((i) => i.position === position)!;
      expect(item.options?.map((o) => o.id)).toEqual(optionOrder(ids, seed, position, true));
    }
    const again = await unwrap(client.GET('/api/attempts/{id}', { params: { path: { id: attempt.id } } }));
    expect(again.items.map((i) => i.options?.map((o) => o.id))).toEqual(attempt.items.map((i) => i.options?.map((o) => o.id)));
  });

  it('should save answers and flags per item, and give them back on the next GET', async () => {
    const keys = await keysOf(t, attempt.id);
    // Right answers to all but the last three: one wrong, one flagged without an answer, one untouched.
    for (const item of attempt.items.slice(0, -3)) {
      const response = rightAnswer(keys.get(item.position)!);
      const saved = await unwrap(save(client, attempt.id, item.position, { response, timeSpentMs: 1000 * item.position }));
      expect(saved).toMatchObject({ position: item.position, revision: 1, answered: true, flagged: false });
      sent.set(item.position, { type: item.type, ...response });
    }
    const [wrong, flaggedOnly] = attempt.items.slice(-3) as [Item, Item, Item];
    const wrongResponse = wrongAnswer(keys.get(wrong.position)!);
    await unwrap(save(client, attempt.id, wrong.position, { response: wrongResponse, flagged: true }));
    sent.set(wrong.position, { type: wrong.type, ...wrongResponse });
    const flagged = await unwrap(save(client, attempt.id, flaggedOnly.position, { response: null, flagged: true }));
    expect(flagged).toMatchObject({ answered: false, flagged: true, revision: 1 });
    sent.set(flaggedOnly.position, null);

    const again = await unwrap(client.GET('/api/attempts/{id}', { params: { path: { id: attempt.id } } }));
    for (const item of again.items) {
      if (!sent.has(item.position)) expect(item.answer).toBeNull();
      else expect(item.answer?.response ?? null).toEqual(sent.get(item.position));
    }
    expect(again.items.find((i) => i.position === wrong.position)?.answer?.flagged).toBe(true);
    expect(again.items[0]?.answer?.timeSpentMs).toBe(1000);
  });

  it('should treat the same save twice as one (idempotent) and a changed one as a new revision', async () => {
    const item = attempt.items[0]!;
    const response = sent.get(item.position)!;
    const first = await unwrap(save(client, attempt.id, item.position, { response, timeSpentMs: 1000 }));
    expect(first.revision).toBe(1);
    const changed = await unwrap(save(client, attempt.id, item.position, { response, timeSpentMs: 1500 }));
    expect(changed.revision).toBe(2);
    const unflag = await unwrap(save(client, attempt.id, item.position, { response, timeSpentMs: 1500, flagged: false }));
    expect(unflag.revision).toBe(2);
  });

  it('should refuse malformed responses with 400 and a code, and unknown items with 404', async () => {
    const single = attempt.items.find((i) => i.type === 'single')!;
    const bad = await save(client, attempt.id, single.position, { response: { choices: ['a'] } });
    expect(bad.response.status).toBe(400);
    expect((bad.error as { code: string }).code).toBe('RESPONSE_INVALID');
    const wrongType = await save(client, attempt.id, single.position, { response: { type: 'numeric', value: 1 } });
    expect((wrongType.error as { code: string }).code).toBe('RESPONSE_INVALID');
    const missing = await save(client, attempt.id, 999, { response: { choice: 'a' } });
    expect(missing.response.status).toBe(404);
    expect((missing.error as { code: string }).code).toBe('ATTEMPT_ITEM_NOT_FOUND');
    const noResponse = await save(client, attempt.id, single.position, {} as Schemas['SaveAnswerDto']);
    expect(noResponse.response.status).toBe(400);
    expect((noResponse.error as { code: string }).code).toBe('VALIDATION_FAILED');
    const badStart = await client.POST('/api/attempts', { body: { mode: 'quick', topics: ['cooking' as 'channels'], count: 0, timeLimitMinutes: 500 } });
    expect(badStart.response.status).toBe(400);
    expect(((badStart.error as { fields: Array<{ field: string }> }).fields.map((f) => f.field)).sort()).toEqual(['count', 'timeLimitMinutes', 'topics']);
  });

  it('should not open the review before submission', async () => {
    const res = await client.GET('/api/attempts/{id}/review', { params: { path: { id: attempt.id } } });
    expect(res.response.status).toBe(409);
    expect((res.error as { code: string }).code).toBe('ATTEMPT_NOT_SUBMITTED');
    await unwrap(client.GET('/api/attempts'));
  });

  it('should never send key material in any response before submission (the key-leak walk)', () => {
    capture = false;
    expect(bodies.length).toBeGreaterThan(eligible);
    const leaks: string[] = [];
    for (const { url, body } of bodies) {
      const copy = structuredClone(body) as { items?: Array<{ position: number; answer?: { response?: unknown } | null }> };
      // A saved answer is the learner's own input echoed back (a code-lines answer has `lines`, like
      // its key): check it is exactly what was sent, then leave it out of the search.
      for (const item of copy.items ?? []) {
        if (item.answer && 'response' in item.answer) {
          expect(item.answer.response).toEqual(sent.get(item.position) ?? null);
          delete item.answer.response;
        }
      }
      leaks.push(...findKeyMaterial(copy, url));
    }
    expect(leaks).toEqual([]);
  });

  it('should grade on submit: score, breakdowns and time', async () => {
    const result = await unwrap(client.POST('/api/attempts/{id}/submit', { params: { path: { id: attempt.id } } }));
    expect(result.state).toBe('submitted');
    const score = result.result!;
    expect(score.items).toBe(eligible);
    expect(score.correct).toBe(eligible - 3);
    expect(score.incorrect).toBe(1);
    expect(score.unanswered).toBe(2);
    expect(score.score).toBe(eligible - 3);
    expect(score.maxScore).toBe(eligible);
    expect(score.byTopic).toEqual([expect.objectContaining({ topic: 'channels', score: eligible - 3, maxScore: eligible })]);
    expect(score.byDifficulty.reduce((sum, d) => sum + d.items, 0)).toBe(eligible);
    expect(score.timeTakenSeconds).toBeGreaterThanOrEqual(0);
    expect(score.timeTakenSeconds).toBeLessThan(15 * 60);
    const [row] = await t.sql<{ score: string; max_score: string; finished_at: Date; submitted_at: Date }>(
      'SELECT score, max_score, finished_at, submitted_at FROM attempts WHERE id = $1',
      [attempt.id],
    );
    expect(Number(row!.score)).toBe(eligible - 3);
    expect(Number(row!.max_score)).toBe(eligible);
    expect(row!.finished_at.getTime()).toBe(row!.submitted_at.getTime());
  });

  it('should refuse saves after submission with 409 ATTEMPT_CLOSED', async () => {
    const res = await save(client, attempt.id, 1, { response: null });
    expect(res.response.status).toBe(409);
    expect((res.error as { code: string }).code).toBe('ATTEMPT_CLOSED');
  });

  it('should review every item with the answer given, the key, the explanation, references and verified output', async () => {
    const review = await unwrap(client.GET('/api/attempts/{id}/review', { params: { path: { id: attempt.id } } }));
    const keys = await keysOf(t, attempt.id);
    expect(review.items).toHaveLength(eligible);
    for (const item of review.items) {
      expect(item.key).toEqual(keys.get(item.position));
      expect(item.explanation.length).toBeGreaterThan(0);
      expect(Array.isArray(item.references)).toBe(true);
      expect(item.response).toEqual(sent.get(item.position) ?? null);
      const expected = item.position <= eligible - 3 ? 'correct' : item.position === eligible - 2 ? 'incorrect' : 'unanswered';
      expect(item.status).toBe(expected);
      const key = keys.get(item.position)!;
      if (key.type === 'code-output') expect(item.verifiedOutput).toEqual(key.outputs);
      if (key.type === 'code-lines') expect(item.verifiedLines).toEqual(key.lines);
      if (item.options) {
        expect(item.options.map((o) => o.id)).toEqual(attempt.items.find((i) => i.position === item.position)?.options?.map((o) => o.id));
        expect(item.options.some((o) => o.correct)).toBe(true);
      }
    }
    expect(review.items.some((i) => i.verifiedOutput) && review.items.some((i) => i.verifiedLines)).toBe(true);
  });

  it('should list the attempt in the history with its score and a per-topic trend', async () => {
    const history = await unwrap(client.GET('/api/attempts'));
    expect(history.attempts.map((a) => a.id)).toEqual([attempt.id]);
    expect(history.attempts[0]).toMatchObject({ state: 'submitted', itemCount: eligible, title: 'Quick quiz: channels' });
    expect(history.topicTrend).toEqual([
      { topic: 'channels', points: [expect.objectContaining({ attemptId: attempt.id, score: eligible - 3, maxScore: eligible })] },
    ]);
  });
});

describe('attempts: deadlines, overdue policies and the sweep', () => {
  let t: TestApp;
  let client: ApiClient;
  let sweep: AttemptSweepService;

  beforeAll(async () => {
    t = await createTestApp(ENV);
    client = await learner(t, 'timed@example.com');
    sweep = t.app.get(AttemptSweepService);
  });
  afterAll(() => t.close());

  async function answeredQuiz(policy: 'auto-submit' | 'grace-period' | 'not-counted', over: Partial<Schemas['StartAttemptDto']> = {}) {
    const a = await quick(client, { overduePolicy: policy, count: 3, ...over });
    const keys = await keysOf(t, a.id);
    await unwrap(save(client, a.id, 1, { response: rightAnswer(keys.get(1)!) }));
    return a;
  }

  const state = async (id: string) =>
    (await t.sql<{ state: string; finished_at: Date | null; deadline_at: Date; score: string | null }>(
      'SELECT state, finished_at, deadline_at, score FROM attempts WHERE id = $1',
      [id],
    ))[0]!;

  it('should refuse a save after deadline + grace with 409 ATTEMPT_DEADLINE_PASSED', async () => {
    const a = await answeredQuiz('auto-submit');
    await moveDeadline(t, a.id, 30);
    const res = await save(client, a.id, 2, { response: null, flagged: true });
    expect(res.response.status).toBe(409);
    expect((res.error as { code: string }).code).toBe('ATTEMPT_DEADLINE_PASSED');
    const stored = await t.sql('SELECT 1 FROM answers WHERE attempt_id = $1 AND position = 2', [a.id]);
    expect(stored).toEqual([]);
  });

  it('should close each overdue attempt per its policy, with finished_at = the deadline', async () => {
    await sweep.sweepOnce(); // whatever earlier tests left overdue
    const auto = await answeredQuiz('auto-submit');
    const notCounted = await answeredQuiz('not-counted');
    const graceOver = await answeredQuiz('grace-period', { overdueGraceMinutes: 1 });
    const graceOpen = await answeredQuiz('grace-period', { overdueGraceMinutes: 60 });
    const future = await answeredQuiz('auto-submit');
    const deadlines = new Map<string, Date>();
    for (const a of [auto, notCounted, graceOver, graceOpen]) deadlines.set(a.id, await moveDeadline(t, a.id, 120));

    expect(await sweep.sweepOnce()).toEqual({ submitted: 1, abandoned: 2 });

    const autoRow = await state(auto.id);
    expect(autoRow.state).toBe('submitted');
    expect(autoRow.finished_at?.getTime()).toBe(deadlines.get(auto.id)!.getTime());
    expect(Number(autoRow.score)).toBe(1);
    for (const id of [notCounted.id, graceOver.id]) {
      const row = await state(id);
      expect(row).toMatchObject({ state: 'abandoned', score: null });
      expect(row.finished_at?.getTime()).toBe(deadlines.get(id)!.getTime());
    }
    expect((await state(graceOpen.id)).state).toBe('in_progress');
    expect((await state(future.id)).state).toBe('in_progress');
    // A second pass (another instance, a later round) finds nothing left to do.
    expect(await sweep.sweepOnce()).toEqual({ submitted: 0, abandoned: 0 });

    const result = await unwrap(client.POST('/api/attempts/{id}/submit', { params: { path: { id: auto.id } } }));
    expect(result.result?.score).toBe(1);
    expect(result.finishedAt).toBe(deadlines.get(auto.id)!.toISOString());
    const closed = await client.POST('/api/attempts/{id}/submit', { params: { path: { id: notCounted.id } } });
    expect((closed.error as { code: string }).code).toBe('ATTEMPT_CLOSED');
  });

  it('should close each overdue attempt exactly once when two API instances sweep at the same time', async () => {
    await sweep.sweepOnce();
    const overdue = [];
    for (let i = 0; i < 6; i++) overdue.push(await answeredQuiz('auto-submit'));
    for (const a of overdue) await moveDeadline(t, a.id, 60);
    const other = await createTestApp(ENV, { database: t.database });
    try {
      const summaries = await Promise.all([sweep.sweepOnce(), other.app.get(AttemptSweepService).sweepOnce(), sweep.sweepOnce()]);
      expect(summaries.reduce((sum, s) => sum + s.submitted, 0)).toBe(6);
      expect(summaries.reduce((sum, s) => sum + s.abandoned, 0)).toBe(0);
    } finally {
      await other.close({ keepDatabase: true });
    }
    for (const a of overdue) expect(await state(a.id)).toMatchObject({ state: 'submitted', score: '1.0000' });
  });

  it('should accept only a submission, not a save, during the grace-period window', async () => {
    const a = await answeredQuiz('grace-period', { overdueGraceMinutes: 60 });
    await moveDeadline(t, a.id, 120);
    const late = await save(client, a.id, 2, { response: null, flagged: true });
    expect((late.error as { code: string }).code).toBe('ATTEMPT_DEADLINE_PASSED');
    const result = await unwrap(client.POST('/api/attempts/{id}/submit', { params: { path: { id: a.id } } }));
    expect(result.state).toBe('submitted');
    expect(result.result?.score).toBe(1);
  });

  it('should not count a late submission under not-counted', async () => {
    const a = await answeredQuiz('not-counted');
    const deadline = await moveDeadline(t, a.id, 120);
    const res = await client.POST('/api/attempts/{id}/submit', { params: { path: { id: a.id } } });
    expect(res.response.status).toBe(409);
    expect((res.error as { code: string }).code).toBe('ATTEMPT_DEADLINE_PASSED');
    const row = await state(a.id);
    expect(row).toMatchObject({ state: 'abandoned', score: null });
    expect(row.finished_at?.getTime()).toBe(deadline.getTime());
  });

  it('should submit a late auto-submit attempt as the sweep would: what was saved, finished at the deadline', async () => {
    const a = await answeredQuiz('auto-submit');
    const deadline = await moveDeadline(t, a.id, 300);
    const result = await unwrap(client.POST('/api/attempts/{id}/submit', { params: { path: { id: a.id } } }));
    expect(result.finishedAt).toBe(deadline.toISOString());
    expect(result.result?.score).toBe(1);
  });
});

describe('attempts: concurrency', () => {
  let t: TestApp;
  let client: ApiClient;

  beforeAll(async () => {
    t = await createTestApp(ENV);
    client = await learner(t, 'busy@example.com');
  });
  afterAll(() => t.close());

  it('should grade once for a double submit and for 10 concurrent submits', async () => {
    const a = await quick(client, { count: 3 });
    const keys = await keysOf(t, a.id);
    await unwrap(save(client, a.id, 2, { response: rightAnswer(keys.get(2)!) }));
    const results = await Promise.all(
      Array.from({ length: 10 }, () => unwrap(client.POST('/api/attempts/{id}/submit', { params: { path: { id: a.id } } }))),
    );
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]?.result?.score).toBe(1);
    const again = await unwrap(client.POST('/api/attempts/{id}/submit', { params: { path: { id: a.id } } }));
    expect(again).toEqual(results[0]);
    const answers = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM answers WHERE attempt_id = $1 AND status IS NOT NULL', [a.id]);
    expect(answers[0]?.n).toBe(3);
  });

  it('should end 50 concurrent saves of one item in one consistent state: the last revision holds its response', async () => {
    const a = await quick(client, { count: 2 });
    const item = a.items[0]!;
    const keys = await keysOf(t, a.id);
    const key = keys.get(item.position)!;
    const responses = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? rightAnswer(key) : wrongAnswer(key)));
    const saved = await Promise.all(responses.map((response, i) => unwrap(save(client, a.id, item.position, { response, timeSpentMs: i + 1 }))));
    // Each save is distinct (its own time spent), so each one is a revision of its own.
    expect(saved.map((s) => s.revision).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const last = saved.findIndex((s) => s.revision === 50);
    const delivered = await unwrap(client.GET('/api/attempts/{id}', { params: { path: { id: a.id } } }));
    const answer = delivered.items[0]!.answer!;
    expect(answer.revision).toBe(50);
    expect(answer.timeSpentMs).toBe(last + 1);
    expect(answer.response).toEqual({ type: item.type, ...responses[last] });
  });

  it('should grade the answer that was stored last when saves race a submit: no save lands after grading', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await quick(client, { count: 1 });
      const key = (await keysOf(t, a.id)).get(1)!;
      const saves = Array.from({ length: 12 }, (_, i) => save(client, a.id, 1, { response: i % 2 === 0 ? rightAnswer(key) : wrongAnswer(key), timeSpentMs: i }));
      const submit = unwrap(client.POST('/api/attempts/{id}/submit', { params: { path: { id: a.id } } }));
      const [results, summary] = await Promise.all([Promise.all(saves), submit]);
      for (const r of results) {
        if (r.response.status !== 200) expect((r.error as { code: string }).code).toBe('ATTEMPT_CLOSED');
      }
      const [row] = await t.sql<{ time_spent_ms: number; status: string; revision: number }>(
        'SELECT time_spent_ms, status, revision FROM answers WHERE attempt_id = $1 AND position = 1',
        [a.id],
      );
      const accepted = results.filter((r) => r.response.status === 200).length;
      expect(row!.revision).toBe(accepted);
      if (accepted === 0) expect(row!.status).toBe('unanswered');
      else expect(row!.status).toBe(row!.time_spent_ms % 2 === 0 ? 'correct' : 'incorrect');
      expect(summary.result?.score).toBe(row!.status === 'correct' ? 1 : 0);
    }
  });

  it('should let a second tab check the revision it saw (ifRevision) and refuse a stale write with 409', async () => {
    const a = await quick(client, { count: 1 });
    const item = a.items[0]!;
    const key = (await keysOf(t, a.id)).get(1)!;
    const tabA = await unwrap(save(client, a.id, 1, { response: rightAnswer(key), ifRevision: 0 }));
    expect(tabA.revision).toBe(1);
    const tabB = await save(client, a.id, 1, { response: wrongAnswer(key), ifRevision: 0 });
    expect(tabB.response.status).toBe(409);
    expect((tabB.error as { code: string }).code).toBe('ANSWER_REVISION_CONFLICT');
    const delivered = await unwrap(client.GET('/api/attempts/{id}', { params: { path: { id: a.id } } }));
    expect(delivered.items[0]?.answer?.response).toEqual({ type: item.type, ...rightAnswer(key) });
  });
});

describe('attempts: resume after the API process restarts', () => {
  it('should continue the attempt with every saved answer on a new app over the same database', async () => {
    const first = await createTestApp(ENV);
    let second: TestApp | undefined;
    try {
      const client = await learner(first, 'restart@example.com');
      const a = await quick(client, { count: 4, topics: ['sync', 'context'] });
      const keys = await keysOf(first, a.id);
      for (const position of [1, 2, 3]) {
        await unwrap(save(client, a.id, position, { response: rightAnswer(keys.get(position)!), flagged: position === 2, timeSpentMs: 500 }));
      }
      const before = await unwrap(client.GET('/api/attempts/{id}', { params: { path: { id: a.id } } }));
      await first.close({ keepDatabase: true });

      second = await createTestApp(ENV, { database: first.database });
      const resumed = await login(second, 'restart@example.com');
      const after = await unwrap(resumed.GET('/api/attempts/{id}', { params: { path: { id: a.id } } }));
      expect(after.items).toEqual(before.items);
      expect(after.deadlineAt).toBe(before.deadlineAt);
      expect(after.state).toBe('in_progress');
      expect(after.items.filter((i) => i.answer !== null)).toHaveLength(3);

      await unwrap(save(resumed, a.id, 4, { response: rightAnswer(keys.get(4)!) }));
      const result = await unwrap(resumed.POST('/api/attempts/{id}/submit', { params: { path: { id: a.id } } }));
      expect(result.result?.score).toBe(4);
    } finally {
      if (second) await second.close();
      else await first.close().catch(() => undefined);
    }
  });
});

describe('attempts: ownership and mock interviews', () => {
  let t: TestApp;
  let owner: ApiClient;
  let other: ApiClient;

  beforeAll(async () => {
    t = await createTestApp(ENV);
    owner = await learner(t, 'owner@example.com');
    other = await learner(t, 'other@example.com');
  });
  afterAll(() => t.close());

  it("should answer 404 to another learner for every route of someone else's attempt", async () => {
    const a = await quick(owner, { count: 1 });
    const path = { params: { path: { id: a.id } } };
    const responses = [
      await other.GET('/api/attempts/{id}', path),
      await save(other, a.id, 1, { response: null }),
      await other.POST('/api/attempts/{id}/submit', path),
      await other.GET('/api/attempts/{id}/review', path),
    ];
    for (const res of responses) {
      expect(res.response.status).toBe(404);
      expect((res.error as { code: string }).code).toBe('ATTEMPT_NOT_FOUND');
    }
    expect((await unwrap(other.GET('/api/attempts'))).attempts).toEqual([]);
    expect((await unwrap(owner.GET('/api/attempts/{id}', path))).state).toBe('in_progress');
    const anonymous = await clientFor(t);
    expect((await anonymous.GET('/api/attempts/{id}', path)).response.status).toBe(401);
    expect((await owner.GET('/api/attempts/{id}', { params: { path: { id: 'not-a-uuid' } } })).response.status).toBe(404);
  });

  it("should draw a mock interview with the template's mix, reproducibly from the stored seed", async () => {
    const template = loadTemplates().templates.find((x) => x.id === 'sre')!;
    const level = template.levels.senior;
    const a = await unwrap(owner.POST('/api/attempts', { body: { mode: 'mock', template: 'sre', level: 'senior' } }));
    expect(a.title).toBe(`Mock interview: ${template.title} (senior)`);
    expect(a.timeLimitSeconds).toBe(level.timeLimitMinutes * 60);
    expect(a.items).toHaveLength(level.pools.reduce((sum, p) => sum + p.count, 0));

    const wantByTopic = new Map<string, number>();
    for (const pool of level.pools) wantByTopic.set(pool.topic, (wantByTopic.get(pool.topic) ?? 0) + pool.count);
    const gotByTopic = new Map<string, number>();
    for (const item of a.items) gotByTopic.set(item.topic, (gotByTopic.get(item.topic) ?? 0) + 1);
    expect(gotByTopic).toEqual(wantByTopic);
    // The senior level asks for one code task to write, delivered with its starter and visible tests.
    const tasks = a.items.filter((i) => i.type === 'code-task');
    expect(tasks).toHaveLength(1);
    expect(Object.keys(tasks[0]!.task ?? {}).sort()).toEqual(['files', 'starter', 'visibleTests']);

    const [stored] = await t.sql<{ seed: string }>('SELECT seed FROM attempts WHERE id = $1', [a.id]);
    const candidates = await t.sql<{ id: string; topic: string; type: string; difficulty: number; tags: string[]; expectedSeconds: number }>(
      `SELECT q.id, v.topic_id AS topic, v.type, v.difficulty, v.tags, v.expected_seconds AS "expectedSeconds"
         FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.retired_at IS NULL AND q.organization_id IS NULL`,
    );
    const redrawn = drawFromPools(level.pools, candidates as PoolCandidate[], Number(stored!.seed));
    expect(a.items.map((i) => i.questionId)).toEqual(redrawn.items.map((c) => c.id));
  });

  it('should draw code tasks into a quick quiz only when asked, and practise one task on its own', async () => {
    const drawable = await t.sql<{ id: string; type: string }>(
      `SELECT q.id, v.type FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.retired_at IS NULL AND q.organization_id IS NULL AND v.topic_id = 'sync' AND v.type NOT IN ('flashcard', 'essay')`,
    );
    const taskIds = drawable.filter((q) => q.type === 'code-task').map((q) => q.id).sort();
    expect(taskIds.length).toBeGreaterThanOrEqual(1);
    const body = (count: number, includeCodeTasks?: boolean) => ({
      mode: 'quick' as const,
      topics: ['sync' as const],
      count,
      timeLimitMinutes: 30,
      ...(includeCodeTasks === undefined ? {} : { includeCodeTasks }),
    });
    // Every drawable sync question, tasks included, when asked for them...
    const all = await unwrap(owner.POST('/api/attempts', { body: body(drawable.length, true) }));
    expect(all.items.filter((i) => i.type === 'code-task').map((i) => i.questionId).sort()).toEqual(taskIds);
    // ...and never a task by default: the same count is then more than the bank has.
    const without = await owner.POST('/api/attempts', { body: body(drawable.length) });
    expect(without.response.status).toBe(422);
    const rest = await unwrap(owner.POST('/api/attempts', { body: body(drawable.length - taskIds.length, false) }));
    expect(rest.items.some((i) => i.type === 'code-task')).toBe(false);

    // "Practise this task": one item, that task, with a long time limit.
    const practice = await unwrap(owner.POST('/api/attempts', { body: { mode: 'quick', questionId: taskIds[0]! } }));
    expect(practice.items.map((i) => [i.questionId, i.type])).toEqual([[taskIds[0], 'code-task']]);
    expect(practice.items[0]!.task?.files.length).toBeGreaterThan(0);
    expect(practice.timeLimitSeconds).toBe(180 * 60);
    expect(practice.title).toBe(`Practice: ${practice.items[0]!.title}`);
    const unknown = await owner.POST('/api/attempts', { body: { mode: 'quick', questionId: 'no-such-question' } });
    expect(unknown.response.status).toBe(404);
    expect((unknown.error as { code: string }).code).toBe('QUESTION_NOT_FOUND');
    const neither = await owner.POST('/api/attempts', { body: { mode: 'quick', count: 1 } });
    expect(neither.response.status).toBe(400);
  });

  it('should refuse an unknown template with 404 and an impossible quiz with 422', async () => {
    const unknown = await owner.POST('/api/attempts', { body: { mode: 'mock', template: 'astronaut', level: 'senior' } });
    expect(unknown.response.status).toBe(404);
    expect((unknown.error as { code: string }).code).toBe('TEMPLATE_NOT_FOUND');
    const tooMany = await owner.POST('/api/attempts', {
      body: { mode: 'quick', topics: ['kubernetes'], difficulty: { min: 5, max: 5 }, count: 50, timeLimitMinutes: 10 },
    });
    expect(tooMany.response.status).toBe(422);
    expect((tooMany.error as { code: string }).code).toBe('NOT_ENOUGH_QUESTIONS');
  });

  it("should refuse the other mode's fields when they are malformed, as the document says (Schemathesis: template '' in a quick quiz)", async () => {
    const quick = { mode: 'quick', topics: ['channels'], count: 3, timeLimitMinutes: 5 } as const;
    const cases: Array<[string, Record<string, unknown>]> = [
      ['template', { ...quick, template: '' }],
      ['level', { ...quick, level: 'wizard' }],
      ['topics', { mode: 'mock', template: 'sre', level: 'senior', topics: ['astronomy'] }],
      ['count', { mode: 'mock', template: 'sre', level: 'senior', count: 0 }],
      ['timeLimitMinutes', { mode: 'mock', template: 'sre', level: 'senior', timeLimitMinutes: 100000 }],
    ];
    for (const [field, body] of cases) {
      const res = await owner.POST('/api/attempts', { body: body as never });
      expect([field, res.response.status]).toEqual([field, 400]);
      expect(JSON.stringify(res.error)).toContain(field);
    }
    const ok = await owner.POST('/api/attempts', { body: { ...quick, topics: ['channels'], template: 'sre', level: 'senior' } });
    expect(ok.response.status).toBe(201);
  });
});
