import { randomUUID } from 'node:crypto';
import { unwrap, type ApiClient, type Schemas } from '@goprep/api-client';
import { DrillsClock } from '@goprep/api/testing';
import type { AnswerKey } from '@goprep/domain';
import { clientFor, createTestApp, type TestApp } from './support/test-app';
import { rightAnswer, wrongAnswer } from './support/answers';
import { findKeyMaterial } from './support/key-material';

const PASSWORD = 'a long enough secret';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Result = Schemas['ReviewResultDto'];
type Queue = Schemas['DueQueueDto'];

async function learner(t: TestApp, email: string): Promise<ApiClient> {
  const client = await clientFor(t);
  await unwrap(client.POST('/api/auth/register', { body: { email, password: PASSWORD, displayName: email.split('@')[0]! } }));
  return client;
}


async function keyOf(t: TestApp, questionId: string): Promise<{ key: AnswerKey; expectedSeconds: number }> {
  const [row] = await t.sql<{ answer_key: AnswerKey; expected_seconds: number }>(
    `SELECT v.answer_key, v.expected_seconds FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version WHERE q.id = $1`,
    [questionId],
  );
  return { key: row!.answer_key, expectedSeconds: row!.expected_seconds };
}

/** Live auto-graded questions of a topic, by id. */
async function autoGraded(t: TestApp, topic: string): Promise<string[]> {
  const rows = await t.sql<{ id: string }>(
    `SELECT q.id FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
      WHERE q.topic_id = $1 AND q.retired_at IS NULL AND q.organization_id IS NULL AND v.type NOT IN ('essay', 'flashcard', 'code-task') ORDER BY q.id`,
    [topic],
  );
  return rows.map((r) => r.id);
}

function review(client: ApiClient, body: Schemas['SubmitReviewDto']) {
  return client.POST('/api/drills/reviews', { body });
}

function errorCode(res: { error?: unknown }): string | undefined {
  return (res.error as { code?: string } | undefined)?.code;
}

/** "YYYY-MM-DD" of the Tokyo learner's day (UTC+9, no DST; the day starts at 04:00). */
function tokyoDay(instant: string | Date): string {
  return new Date(new Date(instant).getTime() + 9 * HOUR - 4 * HOUR).toISOString().slice(0, 10);
}

describe('drills: a deck, the due queue, auto-graded reviews, undo, leeches and settings', () => {
  let t: TestApp;
  let client: ApiClient;
  let now: Date;

  beforeAll(async () => {
    t = await createTestApp();
    now = new Date('2026-03-02T01:00:00.000Z'); // 10:00 in Tokyo
    jest.spyOn(t.app.get(DrillsClock), 'now').mockImplementation(() => new Date(now));
    client = await learner(t, 'drills@example.com');
  });
  afterAll(() => t.close());

  it('should start from the default settings and refuse invalid ones with a problem per field', async () => {
    const defaults = await unwrap(client.GET('/api/drills/settings'));
    expect(defaults).toMatchObject({ timezone: 'UTC', dayStartHour: 4, desiredRetention: 0.9, newCardsPerDay: 20, learningSteps: ['1m', '10m'] });
    const bad = await client.PUT('/api/drills/settings', { body: { timezone: 'Mars/Olympus_Mons', dayStartHour: 24, desiredRetention: 0.99, learningSteps: ['ten minutes'] } });
    expect(bad.response.status).toBe(400);
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    const fields = (bad.error as { fields: Array<{ field: string }> }).fields.map((f) => f.field).sort();
    expect(fields).toEqual(['dayStartHour', 'desiredRetention', 'learningSteps', 'timezone']);
    const wrongType = await client.PUT('/api/drills/settings', { body: { newCardsPerDay: 'many' as unknown as number } });
    expect(wrongType.response.status).toBe(400);
    // Nothing of the refused requests was stored.
    expect(await unwrap(client.GET('/api/drills/settings'))).toEqual(defaults);
    const saved = await unwrap(client.PUT('/api/drills/settings', { body: { timezone: 'Asia/Tokyo', newCardsPerDay: 5 } }));
    expect(saved).toMatchObject({ timezone: 'Asia/Tokyo', newCardsPerDay: 5, dayStartHour: 4, desiredRetention: 0.9 });
    expect(await unwrap(client.GET('/api/drills/settings'))).toEqual(saved);
  });

  it('should add a topic to the deck once, and refuse ambiguous or unknown sources', async () => {
    // Every live channels question but the code tasks: a task becomes a card only when picked by id (or missed in an attempt).
    const [live] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.topic_id = 'channels' AND q.retired_at IS NULL AND q.organization_id IS NULL AND v.type <> 'code-task'`,
    );
    const added = await unwrap(client.POST('/api/drills/deck', { body: { topic: 'channels' } }));
    expect(added).toEqual({ added: live!.n, skipped: 0, total: live!.n });
    const again = await unwrap(client.POST('/api/drills/deck', { body: { topic: 'channels' } }));
    expect(again).toEqual({ added: 0, skipped: live!.n, total: live!.n });
    const none = await client.POST('/api/drills/deck', { body: {} });
    expect(none.response.status).toBe(400);
    const two = await client.POST('/api/drills/deck', { body: { topic: 'channels', questionIds: ['x'] } });
    expect(two.response.status).toBe(400);
    const unknown = await client.POST('/api/drills/deck', { body: { questionIds: ['no-such-question'] } });
    expect(unknown.response.status).toBe(404);
    expect(errorCode(unknown)).toBe('QUESTION_NOT_FOUND');
    const badTopic = await client.POST('/api/drills/deck', { body: { topic: 'cooking' as 'channels' } });
    expect(badTopic.response.status).toBe(400);
  });

  it('should page the deck in its order: every card once, the total on every page, an empty page past the end', async () => {
    const full = await unwrap(client.GET('/api/drills/deck', { params: { query: { limit: 500 } } }));
    const total = full.cards.length;
    expect(total).toBeGreaterThan(3);
    expect(full).toMatchObject({ total, limit: 500, offset: 0 });
    const seen: string[] = [];
    for (let offset = 0; offset < total; offset += 3) {
      const page = await unwrap(client.GET('/api/drills/deck', { params: { query: { limit: 3, offset } } }));
      expect([page.total, page.limit, page.offset]).toEqual([total, 3, offset]);
      expect(page.cards).toEqual(full.cards.slice(offset, offset + 3));
      seen.push(...page.cards.map((c) => c.questionId));
    }
    expect(seen).toEqual(full.cards.map((c) => c.questionId));
    const last = await unwrap(client.GET('/api/drills/deck', { params: { query: { limit: 1, offset: total - 1 } } }));
    expect(last.cards).toEqual([full.cards[total - 1]]);
    const past = await unwrap(client.GET('/api/drills/deck', { params: { query: { limit: 5, offset: total } } }));
    expect(past).toEqual({ cards: [], total, limit: 5, offset: total });
    // The filter is applied before the page: no card is suspended yet.
    const suspended = await unwrap(client.GET('/api/drills/deck', { params: { query: { filter: 'suspended', offset: 2 } } }));
    expect(suspended).toEqual({ cards: [], total: 0, limit: 200, offset: 2 });
  });

  it('should queue new cards within the daily limit in a stable order, with intervals and no key material', async () => {
    const queue = await unwrap(client.GET('/api/drills/due'));
    expect(queue).toMatchObject({ day: '2026-03-02', timezone: 'Asia/Tokyo', dueCount: 0, newCount: 5 });
    expect(queue.cards).toHaveLength(5);
    // Cards of one request enter in question-id order and are introduced in that order.
    const ids = queue.cards.map((c) => c.questionId);
    expect(ids).toEqual([...ids].sort());
    expect((await unwrap(client.GET('/api/drills/due'))).cards.map((c) => c.questionId)).toEqual(ids);
    expect(findKeyMaterial(queue)).toEqual([]);
    for (const card of queue.cards) {
      expect(card.state).toBe('new');
      expect(card.question.questionId).toBe(card.questionId);
      expect(card.question.prompt.length).toBeGreaterThan(0);
      expect(card.intervals.again.label).toBe('1m');
      expect(card.intervals.good.label).toBe('10m');
      expect(card.intervals.easy.days).toBeGreaterThanOrEqual(1);
    }
    // Options come in their stored order, id and text only.
    const withOptions = queue.cards.find((c) => c.question.options);
    if (withOptions) {
      const [stored] = await t.sql<{ ids: string[] }>(
        `SELECT ARRAY(SELECT o->>'id' FROM jsonb_array_elements(v.options) WITH ORDINALITY AS e(o, n) ORDER BY n) AS ids
           FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version WHERE q.id = $1`,
        [withOptions.questionId],
      );
      expect(withOptions.question.options!.map((o) => o.id)).toEqual(stored!.ids);
      expect(withOptions.question.options!.every((o) => Object.keys(o).sort().join() === 'id,text')).toBe(true);
    }
  });

  describe('reviews', () => {
    let ids: string[];
    const results = new Map<string, Result>();

    beforeAll(async () => {
      ids = await autoGraded(t, 'channels');
    });

    async function answer(questionId: string, how: 'right' | 'wrong', extra: Partial<Schemas['SubmitReviewDto']> = {}): Promise<Result> {
      const { key } = await keyOf(t, questionId);
      const response = how === 'right' ? rightAnswer(key) : wrongAnswer(key);
      return unwrap(review(client, { reviewId: randomUUID(), questionId, response, durationMs: 5_000, ...extra }));
    }

    it('should grade on the server and map the verdict to a rating: wrong -> Again, correct -> Good, slow -> Hard', async () => {
      const [a, b, c, d] = ids as [string, string, string, string];
      const wrong = await answer(a, 'wrong');
      expect(wrong).toMatchObject({ questionId: a, status: 'incorrect', correct: false, suggestedRating: 'again', rating: 'again', ratingSource: 'auto', undone: false });
      expect(wrong.key).toEqual((await keyOf(t, a)).key);
      expect(wrong.explanation.length).toBeGreaterThan(0);
      expect(new Date(wrong.nextDue).getTime()).toBe(now.getTime() + 60_000);
      results.set(a, wrong);

      const right = await answer(b, 'right');
      expect(right).toMatchObject({ status: 'correct', correct: true, suggestedRating: 'good', rating: 'good', ratingSource: 'auto', state: 'learning' });
      expect(new Date(right.nextDue).getTime()).toBe(now.getTime() + 10 * 60_000);

      const { expectedSeconds } = await keyOf(t, c);
      const slow = await answer(c, 'right', { durationMs: expectedSeconds * 2000 + 1 });
      expect(slow).toMatchObject({ correct: true, suggestedRating: 'hard', rating: 'hard', ratingSource: 'auto' });

      const guessed = await answer(d, 'right', { guessed: true });
      expect(guessed).toMatchObject({ correct: true, suggestedRating: 'again', rating: 'again' });

      const stored = await t.sql<{ rating: string; correct: boolean; guessed: boolean; duration_ms: number; rating_source: string; timezone: string }>(
        `SELECT rating, correct, guessed, duration_ms, rating_source, timezone FROM srs_reviews ORDER BY reviewed_at, rating`,
      );
      expect(stored).toHaveLength(4);
      expect(stored.every((r) => r.timezone === 'Asia/Tokyo' && r.rating_source === 'auto')).toBe(true);
      expect(stored.find((r) => r.guessed)).toMatchObject({ rating: 'again', correct: true });
    });

    it('should apply an override, Easy only when the learner presses it', async () => {
      const e = ids[4]!;
      const easy = await answer(e, 'right', { rating: 'easy' });
      expect(easy).toMatchObject({ suggestedRating: 'good', rating: 'easy', ratingSource: 'overridden' });
      expect(easy.scheduledDays).toBeGreaterThanOrEqual(1);
      expect(easy.state).toBe('review');
      results.set(e, easy);
    });

    it('should treat a repeated review id as the same review', async () => {
      const a = ids[0]!;
      const first = results.get(a)!;
      const [before] = await t.sql<{ reps: number }>(`SELECT reps FROM srs_cards WHERE question_id = $1`, [a]);
      const { key } = await keyOf(t, a);
      const again = await unwrap(review(client, { reviewId: first.reviewId, questionId: a, response: rightAnswer(key), durationMs: 1 }));
      expect(again).toEqual(first);
      const [after] = await t.sql<{ reps: number }>(`SELECT reps FROM srs_cards WHERE question_id = $1`, [a]);
      expect(after!.reps).toBe(before!.reps);
      const [count] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM srs_reviews WHERE id = $1`, [first.reviewId]);
      expect(count!.n).toBe(1);
      const elsewhere = await review(client, { reviewId: first.reviewId, questionId: ids[1]!, response: rightAnswer(key), durationMs: 1 });
      expect(elsewhere.response.status).toBe(409);
      expect(errorCode(elsewhere)).toBe('DRILL_REVIEW_ID_CONFLICT');
    });

    it('should refuse malformed answers and self-ratings of auto-graded questions', async () => {
      const b = ids[1]!;
      const malformed = await review(client, { reviewId: randomUUID(), questionId: b, response: { nonsense: 1 }, durationMs: 1 });
      expect(malformed.response.status).toBe(400);
      expect(errorCode(malformed)).toBe('RESPONSE_INVALID');
      const self = await review(client, { reviewId: randomUUID(), questionId: b, selfRating: 3, durationMs: 1 });
      expect(self.response.status).toBe(400);
      const notInDeck = await review(client, { reviewId: randomUUID(), questionId: 'no-such-question', durationMs: 1 });
      expect(notInDeck.response.status).toBe(404);
      expect(errorCode(notInDeck)).toBe('DRILL_CARD_NOT_FOUND');
    });

    it('should undo the latest review of a card, and only that one', async () => {
      const e = ids[4]!;
      const easy = results.get(e)!;
      const undone = await unwrap(client.POST('/api/drills/reviews/{reviewId}/undo', { params: { path: { reviewId: easy.reviewId } } }));
      expect(undone.card).toMatchObject({ questionId: e, state: 'new', reps: 0, lapses: 0 });
      const [row] = await t.sql<{ undone_at: Date | null }>(`SELECT undone_at FROM srs_reviews WHERE id = $1`, [easy.reviewId]);
      expect(row!.undone_at).not.toBeNull();
      const twice = await client.POST('/api/drills/reviews/{reviewId}/undo', { params: { path: { reviewId: easy.reviewId } } });
      expect(twice.response.status).toBe(409);
      // The card is new again, so it is back in today's queue.
      const [card] = await t.sql<{ state: string; reps: number }>(`SELECT state, reps FROM srs_cards WHERE question_id = $1`, [e]);
      expect(card).toEqual({ state: 'new', reps: 0 });
      // Four new cards were started today (the undone one no longer counts): one more fits the limit of 5.
      expect((await unwrap(client.GET('/api/drills/due'))).newCount).toBe(1);
      // The replayed result says it was undone.
      const replay = await unwrap(review(client, { reviewId: easy.reviewId, questionId: e, durationMs: 1 }));
      expect(replay.undone).toBe(true);

      // An older review of a card that was reviewed since cannot be undone.
      const a = ids[0]!;
      now = new Date(now.getTime() + 2 * 60_000);
      await answer(a, 'right');
      const older = await client.POST('/api/drills/reviews/{reviewId}/undo', { params: { path: { reviewId: results.get(a)!.reviewId } } });
      expect(older.response.status).toBe(409);
      expect(errorCode(older)).toBe('DRILL_UNDO_REFUSED');
      const unknown = await client.POST('/api/drills/reviews/{reviewId}/undo', { params: { path: { reviewId: randomUUID() } } });
      expect(unknown.response.status).toBe(404);
    });

    it('should let the learner rate flashcards and essays themselves', async () => {
      const selfRated = await t.sql<{ id: string; type: string }>(
        `SELECT q.id, v.type FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
          WHERE q.retired_at IS NULL AND q.organization_id IS NULL AND v.type IN ('flashcard', 'essay') ORDER BY v.type DESC, q.id LIMIT 1`,
      );
      const card = selfRated[0]!;
      await unwrap(client.POST('/api/drills/deck', { body: { questionIds: [card.id] } }));
      const unrated = await review(client, { reviewId: randomUUID(), questionId: card.id, durationMs: 1_000 });
      expect(unrated.response.status).toBe(400);
      const result = await unwrap(review(client, { reviewId: randomUUID(), questionId: card.id, selfRating: 4, durationMs: 1_000 }));
      expect(result).toMatchObject({ status: 'self-rated', correct: null, suggestedRating: null, rating: 'easy', ratingSource: 'self' });
      expect(result.key).toEqual((await keyOf(t, card.id)).key);
    });

    it("should keep learners apart: another learner's cards and reviews are 404", async () => {
      const other = await learner(t, 'other@example.com');
      const a = ids[0]!;
      const queue = await unwrap(other.GET('/api/drills/due'));
      expect(queue.cards).toEqual([]);
      const rev = await review(other, { reviewId: randomUUID(), questionId: a, response: { choice: 'a' }, durationMs: 1 });
      expect(rev.response.status).toBe(404);
      const undo = await other.POST('/api/drills/reviews/{reviewId}/undo', { params: { path: { reviewId: results.get(a)!.reviewId } } });
      expect(undo.response.status).toBe(404);
      const suspend = await other.POST('/api/drills/cards/{questionId}/suspend', { params: { path: { questionId: a } } });
      expect(suspend.response.status).toBe(404);
      const remove = await other.DELETE('/api/drills/deck/{questionId}', { params: { path: { questionId: a } } });
      expect(remove.response.status).toBe(404);
      const stats = await unwrap(other.GET('/api/drills/stats'));
      expect(stats.reviewsPerDay.every((d) => d.count === 0)).toBe(true);
      // The owner's card is untouched.
      const [card] = await t.sql<{ suspended: boolean }>(`SELECT c.suspended FROM srs_cards c JOIN users u ON u.id = c.user_id WHERE u.email = 'drills@example.com' AND c.question_id = $1`, [a]);
      expect(card!.suspended).toBe(false);
      const anonymous = await clientFor(t);
      expect((await anonymous.GET('/api/drills/due')).response.status).toBe(401);
    });

    it('should suspend a card after its 8th lapse, say so, and take it back on unsuspend', async () => {
      const f = ids[5]!;
      let last: Result | undefined;
      const lapses: number[] = [];
      for (let i = 0; i < 60 && !(last?.leech ?? false); i++) {
        now = new Date(now.getTime() + DAY);
        // Lapse from review, recover otherwise: each Again on a review card is one lapse.
        last = await answer(f, last?.state === 'review' ? 'wrong' : 'right');
        lapses.push(last.lapses);
        if (!last.leech) expect(last.suspended).toBe(false);
      }
      expect(last).toMatchObject({ leech: true, suspended: true, lapses: 8 });
      expect(lapses.filter((n) => n === 7).length).toBeGreaterThan(0);
      const queue = await unwrap(client.GET('/api/drills/due'));
      expect(queue.cards.some((c) => c.questionId === f)).toBe(false);
      const refused = await review(client, { reviewId: randomUUID(), questionId: f, response: rightAnswer((await keyOf(t, f)).key), durationMs: 1 });
      expect(refused.response.status).toBe(409);
      expect(errorCode(refused)).toBe('DRILL_CARD_SUSPENDED');
      const back = await unwrap(client.POST('/api/drills/cards/{questionId}/unsuspend', { params: { path: { questionId: f } } }));
      expect(back).toMatchObject({ suspended: false, leech: true, lapses: 8 });
      const suspended = await unwrap(client.POST('/api/drills/cards/{questionId}/suspend', { params: { path: { questionId: f } } }));
      expect(suspended.suspended).toBe(true);
    });

    it('should remove a card from the deck and keep its reviews', async () => {
      const b = ids[1]!;
      const res = await client.DELETE('/api/drills/deck/{questionId}', { params: { path: { questionId: b } } });
      expect(res.response.status).toBe(204);
      const [card] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM srs_cards WHERE question_id = $1`, [b]);
      expect(card!.n).toBe(0);
      const [kept] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM srs_reviews WHERE question_id = $1 AND card_id IS NULL`, [b]);
      expect(kept!.n).toBeGreaterThan(0);
      const again = await client.DELETE('/api/drills/deck/{questionId}', { params: { path: { questionId: b } } });
      expect(again.response.status).toBe(404);
    });
  });
});

describe('drills: a simulated month in Tokyo', () => {
  let t: TestApp;
  let client: ApiClient;
  let now: Date;

  beforeAll(async () => {
    t = await createTestApp();
    jest.spyOn(t.app.get(DrillsClock), 'now').mockImplementation(() => new Date(now));
    client = await learner(t, 'month@example.com');
  });
  afterAll(() => t.close());

  it('should bring each card back on the local day it was scheduled for, and count the month in stats', async () => {
    // Day-scale scheduling only (no minute steps), three new cards a day.
    await unwrap(client.PUT('/api/drills/settings', { body: { timezone: 'Asia/Tokyo', dayStartHour: 4, learningSteps: [], relearningSteps: [], newCardsPerDay: 3 } }));
    const ids = (await autoGraded(t, 'memory-model')).slice(0, 4);
    now = new Date('2026-04-01T00:00:00.000Z'); // 09:00 in Tokyo on April 1st
    await unwrap(client.POST('/api/drills/deck', { body: { questionIds: ids } }));
    const keys = new Map<string, AnswerKey>();
    for (const id of ids) keys.set(id, (await keyOf(t, id)).key);
    /** Tokyo day each card is due next; absent = not introduced yet. */
    const dueDay = new Map<string, string>();
    let reviews = 0;
    const start = now.getTime();
    for (let d = 0; d < 30; d++) {
      const morning = start + d * DAY; // 09:00 Tokyo
      const today = tokyoDay(new Date(morning));
      // 03:30 Tokyo is still yesterday (the day starts at 04:00), when everything due was done.
      now = new Date(morning - 5.5 * HOUR);
      const early: Queue = await unwrap(client.GET('/api/drills/due'));
      expect(early.day < today).toBe(true);
      expect(early.dueCount).toBe(0);

      now = new Date(morning);
      const queue: Queue = await unwrap(client.GET('/api/drills/due'));
      expect(queue.day).toBe(today);
      const expectedDue = [...dueDay].filter(([, day]) => day === today).map(([id]) => id).sort();
      const dueIds = queue.cards.filter((c) => c.state !== 'new').map((c) => c.questionId);
      expect([...dueIds].sort()).toEqual(expectedDue);
      expect(queue.dueCount).toBe(expectedDue.length);
      // Earliest due first.
      const dues = queue.cards.filter((c) => c.state !== 'new').map((c) => c.due);
      expect(dues).toEqual([...dues].sort());
      // New cards within the limit: three on the first day, the fourth the next day.
      expect(queue.newCount).toBe(d === 0 ? 3 : d === 1 ? 1 : 0);
      for (const card of queue.cards) {
        const predicted = card.intervals.good;
        const result = await unwrap(
          review(client, { reviewId: randomUUID(), questionId: card.questionId, response: rightAnswer(keys.get(card.questionId)!), durationMs: 3_000 }),
        );
        reviews += 1;
        expect(result.rating).toBe('good');
        // The preview shown with the card is what the review did.
        expect(result.nextDue).toBe(predicted.due);
        expect(result.scheduledDays).toBe(predicted.days);
        expect(result.scheduledDays).toBeGreaterThanOrEqual(1);
        const next = tokyoDay(result.nextDue);
        // A day-scale due keeps the local time of the review, `scheduledDays` local days later.
        expect(new Date(result.nextDue).getTime() - morning).toBe(result.scheduledDays * DAY);
        expect(next > today).toBe(true);
        dueDay.set(card.questionId, next);
      }
      // Late in the same local day (02:00 the next calendar day in Tokyo) nothing more is due.
      now = new Date(morning + 17 * HOUR);
      expect((await unwrap(client.GET('/api/drills/due'))).cards).toEqual([]);
    }
    expect(reviews).toBeGreaterThan(ids.length * 2);
    expect(dueDay.size).toBe(ids.length);

    now = new Date(start + 29 * DAY + HOUR);
    const stats = await unwrap(client.GET('/api/drills/stats'));
    expect(stats.day).toBe(tokyoDay(now));
    expect(stats.reviewsPerDay).toHaveLength(30);
    expect(stats.reviewsPerDay[0]!.day).toBe('2026-04-01');
    expect(stats.reviewsPerDay.reduce((sum, d) => sum + d.count, 0)).toBe(reviews);
    expect(stats.reviewsPerDay.every((d) => d.again === 0)).toBe(true);
    expect(stats.retention.trueRetention).toBe(1);
    expect(stats.retention.desiredRetention).toBe(0.9);
    expect(stats.retention.reviews).toBe(reviews - ids.length);
    expect(stats.forecast).toHaveLength(30);
    // Each card on its scheduled day; those due beyond the 30-day window are not in it.
    const expected = new Map<string, number>();
    for (const day of dueDay.values()) expected.set(day, (expected.get(day) ?? 0) + 1);
    for (const slot of stats.forecast) expect(slot.count).toBe(expected.get(slot.day) ?? 0);
    expect(stats.forecast[0]!.day).toBe(stats.day);
    expect(stats.byTopic).toEqual([{ topic: 'memory-model', cards: ids.length, reviews: reviews - ids.length, trueRetention: 1 }]);
  });

  it('should add the missed items of a submitted attempt', async () => {
    now = new Date();
    const attempt = await unwrap(
      client.POST('/api/attempts', { body: { mode: 'quick', topics: ['channels'], difficulty: { min: 1, max: 5 }, count: 3, timeLimitMinutes: 10 } }),
    );
    const first = attempt.items[0]!;
    const { key } = await keyOf(t, first.questionId);
    await unwrap(
      client.PUT('/api/attempts/{id}/items/{position}/answer', { params: { path: { id: attempt.id, position: 1 } }, body: { response: rightAnswer(key) } }),
    );
    const early = await client.POST('/api/drills/deck', { body: { attemptId: attempt.id, onlyMissed: true } });
    expect(early.response.status).toBe(409);
    await unwrap(client.POST('/api/attempts/{id}/submit', { params: { path: { id: attempt.id } } }));
    const rows = await t.sql<{ question_id: string; status: string }>(
      `SELECT v.question_id, an.status FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id
         JOIN answers an ON an.attempt_id = i.attempt_id AND an.position = i.position WHERE i.attempt_id = $1`,
      [attempt.id],
    );
    const missed = rows.filter((r) => r.status !== 'correct').map((r) => r.question_id);
    expect(missed.length).toBeGreaterThan(0);
    const added = await unwrap(client.POST('/api/drills/deck', { body: { attemptId: attempt.id, onlyMissed: true } }));
    expect(added.added).toBe(missed.length);
    const cards = await t.sql<{ question_id: string; source: string }>(`SELECT question_id, source FROM srs_cards WHERE source = 'attempt'`);
    expect(cards.map((c) => c.question_id).sort()).toEqual([...missed].sort());
    const stranger = await learner(t, 'stranger@example.com');
    const theirs = await stranger.POST('/api/drills/deck', { body: { attemptId: attempt.id, onlyMissed: true } });
    expect(theirs.response.status).toBe(404);
  });

  it('should add the questions a role template level draws from', async () => {
    const added = await unwrap(client.POST('/api/drills/deck', { body: { template: 'sre', level: 'junior' } }));
    expect(added.added + added.skipped).toBeGreaterThan(0);
    const unknown = await client.POST('/api/drills/deck', { body: { template: 'no-such-template', level: 'junior' } });
    expect(unknown.response.status).toBe(404);
    expect(errorCode(unknown)).toBe('TEMPLATE_NOT_FOUND');
  });
});

describe('drills: one "due today" on the drills page, its statistics and the dashboard', () => {
  let t: TestApp;
  let client: ApiClient;
  let now: Date;

  beforeAll(async () => {
    t = await createTestApp();
    now = new Date('2026-05-04T03:00:00.000Z');
    jest.spyOn(t.app.get(DrillsClock), 'now').mockImplementation(() => new Date(now));
    client = await learner(t, 'due-today@example.com');
  });
  afterAll(() => t.close());

  it('should give the queue\'s due count as the statistics\' due today, with a step ending later today and a retired question', async () => {
    await unwrap(client.PUT('/api/drills/settings', { body: { timezone: 'UTC', learningSteps: ['1m', '2h'] } }));
    const ids = (await autoGraded(t, 'channels')).slice(0, 3);
    await unwrap(client.POST('/api/drills/deck', { body: { questionIds: ids } }));
    const [wrong, right, retired] = ids as [string, string, string];
    // Again -> the 1-minute step; Good -> the 2-hour step (still today); both learning cards.
    await unwrap(review(client, { reviewId: randomUUID(), questionId: wrong, response: wrongAnswer((await keyOf(t, wrong)).key), durationMs: 3_000 }));
    await unwrap(review(client, { reviewId: randomUUID(), questionId: right, response: rightAnswer((await keyOf(t, right)).key), durationMs: 3_000 }));
    await unwrap(review(client, { reviewId: randomUUID(), questionId: retired, response: wrongAnswer((await keyOf(t, retired)).key), durationMs: 3_000 }));
    await t.sql(`UPDATE questions SET retired_at = now() WHERE id = $1`, [retired]);

    for (const minutes of [5, 119, 121]) {
      now = new Date(Date.parse('2026-05-04T03:00:00.000Z') + minutes * 60_000);
      const queue = await unwrap(client.GET('/api/drills/due'));
      const stats = await unwrap(client.GET('/api/drills/stats'));
      const shown = queue.cards.filter((c) => c.state !== 'new').map((c) => c.questionId);
      expect(queue.dueCount).toBe(shown.length);
      expect(stats.dueToday).toBe(queue.dueCount);
      expect(shown).not.toContain(retired);
      expect(shown.includes(right)).toBe(minutes >= 120);
    }
  });
});
