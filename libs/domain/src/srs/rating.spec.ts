import { ratingSource, suggestRating } from './rating';

describe('suggestRating', () => {
  const fast = { durationMs: 20_000, expectedSeconds: 60 };

  it('should suggest Again for a wrong answer', () => {
    expect(suggestRating({ correct: false, guessed: false, ...fast })).toBe('again');
  });

  it('should suggest Again for a correct answer the learner says was a guess', () => {
    expect(suggestRating({ correct: true, guessed: true, ...fast })).toBe('again');
  });

  it('should suggest Again for a wrong and slow answer, not Hard', () => {
    expect(suggestRating({ correct: false, guessed: false, durationMs: 500_000, expectedSeconds: 60 })).toBe('again');
  });

  it('should suggest Good for a correct answer in the expected time', () => {
    expect(suggestRating({ correct: true, guessed: false, ...fast })).toBe('good');
  });

  it('should still suggest Good at exactly twice the expected time', () => {
    expect(suggestRating({ correct: true, guessed: false, durationMs: 120_000, expectedSeconds: 60 })).toBe('good');
  });

  it('should suggest Hard one millisecond past twice the expected time', () => {
    expect(suggestRating({ correct: true, guessed: false, durationMs: 120_001, expectedSeconds: 60 })).toBe('hard');
  });

  it('should suggest Good however slow when the question has no expected time', () => {
    expect(suggestRating({ correct: true, guessed: false, durationMs: 3_600_000, expectedSeconds: null })).toBe('good');
    expect(suggestRating({ correct: true, guessed: false, durationMs: 3_600_000 })).toBe('good');
  });

  it('should never suggest Easy, even for an instant correct answer', () => {
    expect(suggestRating({ correct: true, guessed: false, durationMs: 0, expectedSeconds: 60 })).toBe('good');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('should refuse a duration of %p ms', (durationMs) => {
    expect(() => suggestRating({ correct: true, guessed: false, durationMs, expectedSeconds: 60 })).toThrow(RangeError);
  });

  it.each([0, -5, Number.NaN])('should refuse an expected time of %p s', (expectedSeconds) => {
    expect(() => suggestRating({ correct: true, guessed: false, durationMs: 1000, expectedSeconds })).toThrow(RangeError);
  });
});

describe('ratingSource', () => {
  const outcome = { correct: true, guessed: false, expectedSeconds: 60 };

  it('should call an accepted suggestion auto', () => {
    expect(ratingSource({ rating: 'good', durationMs: 30_000, outcome })).toEqual({ suggested: 'good', source: 'auto' });
  });

  it('should call a different choice overridden, Easy included', () => {
    expect(ratingSource({ rating: 'easy', durationMs: 30_000, outcome })).toEqual({ suggested: 'good', source: 'overridden' });
    expect(ratingSource({ rating: 'good', durationMs: 30_000, outcome: { ...outcome, guessed: true } })).toEqual({ suggested: 'again', source: 'overridden' });
  });

  it('should call a rating without auto-grading self', () => {
    expect(ratingSource({ rating: 'hard', durationMs: 30_000, outcome: null })).toEqual({ suggested: null, source: 'self' });
  });

  it('should refuse an unknown rating', () => {
    expect(() => ratingSource({ rating: 'perfect' as 'good', durationMs: 1, outcome: null })).toThrow(RangeError);
  });
});
