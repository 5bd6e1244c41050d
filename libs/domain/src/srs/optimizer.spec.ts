import { DAY_MS } from './local-day';
import {
  buildTrainingItems,
  decideSwitch,
  hasEnoughForFit,
  longTermItemCount,
  optimizationDue,
  OPTIMIZER_MIN_ITEMS,
  OPTIMIZER_MIN_REVIEWS,
  timeSplitTestStart,
  type OptimizerReviewInput,
} from './optimizer';
import { DEFAULT_FSRS_WEIGHTS } from './scheduler';
import { reviewStreak } from './streak';

function review(cardKey: string, iso: string, localDay: string, rating: OptimizerReviewInput['rating'], newCard = false): OptimizerReviewInput {
  return { cardKey, reviewedAt: new Date(iso), localDay, rating, newCard };
}

describe('buildTrainingItems', () => {
  it('should give one item per review after the first, each holding the history up to it', () => {
    const items = buildTrainingItems([
      review('q1', '2026-11-01T01:00:00Z', '2026-11-01', 'good', true),
      review('q1', '2026-11-01T01:10:00Z', '2026-11-01', 'good'),
      review('q1', '2026-11-04T02:00:00Z', '2026-11-04', 'again'),
      review('q1', '2026-11-05T02:00:00Z', '2026-11-05', 'hard'),
    ]);
    expect(items.map((i) => i.reviews)).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
      ],
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 3 },
      ],
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 3 },
        { rating: 2, deltaT: 1 },
      ],
    ]);
  });

  it('should count delta_t in the learner-local days stored with each review, not UTC days', () => {
    // A Tokyo learner: 23:30 UTC on the 1st is the morning of the 2nd locally; 14:00 UTC on the 2nd is still the 2nd.
    const items = buildTrainingItems([
      review('q1', '2026-11-01T23:30:00Z', '2026-11-02', 'good', true),
      review('q1', '2026-11-02T14:00:00Z', '2026-11-02', 'good'),
      review('q1', '2026-11-03T00:30:00Z', '2026-11-03', 'easy'),
    ]);
    expect(items.map((i) => i.reviews.map((r) => r.deltaT))).toEqual([
      [0, 0],
      [0, 0, 1],
    ]);
  });

  it('should order the input by time within a card and the items by their last review across cards', () => {
    const items = buildTrainingItems([
      review('q2', '2026-11-03T00:00:00Z', '2026-11-03', 'good'),
      review('q1', '2026-11-02T00:00:00Z', '2026-11-02', 'good'),
      review('q2', '2026-11-01T00:00:00Z', '2026-11-01', 'good', true),
      review('q1', '2026-11-01T06:00:00Z', '2026-11-01', 'again', true),
    ]);
    expect(items.map((i) => [i.cardKey, i.at.toISOString()])).toEqual([
      ['q1', '2026-11-02T00:00:00.000Z'],
      ['q2', '2026-11-03T00:00:00.000Z'],
    ]);
    expect(items[0]?.reviews).toEqual([
      { rating: 1, deltaT: 0 },
      { rating: 3, deltaT: 1 },
    ]);
  });

  it('should start a fresh history when a card was removed and added again (its review starts from new)', () => {
    const items = buildTrainingItems([
      review('q1', '2026-11-01T00:00:00Z', '2026-11-01', 'good', true),
      review('q1', '2026-11-03T00:00:00Z', '2026-11-03', 'good'),
      review('q1', '2026-11-10T00:00:00Z', '2026-11-10', 'again', true),
      review('q1', '2026-11-12T00:00:00Z', '2026-11-12', 'good'),
    ]);
    expect(items.map((i) => i.reviews)).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 2 },
      ],
      [
        { rating: 1, deltaT: 0 },
        { rating: 3, deltaT: 2 },
      ],
    ]);
  });

  it('should refuse an unknown rating and a bad local day', () => {
    expect(() => buildTrainingItems([{ ...review('q', '2026-11-01T00:00:00Z', '2026-11-01', 'good'), rating: 'meh' as 'good' }])).toThrow(RangeError);
    expect(() => buildTrainingItems([review('q', '2026-11-01T00:00:00Z', '1 Nov', 'good')])).toThrow(RangeError);
  });
});

describe('optimizer floor', () => {
  const manyCards = (cards: number, sameDay: boolean) =>
    buildTrainingItems(
      Array.from({ length: cards }, (_, i) => [
        review(`q${i}`, '2026-11-01T00:00:00Z', '2026-11-01', 'good', true),
        review(`q${i}`, sameDay ? '2026-11-01T00:10:00Z' : '2026-11-03T00:00:00Z', sameDay ? '2026-11-01' : '2026-11-03', 'good'),
      ]).flat(),
    );

  it('should count only items whose last review is on a later day (the ones the optimizer trains on)', () => {
    expect(longTermItemCount(manyCards(10, true))).toBe(0);
    expect(longTermItemCount(manyCards(10, false))).toBe(10);
  });

  it('should keep the defaults below the floor and fit from it on', () => {
    expect(hasEnoughForFit(manyCards(OPTIMIZER_MIN_ITEMS - 1, false))).toBe(false);
    expect(hasEnoughForFit(manyCards(OPTIMIZER_MIN_ITEMS, false))).toBe(true);
    expect(hasEnoughForFit(manyCards(OPTIMIZER_MIN_ITEMS * 3, true))).toBe(false);
  });

  it('should score the current parameters on the items the time-split tests (all but the first sixth)', () => {
    expect(timeSplitTestStart(600)).toBe(100);
    expect(timeSplitTestStart(5)).toBe(0);
    expect(() => timeSplitTestStart(-1)).toThrow(RangeError);
  });
});

describe('optimizationDue', () => {
  const now = new Date('2026-11-21T08:00:00Z');
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY_MS);

  it('should not fit a learner with too few reviews', () => {
    expect(optimizationDue(now, OPTIMIZER_MIN_REVIEWS - 1, null)).toBeNull();
  });

  it('should fit a learner for the first time once they have enough reviews', () => {
    expect(optimizationDue(now, OPTIMIZER_MIN_REVIEWS, null)).toBe('first');
  });

  it('should refit when the review count has doubled since the last fit, however recent', () => {
    expect(optimizationDue(now, 400, { evaluatedAt: daysAgo(1), reviewCount: 200 })).toBe('doubled');
    expect(optimizationDue(now, 399, { evaluatedAt: daysAgo(1), reviewCount: 200 })).toBeNull();
  });

  it('should refit monthly only when there are new reviews', () => {
    expect(optimizationDue(now, 250, { evaluatedAt: daysAgo(30), reviewCount: 200 })).toBe('monthly');
    expect(optimizationDue(now, 250, { evaluatedAt: daysAgo(29), reviewCount: 200 })).toBeNull();
    expect(optimizationDue(now, 200, { evaluatedAt: daysAgo(90), reviewCount: 200 })).toBeNull();
  });
});

describe('decideSwitch', () => {
  const fitted = [...DEFAULT_FSRS_WEIGHTS].map((w) => w * 1.1);

  it('should switch only when the fitted parameters have the lower time-split log loss', () => {
    expect(decideSwitch(fitted, { logLoss: 0.31, rmseBins: 0.05 }, { logLoss: 0.35, rmseBins: 0.04 })).toEqual({ switch: true, reason: 'fitted-better' });
    expect(decideSwitch(fitted, { logLoss: 0.36, rmseBins: 0.01 }, { logLoss: 0.35, rmseBins: 0.09 })).toEqual({ switch: false, reason: 'current-better' });
  });

  it('should keep the current parameters on a tie', () => {
    expect(decideSwitch(fitted, { logLoss: 0.35, rmseBins: 0.05 }, { logLoss: 0.35, rmseBins: 0.05 })).toEqual({ switch: false, reason: 'tie' });
  });

  it('should never switch to an unusable fit', () => {
    expect(decideSwitch(fitted.slice(0, 19), { logLoss: 0.1, rmseBins: 0 }, { logLoss: 0.5, rmseBins: 0 })).toEqual({ switch: false, reason: 'invalid-fit' });
    expect(decideSwitch([...fitted.slice(0, 20), Number.NaN], { logLoss: 0.1, rmseBins: 0 }, { logLoss: 0.5, rmseBins: 0 }).switch).toBe(false);
    expect(decideSwitch(fitted, { logLoss: Number.NaN, rmseBins: 0 }, { logLoss: 0.5, rmseBins: 0 }).switch).toBe(false);
  });
});

describe('reviewStreak', () => {
  it('should count consecutive local days with reviews ending today', () => {
    expect(reviewStreak([100, 99, 98, 96], 100)).toBe(3);
  });

  it('should keep yesterday\'s streak alive on a day without reviews yet', () => {
    expect(reviewStreak([99, 98], 100)).toBe(2);
  });

  it('should be zero after a missed day', () => {
    expect(reviewStreak([98, 97], 100)).toBe(0);
    expect(reviewStreak([], 100)).toBe(0);
  });
});
