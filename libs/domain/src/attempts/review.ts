import type { AttemptState } from './timing';

/**
 * What a learner or candidate may see after an attempt (Moodle's review options, simplified):
 * - `full`: score, per-item correctness, the key, the explanation and references;
 * - `score-only`: the score and breakdowns, never a key;
 * - `none`: nothing beyond "submitted".
 * Nothing at all before the attempt is submitted.
 */
export const REVIEW_POLICIES = ['full', 'score-only', 'none'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

export interface ReviewAccess {
  score: boolean;
  keys: boolean;
}

export function reviewAccess(policy: ReviewPolicy, state: AttemptState): ReviewAccess {
  if (state !== 'submitted') return { score: false, keys: false };
  switch (policy) {
    case 'full':
      return { score: true, keys: true };
    case 'score-only':
      return { score: true, keys: false };
    case 'none':
      return { score: false, keys: false };
  }
}
