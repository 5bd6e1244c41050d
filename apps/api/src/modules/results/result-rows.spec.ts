import type { AttemptResult } from '@goprep/domain';
import { gradeStatus, topicsOf } from './result-rows';

const tally = { score: 0, maxScore: 0, percent: null, correct: 0, partial: 0, incorrect: 0, unanswered: 0, pending: 0 };

describe('gradeStatus', () => {
  it('should call full points correct, zero incorrect and anything between partial', () => {
    expect(gradeStatus(2, 2)).toBe('correct');
    expect(gradeStatus(0, 2)).toBe('incorrect');
    expect(gradeStatus(0.5, 2)).toBe('partial');
  });
});

describe('topicsOf', () => {
  it('should give no topics for an attempt without a result', () => {
    expect(topicsOf(null)).toEqual([]);
  });

  it("should keep each topic's item count and compute its percentage", () => {
    const result: AttemptResult = {
      ...tally,
      items: 5,
      score: 3,
      maxScore: 5,
      percent: 60,
      byTopic: [
        { ...tally, topic: 'channels', items: 3, score: 2, maxScore: 3 },
        { ...tally, topic: 'gc-tuning', items: 2, score: 1, maxScore: 2 },
      ],
      byDifficulty: [],
      timeTakenSeconds: 100,
    };
    const topics = topicsOf(result);
    expect(topics.map((t) => [t.topic, t.items, t.score, t.max])).toEqual([
      ['channels', 3, 2, 3],
      ['gc-tuning', 2, 1, 2],
    ]);
    expect(topics[0]!.percent).toBeCloseTo(66.67, 1);
    expect(topics[1]!.percent).toBe(50);
  });
});
