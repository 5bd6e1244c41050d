import { judgeReviewOutcome } from './judge-rating';
import { ratingSource, suggestRating } from './rating';

const rating = (verdict: string, durationMs = 60_000) => {
  const outcome = judgeReviewOutcome(verdict);
  return outcome ? suggestRating({ ...outcome, durationMs }) : undefined;
};

describe('judgeReviewOutcome: a code-task card rated from its judge verdict', () => {
  it('should suggest Good for a passed task', () => {
    expect(rating('passed')).toBe('good');
  });

  it('should keep Good for a pass however long the learner took', () => {
    expect(rating('passed', 3 * 3600_000)).toBe('good');
  });

  it.each(['failed', 'compile-error', 'rejected', 'time-limit', 'memory-limit', 'output-limit'])(
    'should suggest Again for %s',
    (verdict) => {
      expect(rating(verdict)).toBe('again');
    },
  );

  it('should give no outcome for an internal error of the judge, or an unknown verdict', () => {
    expect(judgeReviewOutcome('internal-error')).toBeUndefined();
    expect(judgeReviewOutcome('queued')).toBeUndefined();
  });

  it('should record an overriding learner as overridden, like other auto-graded cards', () => {
    const outcome = judgeReviewOutcome('failed')!;
    expect(ratingSource({ rating: 'hard', durationMs: 1000, outcome })).toEqual({
      suggested: 'again',
      source: 'overridden',
    });
    expect(ratingSource({ rating: 'again', durationMs: 1000, outcome })).toEqual({
      suggested: 'again',
      source: 'auto',
    });
  });
});
