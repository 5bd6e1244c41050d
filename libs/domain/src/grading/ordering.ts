import type { AnswerKey } from './answer-key';
import type { OrderingResponse } from './response';
import { fromScore, INCORRECT, UNANSWERED, type GradeResult } from './result';

/**
 * The positions (indexes into `placed`) of the longest subset of items that the learner put in
 * the key's relative order, not necessarily next to each other. Ties go to the subset found first
 * reading from the left (the earliest possible positions), which is the subset the review marks
 * as correct. Items the key does not know are skipped; an item placed twice counts at its first
 * place only. O(n²) with n at most RESPONSE_LIMITS.orderItems, so a few thousand steps.
 */
export function longestOrderedSubset(order: readonly string[], placed: readonly string[]): number[] {
  const rank = new Map<string, number>();
  order.forEach((id, index) => {
    if (!rank.has(id)) rank.set(id, index);
  });
  const seen = new Set<string>();
  const positions: number[] = [];
  const ranks: number[] = [];
  placed.forEach((id, index) => {
    const r = rank.get(id);
    if (r === undefined || seen.has(id)) return;
    seen.add(id);
    positions.push(index);
    ranks.push(r);
  });
  // length[i]: the longest ordered run ending at i; previous[i]: its predecessor. Scanning j from
  // the left and replacing only on a strictly longer run keeps the leftmost subset on ties.
  const length = ranks.map(() => 1);
  const previous = ranks.map(() => -1);
  let bestEnd = -1;
  for (let i = 0; i < ranks.length; i += 1) {
    for (let j = 0; j < i; j += 1) {
      if ((ranks[j] as number) < (ranks[i] as number) && (length[j] as number) + 1 > (length[i] as number)) {
        length[i] = (length[j] as number) + 1;
        previous[i] = j;
      }
    }
    if (bestEnd < 0 || (length[i] as number) > (length[bestEnd] as number)) bestEnd = i;
  }
  const subset: number[] = [];
  for (let at = bestEnd; at >= 0; at = previous[at] as number) subset.unshift(positions[at] as number);
  return subset;
}

/**
 * Moodle's "longest ordered subset" grading of its ordering question: the score is the number of
 * items in the longest subset placed in the key's relative order (gaps allowed) divided by the
 * number of items in the key. A subset needs at least two items, so a single item "in order" on
 * its own earns nothing. A response that leaves out items or adds unknown ones is graded the same
 * way (missing items simply are not in the subset), so it can never beat the full order.
 */
export function gradeOrdering(key: Extract<AnswerKey, { type: 'ordering' }>, response: OrderingResponse): GradeResult {
  if (response.order.length === 0) return UNANSWERED;
  const total = new Set(key.order).size;
  if (total < 2) return INCORRECT;
  const subset = longestOrderedSubset(key.order, response.order).length;
  if (subset < 2) return INCORRECT;
  return fromScore(Math.min(1, subset / total));
}
