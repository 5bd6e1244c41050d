import { REVIEW_POLICIES, reviewAccess } from './review';

describe('reviewAccess', () => {
  it.each(REVIEW_POLICIES)('should show nothing of a %s-policy attempt before submission', (policy) => {
    expect(reviewAccess(policy, 'in_progress')).toEqual({ score: false, correctness: false, keys: false });
    expect(reviewAccess(policy, 'abandoned')).toEqual({ score: false, correctness: false, keys: false });
  });

  it('should show score, correctness and keys after submission under the full policy', () => {
    expect(reviewAccess('full', 'submitted')).toEqual({ score: true, correctness: true, keys: true });
  });

  it('should show the score and per-item correctness but never a key under correctness', () => {
    expect(reviewAccess('correctness', 'submitted')).toEqual({ score: true, correctness: true, keys: false });
  });

  it('should show only the score under score', () => {
    expect(reviewAccess('score', 'submitted')).toEqual({ score: true, correctness: false, keys: false });
  });

  it('should show nothing under the none policy even after submission', () => {
    expect(reviewAccess('none', 'submitted')).toEqual({ score: false, correctness: false, keys: false });
  });

  it('should order the policies from least to most shown', () => {
    const shown = REVIEW_POLICIES.map((p) => Object.values(reviewAccess(p, 'submitted')).filter(Boolean).length);
    expect(shown).toEqual([0, 1, 2, 3]);
  });
});
