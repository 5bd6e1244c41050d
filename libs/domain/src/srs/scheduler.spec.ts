import { isLeechLapse, newSrsCard, unsuspendCard, type SrsCard } from './card';
import { DAY_MS, HOUR_MS, localDay, localDayNumber, utcOffsetMs } from './local-day';
import type { ReviewAnswer, SrsRating } from './rating';
import {
  DEFAULT_FSRS_WEIGHTS,
  elapsedLocalDays,
  intervalLabel,
  isDue,
  previewIntervals,
  retrievability,
  scheduleReview,
  undoReview,
  type SrsReviewLog,
} from './scheduler';
import { resolveSrsSettings, type SrsSettings } from './settings';
import { fsrs, Rating, State } from './ts-fsrs';

const at = (iso: string): Date => new Date(iso);
const self = (rating: SrsRating): ReviewAnswer => ({ rating, durationMs: 8_000, outcome: null });
const utc = resolveSrsSettings({ timezone: 'UTC', dayStartHour: 0 });
const tokyo = resolveSrsSettings({ timezone: 'Asia/Tokyo' });
const newYork = resolveSrsSettings({ timezone: 'America/New_York' });
const berlin = resolveSrsSettings({ timezone: 'Europe/Berlin' });

/** A card in review, last seen `lastReview`, due `scheduledDays` later. */
function reviewCard(lastReview: Date, over: Partial<SrsCard> = {}): SrsCard {
  const scheduledDays = over.scheduledDays ?? 10;
  return {
    id: 'card-1',
    state: 'review',
    due: new Date(lastReview.getTime() + scheduledDays * DAY_MS),
    stability: 10,
    difficulty: 5,
    scheduledDays,
    learningSteps: 0,
    reps: 5,
    lapses: 0,
    lastReview,
    suspended: false,
    leech: false,
    ...over,
  };
}

/** Local wall clock "HH:MM" of an instant. */
const wallTime = (instant: Date, settings: SrsSettings): string => new Date(instant.getTime() + utcOffsetMs(instant, settings.timezone)).toISOString().slice(11, 16);

function review(card: SrsCard, rating: SrsRating, now: Date, settings: SrsSettings): { card: SrsCard; log: SrsReviewLog } {
  return scheduleReview(card, self(rating), now, settings);
}

describe('scheduleReview: learner-local days', () => {
  it('should count 0 days between a Tokyo learner reviewing at 08:00 and 10:00 local on the same day', () => {
    const eight = at('2026-11-20T23:00:00Z'); // 08:00 JST, 21 November
    const ten = at('2026-11-21T01:00:00Z'); // 10:00 JST, same local day, next UTC date
    const first = review(newSrsCard('card-1', eight), 'hard', eight, tokyo);
    const second = review(first.card, 'good', ten, tokyo);
    expect(second.log.elapsedDays).toBe(0);
    expect(second.log.localDay).toBe('2026-11-21');

    // The same two reviews two hours apart within one UTC day: the memory state must match.
    const sameUtcDay = review(review(newSrsCard('card-1', at('2026-11-21T08:00:00Z')), 'hard', at('2026-11-21T08:00:00Z'), utc).card, 'good', at('2026-11-21T10:00:00Z'), utc);
    expect(second.card.stability).toBe(sameUtcDay.card.stability);
    expect(second.card.difficulty).toBe(sameUtcDay.card.difficulty);

    // Unshifted, ts-fsrs would see two UTC dates: one elapsed day and another stability.
    const raw = fsrs({ enable_fuzz: true });
    const rawFirst = raw.next({ ...raw.next(freshFsrsCard(eight), eight, Rating.Hard).card }, ten, Rating.Good);
    expect(rawFirst.log.elapsed_days).toBe(1);
    expect(rawFirst.card.stability).not.toBe(second.card.stability);
  });

  it('should count one local day from 08:00 to 10:00 next day in Tokyo, where UTC dates are two apart', () => {
    const last = at('2026-11-19T23:00:00Z'); // 08:00 JST, 20 November
    const now = at('2026-11-21T01:00:00Z'); // 10:00 JST, 21 November
    const { log } = review(reviewCard(last), 'good', now, tokyo);
    expect(log.elapsedDays).toBe(1);
    expect(log.retrievability).toBeCloseTo(fsrs().forgetting_curve(1, 10), 10);
  });

  it('should count a review at 03:30 local as the same learner day as 23:00 the evening before', () => {
    const last = at('2026-11-20T22:00:00Z'); // 23:00 CET, 20 November
    expect(review(reviewCard(last), 'good', at('2026-11-21T02:30:00Z'), berlin).log.elapsedDays).toBe(0); // 03:30
    expect(review(reviewCard(last), 'good', at('2026-11-21T03:00:00Z'), berlin).log.elapsedDays).toBe(1); // 04:00
  });

  it('should schedule a day-scale due the given number of local days on, at the same local time', () => {
    const now = at('2026-11-21T01:00:00Z'); // 10:00 JST
    const { card } = review(reviewCard(at('2026-11-11T01:00:00Z')), 'good', now, tokyo);
    expect(card.scheduledDays).toBeGreaterThan(1);
    expect(localDayNumber(card.due, tokyo) - localDayNumber(now, tokyo)).toBe(card.scheduledDays);
    expect(wallTime(card.due, tokyo)).toBe('10:00');
  });

  it('should refuse a review dated before the last one', () => {
    const last = at('2026-11-21T10:00:00Z');
    expect(() => review(reviewCard(last), 'good', at('2026-11-21T09:59:59Z'), utc)).toThrow(RangeError);
  });

  it('should refuse invalid settings', () => {
    expect(() => review(newSrsCard('c', at('2026-01-01T00:00:00Z')), 'good', at('2026-01-01T00:00:00Z'), { ...utc, desiredRetention: 0.99 })).toThrow(RangeError);
  });
});

function freshFsrsCard(now: Date) {
  return { due: now, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: State.New };
}

describe('scheduleReview: DST changes', () => {
  it.each([
    ['America/New_York in March (23-hour day)', newYork, '2026-03-08T01:00:00Z', '20:00', -1],
    ['America/New_York in November (25-hour day)', newYork, '2026-11-01T00:00:00Z', '20:00', 1],
    ['Europe/Berlin in March', berlin, '2026-03-28T19:00:00Z', '20:00', -1],
    ['Europe/Berlin in October', berlin, '2026-10-24T18:00:00Z', '20:00', 1],
  ])('should keep every button\'s day-scale due at the same local time and local day count across %s', (_name, settings, iso, wall, hourShift) => {
    const now = at(iso);
    expect(wallTime(now, settings)).toBe(wall);
    const card = reviewCard(new Date(now.getTime() - 3 * DAY_MS), { stability: 3, scheduledDays: 3 });
    const preview = previewIntervals(card, now, settings);
    for (const rating of ['hard', 'good', 'easy'] as const) {
      const { due, scheduledDays } = preview[rating];
      expect(localDayNumber(due, settings) - localDayNumber(now, settings)).toBe(scheduledDays);
      expect(wallTime(due, settings)).toBe(wall);
      // The change happened in between, so the real length is an hour off whole days.
      expect(due.getTime() - now.getTime()).toBe(scheduledDays * DAY_MS + hourShift * HOUR_MS);
    }
  });

  it('should count elapsed days by local day across the March change in New York', () => {
    const last = at('2026-03-07T13:00:00Z'); // 08:00 EST, 7 March
    const now = at('2026-03-08T11:00:00Z'); // 07:00 EDT, 8 March: 22 real hours later
    expect(elapsedLocalDays(reviewCard(last), now, newYork)).toBe(1);
  });

  it('should keep a 10-minute learning step 10 real minutes across the skipped hour (01:55 EST -> 03:05 EDT)', () => {
    const now = at('2026-03-08T06:55:00Z'); // 01:55 EST
    const first = review(newSrsCard('card-1', now), 'again', now, newYork); // 1 minute step
    const { card } = review(first.card, 'good', first.card.due, newYork);
    expect(card.state).toBe('learning');
    expect(card.due.getTime() - first.card.due.getTime()).toBe(10 * 60_000);
    expect(wallTime(card.due, newYork)).toBe('03:06');
  });

  it('should keep a 10-minute learning step 10 real minutes across the repeated hour', () => {
    const now = at('2026-11-01T05:55:00Z'); // 01:55 EDT, the first 01:55
    const { card } = review(newSrsCard('card-1', now), 'good', now, newYork);
    expect(card.due.toISOString()).toBe('2026-11-01T06:05:00.000Z'); // 01:05 EST
  });
});

describe('scheduleReview: seeded fuzz', () => {
  const last = at('2026-10-01T09:00:00Z');
  const now = at('2026-10-31T09:00:00Z');
  const longCard = (id: string): SrsCard => reviewCard(last, { id, stability: 30, scheduledDays: 30 });

  it('should give the same due date for the same card, rating and time', () => {
    const a = review(longCard('card-7'), 'good', now, utc);
    const b = review(longCard('card-7'), 'good', new Date(now), utc);
    expect(a.card.scheduledDays).toBeGreaterThan(3); // long enough for fuzz to apply
    expect(b.card).toEqual(a.card);
  });

  it('should give the same interval whatever the time of day of the review', () => {
    const morning = review(longCard('card-7'), 'good', at('2026-10-31T05:00:00Z'), utc);
    const evening = review(longCard('card-7'), 'good', at('2026-10-31T22:00:00Z'), utc);
    expect(evening.card.scheduledDays).toBe(morning.card.scheduledDays);
  });

  it('should let different card ids get different intervals, all within the fuzz range', () => {
    const days = Array.from({ length: 20 }, (_, i) => review(longCard(`card-${i}`), 'good', now, utc).card.scheduledDays);
    expect(new Set(days).size).toBeGreaterThan(1);
    const spread = Math.max(...days) - Math.min(...days);
    expect(spread).toBeLessThanOrEqual(Math.ceil(Math.max(...days) * 0.15) * 2);
  });

  it('should not collide ids and repetition counts the way plain concatenation would ("a1" at rep 12 vs "a11" at rep 2)', () => {
    // ts-fsrs's GenSeedStrategyWithCardId seeds both with "a112"; the memory states are identical.
    const a1 = review(reviewCard(last, { id: 'a1', reps: 11, stability: 60, scheduledDays: 30 }), 'good', now, utc).card;
    const a11 = review(reviewCard(last, { id: 'a11', reps: 1, stability: 60, scheduledDays: 30 }), 'good', now, utc).card;
    expect(a1.stability).toBe(a11.stability);
    expect(a1.scheduledDays).not.toBe(a11.scheduledDays);
  });

  it('should replay the same review history to exactly the same schedule', () => {
    const ratings: SrsRating[] = ['good', 'good', 'hard', 'good', 'again', 'good', 'easy', 'good'];
    const replay = (): SrsCard[] => {
      let card = newSrsCard('card-42', at('2026-01-05T08:00:00Z'));
      const cards: SrsCard[] = [];
      for (const rating of ratings) {
        card = review(card, rating, new Date(Math.max(card.due.getTime(), card.lastReview?.getTime() ?? 0) + 2 * HOUR_MS), berlin).card;
        cards.push(card);
      }
      return cards;
    };
    const first = replay();
    expect(replay()).toEqual(first);
    expect(first.at(-1)!.reps).toBe(ratings.length);
  });

  it('should schedule exactly what previewIntervals showed for each button', () => {
    const card = longCard('card-9');
    const preview = previewIntervals(card, now, utc);
    for (const rating of ['again', 'hard', 'good', 'easy'] as const) {
      const { card: next } = review(card, rating, now, utc);
      expect(next.due).toEqual(preview[rating].due);
      expect(next.scheduledDays).toBe(preview[rating].scheduledDays);
      expect(next.state).toBe(preview[rating].state);
    }
  });
});

describe('scheduleReview: settings and parameters', () => {
  const last = at('2026-10-01T09:00:00Z');
  const now = at('2026-10-21T09:00:00Z');
  const card = reviewCard(last, { stability: 20, scheduledDays: 20 });

  it('should schedule shorter intervals for a higher desired retention', () => {
    const high = review(card, 'good', now, { ...utc, desiredRetention: 0.97 }).card.scheduledDays;
    const normal = review(card, 'good', now, utc).card.scheduledDays;
    const low = review(card, 'good', now, { ...utc, desiredRetention: 0.7 }).card.scheduledDays;
    expect(high).toBeLessThan(normal);
    expect(normal).toBeLessThan(low);
  });

  it('should never schedule beyond the maximum interval', () => {
    const next = review(reviewCard(last, { stability: 400, scheduledDays: 300 }), 'easy', now, { ...utc, maximumIntervalDays: 10 }).card;
    expect(next.scheduledDays).toBeLessThanOrEqual(10);
  });

  it('should use a learner\'s fitted weights when given', () => {
    const weights = DEFAULT_FSRS_WEIGHTS.map((w, i) => (i < 4 ? w * 3 : w));
    const fresh = newSrsCard('card-1', now);
    const fitted = scheduleReview(fresh, self('easy'), now, utc, weights).card;
    const defaults = scheduleReview(fresh, self('easy'), now, utc).card;
    expect(fitted.stability).toBeGreaterThan(defaults.stability);
  });

  it.each([[[1, 2, 3]], [[...DEFAULT_FSRS_WEIGHTS.slice(0, 20), Number.NaN]]])('should refuse weights that are not 21 finite numbers', (weights) => {
    expect(() => scheduleReview(card, self('good'), now, utc, weights)).toThrow(RangeError);
  });

  it('should let FSRS schedule a new card in days when there are no learning steps', () => {
    const next = review(newSrsCard('card-1', now), 'good', now, { ...utc, learningSteps: [] }).card;
    expect(next.state).toBe('review');
    expect(next.scheduledDays).toBeGreaterThanOrEqual(1);
  });
});

describe('previewIntervals', () => {
  const now = at('2026-11-21T01:00:00Z');
  const learning = (step: number): SrsCard => ({ ...newSrsCard('card-1', now), state: 'learning', stability: 2.3, difficulty: 5, learningSteps: step, reps: step + 1, lastReview: new Date(now.getTime() - 20 * 60_000), due: now });
  const cards: [string, SrsCard][] = [
    ['a new card', newSrsCard('card-1', now)],
    ['a learning card at its first step', learning(0)],
    ['a learning card at its last step', learning(1)],
    ['a review card at its due day', reviewCard(new Date(now.getTime() - 10 * DAY_MS))],
    ['a review card long overdue', reviewCard(new Date(now.getTime() - 90 * DAY_MS))],
    ['a review card reviewed early the same day', reviewCard(new Date(now.getTime() - HOUR_MS))],
    ['a review card with high stability', reviewCard(new Date(now.getTime() - 200 * DAY_MS), { stability: 180, scheduledDays: 200 })],
    ['a relearning card', { ...reviewCard(new Date(now.getTime() - 15 * 60_000)), state: 'relearning', stability: 1.2, scheduledDays: 0, lapses: 1, due: now }],
  ];

  it.each(cards.flatMap(([name, card]) => [tokyo, newYork, berlin, utc].map((settings) => [name, settings.timezone, card, settings] as const)))(
    'should order the buttons Again <= Hard <= Good <= Easy for %s (%s)',
    (_name, _zone, card, settings) => {
      const p = previewIntervals(card, now, settings);
      expect(p.again.due.getTime()).toBeLessThanOrEqual(p.hard.due.getTime());
      expect(p.hard.due.getTime()).toBeLessThanOrEqual(p.good.due.getTime());
      expect(p.good.due.getTime()).toBeLessThanOrEqual(p.easy.due.getTime());
      expect(p.again.scheduledDays).toBeLessThanOrEqual(p.hard.scheduledDays);
      expect(p.hard.scheduledDays).toBeLessThanOrEqual(p.good.scheduledDays);
      expect(p.good.scheduledDays).toBeLessThanOrEqual(p.easy.scheduledDays);
    },
  );

  it('should show a new card\'s learning steps in minutes and Easy in days', () => {
    const p = previewIntervals(newSrsCard('card-1', now), now, utc);
    expect([p.again, p.hard, p.good].map((x) => intervalLabel(x, now))).toEqual(['1m', '6m', '10m']);
    expect(intervalLabel(p.easy, now)).toMatch(/^\d+d$/);
  });

  it.each([
    [{ scheduledDays: 0, due: new Date(now.getTime() + 90 * 60_000) }, '1.5h'],
    [{ scheduledDays: 0, due: new Date(now.getTime() + 10_000) }, '1m'],
    [{ scheduledDays: 30, due: now }, '30d'],
    [{ scheduledDays: 76, due: now }, '2.5mo'],
    [{ scheduledDays: 438, due: now }, '1.2y'],
  ])('should label %p as %p', (preview, label) => {
    expect(intervalLabel(preview, now)).toBe(label);
  });
});

describe('isDue', () => {
  const now = at('2026-11-20T23:00:00Z'); // 08:00 JST, 21 November

  it('should make a card due at 10:00 local due from the start of that local day (Tokyo, 08:00)', () => {
    const card = reviewCard(at('2026-11-18T01:00:00Z'), { due: at('2026-11-21T01:00:00Z'), scheduledDays: 3 });
    expect(isDue(card, now, tokyo)).toBe(true);
  });

  it('should count a due time of 02:00 the next calendar day as today, before the 4 am day start', () => {
    const card = reviewCard(at('2026-11-18T17:00:00Z'), { due: at('2026-11-21T17:00:00Z'), scheduledDays: 3 }); // 02:00 JST, 22 November
    expect(isDue(card, now, tokyo)).toBe(true);
    expect(isDue({ ...card, due: at('2026-11-21T19:00:00Z') }, now, tokyo)).toBe(false); // 04:00 JST, 22 November
  });

  it('should not make a card due tomorrow due at 03:59 local, and make it due at 04:00', () => {
    const card = reviewCard(at('2026-11-19T08:00:00Z'), { due: at('2026-11-22T08:00:00Z'), scheduledDays: 3 }); // 09:00 CET, 22 November
    expect(isDue(card, at('2026-11-22T02:59:00Z'), berlin)).toBe(false); // 03:59 CET
    expect(isDue(card, at('2026-11-22T03:00:00Z'), berlin)).toBe(true); // 04:00 CET
  });

  it('should make a learning step due at its exact time, not for the whole day', () => {
    const card: SrsCard = { ...newSrsCard('card-1', now), state: 'learning', stability: 2, difficulty: 5, reps: 1, lastReview: now, due: new Date(now.getTime() + 10 * 60_000) };
    expect(isDue(card, new Date(now.getTime() + 9 * 60_000), tokyo)).toBe(false);
    expect(isDue(card, new Date(now.getTime() + 10 * 60_000), tokyo)).toBe(true);
  });

  it('should never call new or suspended cards due', () => {
    expect(isDue(newSrsCard('card-1', now), now, tokyo)).toBe(false);
    expect(isDue(reviewCard(at('2026-01-01T00:00:00Z'), { suspended: true }), now, tokyo)).toBe(false);
  });

  it('should keep an overdue card due', () => {
    expect(isDue(reviewCard(at('2026-01-01T00:00:00Z')), now, tokyo)).toBe(true);
  });
});

describe('review log', () => {
  const now = at('2026-11-21T01:00:00Z');

  it('should hold the rating, its source, the raw correctness and time, the timezone and both states', () => {
    const card = reviewCard(at('2026-11-11T01:00:00Z'));
    const { card: after, log } = scheduleReview(card, { rating: 'easy', durationMs: 150_000, outcome: { correct: true, guessed: false, expectedSeconds: 60 } }, now, tokyo);
    expect(log).toMatchObject({
      cardId: 'card-1',
      reviewedAt: now,
      timezone: 'Asia/Tokyo',
      dayStartHour: 4,
      localDay: localDay(now, tokyo),
      rating: 'easy',
      source: 'overridden',
      suggestedRating: 'hard',
      correct: true,
      guessed: false,
      durationMs: 150_000,
      expectedSeconds: 60,
      elapsedDays: 10,
      desiredRetention: 0.9,
      leechTriggered: false,
    });
    expect(log.before).toEqual(card);
    expect(log.after).toEqual(after);
    expect(log.after).not.toBe(after); // the log is not changed by later edits of the card
  });

  it('should predict recall near the desired retention at the due day and null for a new card', () => {
    const card = reviewCard(at('2026-11-11T01:00:00Z'), { stability: 10, scheduledDays: 10 });
    const { log } = review(card, 'good', now, tokyo);
    expect(log.retrievability).toBeCloseTo(0.9, 2);
    expect(log.retrievability).toBe(retrievability(card, now, tokyo));
    expect(review(newSrsCard('card-2', now), 'good', now, tokyo).log.retrievability).toBeNull();
  });

  it('should record a self-rated review with no correctness', () => {
    const { log } = review(reviewCard(at('2026-11-11T01:00:00Z')), 'hard', now, tokyo);
    expect(log).toMatchObject({ source: 'self', suggestedRating: null, correct: null, guessed: null, expectedSeconds: null });
  });
});

describe('leeches', () => {
  const last = at('2026-11-01T09:00:00Z');
  const now = at('2026-11-11T09:00:00Z');

  it('should flag and suspend a card when its 8th lapse happens', () => {
    const { card, log } = review(reviewCard(last, { lapses: 7 }), 'again', now, utc);
    expect(card.lapses).toBe(8);
    expect(card.leech).toBe(true);
    expect(card.suspended).toBe(true);
    expect(log.leechTriggered).toBe(true);
  });

  it('should not flag a card at its 7th lapse', () => {
    const { card, log } = review(reviewCard(last, { lapses: 6 }), 'again', now, utc);
    expect(card.lapses).toBe(7);
    expect(card).toMatchObject({ leech: false, suspended: false });
    expect(log.leechTriggered).toBe(false);
  });

  it('should not count Again on a relearning card as another lapse', () => {
    const relearning = { ...reviewCard(last, { lapses: 7 }), state: 'relearning' as const, scheduledDays: 0, due: now };
    const { card } = review(relearning, 'again', now, utc);
    expect(card.lapses).toBe(7);
    expect(card.suspended).toBe(false);
  });

  it('should not flag a card with 7 lapses that is remembered', () => {
    expect(review(reviewCard(last, { lapses: 7 }), 'good', now, utc).card).toMatchObject({ lapses: 7, leech: false, suspended: false });
  });

  it('should refuse to review a suspended card until the learner unsuspends it', () => {
    const leech = review(reviewCard(last, { lapses: 7 }), 'again', now, utc).card;
    expect(() => review(leech, 'good', new Date(now.getTime() + HOUR_MS), utc)).toThrow(/suspended/);
    const back = unsuspendCard(leech);
    expect(back).toMatchObject({ suspended: false, leech: true });
    expect(review(back, 'good', new Date(leech.due.getTime() + HOUR_MS), utc).card.leech).toBe(true);
  });

  it.each([
    [7, false],
    [8, true],
    [9, false],
    [11, false],
    [12, true],
    [16, true],
  ])('should treat reaching %p lapses as leech-suspending: %p', (lapses, leech) => {
    expect(isLeechLapse(lapses)).toBe(leech);
  });
});

describe('undoReview', () => {
  const now = at('2026-11-21T01:00:00Z');

  it('should restore the exact previous state', () => {
    const before = reviewCard(at('2026-11-11T01:00:00Z'));
    const snapshot = structuredClone(before);
    const { card, log } = review(before, 'good', now, tokyo);
    const restored = undoReview(card, log);
    expect(restored).toEqual(snapshot);
    expect(restored).not.toBe(before);
    expect(restored.due).not.toBe(log.before.due); // undoing twice from one log yields independent cards
  });

  it('should take back a leech suspension with the lapse that caused it', () => {
    const { card, log } = review(reviewCard(at('2026-11-11T01:00:00Z'), { lapses: 7 }), 'again', now, tokyo);
    expect(undoReview(card, log)).toMatchObject({ lapses: 7, leech: false, suspended: false, state: 'review' });
  });

  it('should undo a new card back to new', () => {
    const fresh = newSrsCard('card-3', now);
    const { card, log } = review(fresh, 'good', now, tokyo);
    expect(undoReview(card, log)).toEqual(fresh);
  });

  it('should undo reviews one by one, latest first', () => {
    const fresh = newSrsCard('card-3', now);
    const first = review(fresh, 'good', now, tokyo);
    const second = review(first.card, 'good', first.card.due, tokyo);
    expect(() => undoReview(second.card, first.log)).toThrow(RangeError);
    expect(undoReview(undoReview(second.card, second.log), first.log)).toEqual(fresh);
  });

  it('should refuse a log of another card or a card changed since', () => {
    const { card, log } = review(reviewCard(at('2026-11-11T01:00:00Z')), 'good', now, tokyo);
    expect(() => undoReview({ ...card, id: 'card-2' }, log)).toThrow(RangeError);
    expect(() => undoReview({ ...card, suspended: true }, log)).toThrow(RangeError);
  });
});
