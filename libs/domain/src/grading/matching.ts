import type { AnswerKey } from './answer-key';
import type { MatchingResponse } from './response';
import { fromScore, INCORRECT, UNANSWERED, type GradeResult } from './result';

/**
 * Matching, as Moodle grades it: each left-hand item (a "subquestion") earns 1/k of the score when
 * the right-hand choice picked for it is the one the key pairs with it, where k is the number of
 * left items in the key. A left item left blank or paired wrongly earns nothing and costs nothing;
 * picks for left ids the key does not have are ignored. Right-hand choices may be reused (several
 * left items can share the same answer) and may include distractors that match nothing.
 */
export function gradeMatching(key: Extract<AnswerKey, { type: 'matching' }>, response: MatchingResponse): GradeResult {
  const picks = Object.entries(response.pairs).filter(([, right]) => right !== '');
  if (picks.length === 0) return UNANSWERED;
  const expected = new Map(key.pairs.map((pair) => [pair.left, pair.right] as const));
  if (expected.size === 0) return INCORRECT;
  let right = 0;
  for (const [left, picked] of picks) {
    if (expected.get(left) === picked) right += 1;
  }
  return fromScore(right / expected.size);
}

/** Which left items were paired correctly, for the review. */
export function matchingVerdicts(
  key: Extract<AnswerKey, { type: 'matching' }>,
  response: MatchingResponse | undefined,
): Record<string, boolean> {
  const verdicts: Record<string, boolean> = {};
  for (const pair of key.pairs) verdicts[pair.left] = response?.pairs[pair.left] === pair.right;
  return verdicts;
}
