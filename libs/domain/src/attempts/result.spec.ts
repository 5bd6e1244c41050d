import { aggregateResult, itemPoints, type GradedItem } from './result';

const START = new Date('2026-11-21T10:00:00Z');
const item = (over: Partial<GradedItem>): GradedItem => ({ topic: 'channels', difficulty: 2, points: 1, score: 1, status: 'correct', ...over });

describe('aggregateResult', () => {
  it('should sum scores, count statuses and compute the percentage', () => {
    const result = aggregateResult(
      [item({}), item({ score: 0, status: 'incorrect' }), item({ score: 0.5, status: 'partial' }), item({ score: 0, status: 'unanswered' })],
      START,
      new Date('2026-11-21T10:07:30Z'),
    );
    expect(result).toMatchObject({ items: 4, score: 1.5, maxScore: 4, percent: 37.5, correct: 1, incorrect: 1, partial: 1, unanswered: 1, pending: 0 });
    expect(result.timeTakenSeconds).toBe(450);
  });

  it('should break the score down by topic (sorted by name) and by difficulty (ascending)', () => {
    const result = aggregateResult(
      [item({ topic: 'sync', difficulty: 3 }), item({ topic: 'channels', difficulty: 1, score: 0, status: 'incorrect' }), item({ topic: 'sync', difficulty: 1 })],
      START,
      START,
    );
    expect(result.byTopic.map((t) => [t.topic, t.score, t.maxScore, t.percent])).toEqual([
      ['channels', 0, 1, 0],
      ['sync', 2, 2, 100],
    ]);
    expect(result.byDifficulty.map((d) => [d.difficulty, d.score, d.maxScore])).toEqual([
      [1, 1, 2],
      [3, 1, 1],
    ]);
  });

  it('should leave pending essays out of the score and the maximum until a person grades them', () => {
    const result = aggregateResult([item({}), item({ score: null, status: 'pending' })], START, START);
    expect(result).toMatchObject({ score: 1, maxScore: 1, percent: 100, pending: 1, items: 2 });
  });

  it('should report a null percentage when nothing is scored yet', () => {
    expect(aggregateResult([item({ score: null, status: 'pending' })], START, START).percent).toBeNull();
    expect(aggregateResult([], START, START)).toMatchObject({ items: 0, score: 0, maxScore: 0, percent: null, byTopic: [], byDifficulty: [] });
  });

  it('should weigh items by their points', () => {
    const result = aggregateResult([item({ points: 2, score: 0.5, status: 'partial' }), item({ points: 1 })], START, START);
    expect(result).toMatchObject({ score: 2, maxScore: 3, percent: 66.7 });
  });

  it('should sum the per-item points as stored (4 decimals), so the total equals the sum of the stored answer scores', () => {
    const third = item({ score: 1 / 3, status: 'partial' });
    const result = aggregateResult([third, third, third], START, START);
    expect(result.score).toBe(0.9999);
    expect(itemPoints(third)).toBe(0.3333);
  });

  it('should never report a negative time taken', () => {
    expect(aggregateResult([], START, new Date(START.getTime() - 5000)).timeTakenSeconds).toBe(0);
  });
});
