import type { AttemptState } from './timing';

/**
 * What a learner or candidate may see after an attempt (Moodle's review options, simplified):
 * - `full`: score, per-item correctness, the key, the explanation and references;
 * - `correctness`: the score and whether each item was right, never a key;
 * - `score`: the score and breakdowns only;
 * - `none`: nothing beyond "submitted".
 * Nothing at all before the attempt is submitted.
 */
export const REVIEW_POLICIES = ['none', 'score', 'correctness', 'full'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

export interface ReviewAccess {
  score: boolean;
  /** Per-item right/wrong/partial (and points earned), without the key. */
  correctness: boolean;
  keys: boolean;
}

export function reviewAccess(policy: ReviewPolicy, state: AttemptState): ReviewAccess {
  if (state !== 'submitted') return { score: false, correctness: false, keys: false };
  switch (policy) {
    case 'full':
      return { score: true, correctness: true, keys: true };
    case 'correctness':
      return { score: true, correctness: true, keys: false };
    case 'score':
      return { score: true, correctness: false, keys: false };
    case 'none':
      return { score: false, correctness: false, keys: false };
  }
}
