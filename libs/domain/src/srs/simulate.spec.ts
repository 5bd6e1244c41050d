import { buildTrainingItems, longTermItemCount } from './optimizer';
import { DEFAULT_FSRS_WEIGHTS } from './scheduler';
import { simulateLearner } from './simulate';

const forgetful = DEFAULT_FSRS_WEIGHTS.map((w, i) => (i < 4 ? w * 0.1 : i === 8 ? w * 0.5 : w));
const base = { trueWeights: forgetful, cards: 20, days: 40, firstDay: '2026-01-05', settings: { timezone: 'Asia/Tokyo' } };

describe('simulateLearner', () => {
  it('should give the same history for the same seed and another for another seed', () => {
    const a = simulateLearner({ ...base, seed: 1 });
    const b = simulateLearner({ ...base, seed: 1 });
    const c = simulateLearner({ ...base, seed: 2 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('should forget more often when the true memory is weaker than the scheduler assumes', () => {
    const againShare = (weights: readonly number[]) => {
      const reviews = simulateLearner({ ...base, trueWeights: weights, cards: 40, seed: 3 }).filter((r) => !r.newCard);
      return reviews.filter((r) => r.rating === 'again').length / reviews.length;
    };
    expect(againShare(forgetful)).toBeGreaterThan(againShare(DEFAULT_FSRS_WEIGHTS) + 0.05);
  });

  it('should produce a day-scale history the optimizer can train on', () => {
    const reviews = simulateLearner({ ...base, seed: 4 });
    expect(reviews.filter((r) => r.newCard)).toHaveLength(20);
    const items = buildTrainingItems(reviews);
    expect(items).toHaveLength(reviews.length - 20);
    expect(longTermItemCount(items)).toBe(items.length);
  });
});
