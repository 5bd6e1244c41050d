import { randomUUID } from 'node:crypto';
import { unwrap, type ApiClient, type Schemas } from '@goprep/api-client';
import { DrillsClock, SrsOptimizerService } from '@goprep/api/testing';
import {
  DEFAULT_FSRS_WEIGHTS,
  mulberry32,
  newSrsCard,
  resolveSrsSettings,
  retrievability,
  scheduleReview,
  type AnswerKey,
  type FsrsWeights,
  type SrsCard,
  type SrsRating,
} from '@goprep/domain';
import { clientFor, createTestApp, type TestApp } from './support/test-app';
import { rightAnswer, wrongAnswer } from './support/answers';

const PASSWORD = 'a long enough secret';
const DAY = 86_400_000;
/** How this simulated learner really forgets: first memories far weaker than FSRS's defaults assume. */
const FORGETFUL: FsrsWeights = DEFAULT_FSRS_WEIGHTS.map((w, i) => (i < 4 ? w * 0.1 : i === 8 ? w * 0.5 : w));
const SETTINGS = { timezone: 'Asia/Tokyo', dayStartHour: 4, learningSteps: [], relearningSteps: [], newCardsPerDay: 40 };

async function register(t: TestApp, email: string): Promise<ApiClient> {
  const client = await clientFor(t);
  await unwrap(client.POST('/api/auth/register', { body: { email, password: PASSWORD, displayName: email.split('@')[0]! } }));
  return client;
}

type OptimizationRow = {
  reason: string;
  outcome: string;
  review_count: number;
  item_count: number;
  current_log_loss: number | null;
  fitted_log_loss: number | null;
  fitted_weights: number[] | null;
};

describe('drills: the FSRS optimizer job over a simulated learner (injected clock)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let client: ApiClient;
  let userId: string;
  let now: Date;
  let optimizer: SrsOptimizerService;
  const keys = new Map<string, AnswerKey>();
  /** The learner's real memory of each card, tracked beside the server's schedule. */
  const truth = new Map<string, SrsCard>();
  const random = mulberry32(20261121);
  const truthSettings = resolveSrsSettings(SETTINGS);

  const evaluations = () =>
    t.sql<OptimizationRow>(
      `SELECT reason, outcome, review_count, item_count, current_log_loss, fitted_log_loss, fitted_weights FROM srs_optimizations WHERE user_id = $1 ORDER BY evaluated_at`,
      [userId],
    );

  /** One local day: answer every card due, right or wrong as the learner's true memory has it. */
  async function liveDay(): Promise<number> {
    const queue = await unwrap(client.GET('/api/drills/due'));
    for (const card of queue.cards) {
      const id = card.questionId;
      const memory = truth.get(id) ?? newSrsCard(id, now);
      const recall = memory.state === 'new' ? 0.75 : (retrievability(memory, now, truthSettings, FORGETFUL) ?? 0);
      const key = keys.get(id)!;
      const response = random() < recall ? rightAnswer(key) : wrongAnswer(key);
      const result = await unwrap(client.POST('/api/drills/reviews', { body: { reviewId: randomUUID(), questionId: id, response, durationMs: 4_000 } }));
      const after = scheduleReview(memory, { rating: result.rating as SrsRating, durationMs: 4_000, outcome: null }, now, truthSettings, FORGETFUL).card;
      truth.set(id, { ...after, suspended: false });
      if (result.suspended) await unwrap(client.POST('/api/drills/cards/{questionId}/unsuspend', { params: { path: { questionId: id } } }));
    }
    return queue.cards.length;
  }

  async function liveDays(days: number): Promise<void> {
    for (let d = 0; d < days; d++) {
      await liveDay();
      now = new Date(now.getTime() + DAY);
    }
  }

  beforeAll(async () => {
    t = await createTestApp({ SRS_OPTIMIZER_INTERVAL_MS: '0' });
    now = new Date('2026-05-04T00:30:00.000Z'); // 09:30 in Tokyo
    jest.spyOn(t.app.get(DrillsClock), 'now').mockImplementation(() => new Date(now));
    optimizer = t.app.get(SrsOptimizerService);
    admin = await register(t, 'first-admin@example.com');
    client = await register(t, 'forgetful@example.com');
    const [user] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = $1`, ['forgetful@example.com']);
    userId = user!.id;
    await unwrap(client.PUT('/api/drills/settings', { body: SETTINGS }));
    const rows = await t.sql<{ id: string; answer_key: AnswerKey }>(
      `SELECT q.id, v.answer_key FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.topic_id IN ('memory-model', 'goroutine-leaks', 'trace-sampling') AND q.retired_at IS NULL AND q.organization_id IS NULL
          AND v.type NOT IN ('essay', 'flashcard', 'code-task') ORDER BY q.id LIMIT 80`,
    );
    for (const r of rows) keys.set(r.id, r.answer_key);
    await unwrap(client.POST('/api/drills/deck', { body: { questionIds: [...keys.keys()] } }));
    // Interval fuzz is seeded by card id, a random uuid: fixed ids make this month the same on every run.
    await t.sql(`UPDATE srs_cards SET id = md5('optimizer-e2e:' || question_id)::uuid WHERE user_id = $1`, [userId]);
  }, 120_000);
  afterAll(() => t.close());

  it('should keep the defaults while the history is below the optimizer floor, and say so', async () => {
    await liveDays(2); // 80 first reviews and the few forgotten ones again: enough reviews to look, few on a later day
    const [count] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM srs_reviews WHERE user_id = $1`, [userId]);
    expect(count!.n).toBeGreaterThanOrEqual(80);
    const summary = await optimizer.runOnce(now);
    expect(summary).toMatchObject({ due: 1, notEnoughData: 1, switched: 0 });
    const [row] = await evaluations();
    expect(row).toMatchObject({ reason: 'first', outcome: 'not-enough-data', review_count: count!.n, fitted_weights: null });
    expect(row!.item_count).toBeLessThan(64);
    expect(await t.sql(`SELECT weights FROM srs_settings WHERE user_id = $1 AND weights IS NOT NULL`, [userId])).toHaveLength(0);
    // Nothing new: the next round leaves the learner alone.
    expect((await optimizer.runOnce(now)).due).toBe(0);
  }, 60_000);

  it('should fit once the reviews have doubled, switch only because the fit wins, and fit each learner once across instances', async () => {
    await liveDays(40);
    const before = await unwrap(client.GET('/api/drills/settings'));
    expect(before.personalWeights).toBe(false);
    // Two instances run the job at the same moment: one fits, the other finds the learner taken or done.
    const [a, b] = await Promise.all([optimizer.runOnce(now), optimizer.runOnce(now)]);
    expect(a.due + b.due - a.busy - b.busy).toBe(1);
    const rows = await evaluations();
    expect(rows).toHaveLength(2);
    const fit = rows[1]!;
    expect(fit.reason).toBe('doubled');
    expect(fit.item_count).toBeGreaterThanOrEqual(64);
    expect(fit.fitted_weights).toHaveLength(21);
    // The learner forgets unlike the defaults: the fitted parameters predict the later reviews better.
    expect(fit.fitted_log_loss!).toBeLessThan(fit.current_log_loss!);
    expect(fit.outcome).toBe('switched');
    const [settings] = await t.sql<{ weights: number[] }>(`SELECT weights FROM srs_settings WHERE user_id = $1`, [userId]);
    expect(settings!.weights).toEqual(fit.fitted_weights);
    expect((await unwrap(client.GET('/api/drills/settings'))).personalWeights).toBe(true);

    const stats = await unwrap(client.GET('/api/drills/stats'));
    expect(stats.personalWeights).toBe(true);
    expect(stats.optimization).toMatchObject({ reason: 'doubled', outcome: 'switched', switched: true, reviewCount: fit.review_count, itemCount: fit.item_count });
    expect(stats.optimization!.fittedLogLoss!).toBeLessThan(stats.optimization!.currentLogLoss!);
    // Reviewed on each of the 42 local days, today included? Today (day 43) has no review yet: the streak is still alive.
    expect(stats.streak).toBe(42);
    // Per-topic retention for the heat map, checked against the review log of the last 30 local days.
    const from = new Date(now.getTime() - 30 * DAY);
    const perTopic = await t.sql<{ topic_id: string; reviews: number; kept: number }>(
      `SELECT q.topic_id, count(*)::int AS reviews, count(*) FILTER (WHERE r.rating <> 'again')::int AS kept
         FROM srs_reviews r JOIN questions q ON q.id = r.question_id
        WHERE r.user_id = $1 AND r.undone_at IS NULL AND r.state_before->>'state' = 'review' AND r.local_day > $2::date
        GROUP BY q.topic_id`,
      [userId, new Date(from.getTime() + 9 * 3_600_000 - 4 * 3_600_000).toISOString().slice(0, 10)],
    );
    const deckTopics = await t.sql<{ topic_id: string }>(
      `SELECT DISTINCT q.topic_id FROM srs_cards c JOIN questions q ON q.id = c.question_id WHERE c.user_id = $1 ORDER BY q.topic_id`,
      [userId],
    );
    expect(stats.byTopic.map((b) => b.topic)).toEqual(deckTopics.map((r) => r.topic_id));
    expect(perTopic.length).toBeGreaterThan(0);
    for (const row of perTopic) {
      const topic = stats.byTopic.find((b) => b.topic === row.topic_id)!;
      expect(topic.reviews).toBe(row.reviews);
      expect(topic.trueRetention).toBeCloseTo(row.kept / row.reviews, 10);
    }
    expect((await optimizer.runOnce(now)).due).toBe(0);
  }, 180_000);

  it('should list the learner\'s suspended cards and refuse an unknown filter', async () => {
    const id = [...keys.keys()][0]!;
    await unwrap(client.POST('/api/drills/cards/{questionId}/suspend', { params: { path: { questionId: id } } }));
    const deck = await unwrap(client.GET('/api/drills/deck', { params: { query: { filter: 'suspended' } } }));
    expect(deck.cards.map((c) => c.questionId)).toContain(id);
    expect(deck.cards.every((c) => c.suspended)).toBe(true);
    expect(deck.cards.find((c) => c.questionId === id)!.title.length).toBeGreaterThan(0);
    const all = await unwrap(client.GET('/api/drills/deck', { params: { query: {} } }));
    expect(all.cards).toHaveLength(keys.size);
    const stats = await unwrap(client.GET('/api/drills/stats'));
    expect(stats.suspendedCount).toBe(deck.cards.length);
    await unwrap(client.POST('/api/drills/cards/{questionId}/unsuspend', { params: { path: { questionId: id } } }));
    expect((await unwrap(client.GET('/api/drills/deck', { params: { query: { filter: 'suspended' } } }))).cards.map((c) => c.questionId)).not.toContain(id);
    const bad = await client.GET('/api/drills/deck', { params: { query: { filter: 'leeches' as 'all' } } });
    expect(bad.response.status).toBe(400);
  });

  it('should refit a month later and keep the parameters it has when the new fit does not beat them', async () => {
    now = new Date(now.getTime() + 30 * DAY);
    await liveDays(1);
    const summary = await optimizer.runOnce(now);
    expect(summary.due).toBe(1);
    const rows = await evaluations();
    const refit = rows[2]!;
    expect(refit.reason).toBe('monthly');
    const [settings] = await t.sql<{ weights: number[] }>(`SELECT weights FROM srs_settings WHERE user_id = $1`, [userId]);
    // Now on personal parameters fitted a month ago, a new fit over one more day does not beat them: they stay.
    expect(refit.fitted_log_loss!).toBeGreaterThan(refit.current_log_loss!);
    expect(refit.outcome).toBe('kept');
    expect(settings!.weights).toEqual(rows[1]!.fitted_weights);
    const stats = await unwrap(client.GET('/api/drills/stats'));
    expect(stats.optimization).toMatchObject({ reason: 'monthly', outcome: 'kept', switched: false });
    expect(stats.personalWeights).toBe(true);
  }, 120_000);

  it('should list lapse-heavy questions for admins only', async () => {
    const forbidden = await client.GET('/api/admin/drills/lapse-heavy', { params: { query: {} } });
    expect(forbidden.response.status).toBe(403);
    expect((forbidden.error as { code?: string }).code).toBe('FORBIDDEN');
    const list: Schemas['LapseHeavyListDto'] = await unwrap(admin.GET('/api/admin/drills/lapse-heavy', { params: { query: { minReviews: 2, limit: 10 } } }));
    expect(list.minReviews).toBe(2);
    expect(list.questions.length).toBeGreaterThan(0);
    const rates = list.questions.map((q) => q.lapseRate);
    expect(rates).toEqual([...rates].sort((x, y) => y - x));
    const top = list.questions[0]!;
    // Checked against the review log itself.
    const [counted] = await t.sql<{ reviews: number; lapses: number }>(
      `SELECT count(*)::int AS reviews, count(*) FILTER (WHERE rating = 'again')::int AS lapses FROM srs_reviews
        WHERE question_id = $1 AND undone_at IS NULL AND state_before->>'state' = 'review'`,
      [top.questionId],
    );
    expect(top).toMatchObject({ reviews: counted!.reviews, lapses: counted!.lapses, learners: 1 });
    expect(top.lapseRate).toBeCloseTo(counted!.lapses / counted!.reviews, 10);
    const bad = await admin.GET('/api/admin/drills/lapse-heavy', { params: { query: { minReviews: 0 } } });
    expect(bad.response.status).toBe(400);
  });
});
