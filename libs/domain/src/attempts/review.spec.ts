import { reviewAccess } from './review';

describe('reviewAccess', () => {
  it.each(['full', 'score-only', 'none'] as const)('should show nothing of a %s-policy attempt before submission', (policy) => {
    expect(reviewAccess(policy, 'in_progress')).toEqual({ score: false, keys: false });
    expect(reviewAccess(policy, 'abandoned')).toEqual({ score: false, keys: false });
  });

  it('should show score and keys after submission under the full policy', () => {
    expect(reviewAccess('full', 'submitted')).toEqual({ score: true, keys: true });
  });

  it('should show the score but never a key under score-only', () => {
    expect(reviewAccess('score-only', 'submitted')).toEqual({ score: true, keys: false });
  });

  it('should show nothing under the none policy even after submission', () => {
    expect(reviewAccess('none', 'submitted')).toEqual({ score: false, keys: false });
  });
});
