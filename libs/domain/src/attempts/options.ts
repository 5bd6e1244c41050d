import { toSeed } from '../sets/prng';
import { shuffleWithSeed } from '../sets/shuffle';

/**
 * A per-item seed from the attempt's seed and the item position (golden ratio step, so neighbouring
 * positions get unrelated sequences). Part of the stored data like the seed itself.
 */
export function itemSeed(attemptSeed: number, position: number): number {
  if (!Number.isInteger(position) || position < 0) throw new RangeError(`position must be a non-negative integer, got ${position}`);
  return (toSeed(attemptSeed) + Math.imul(position + 1, 0x9e3779b9)) >>> 0;
}

/**
 * The order an attempt shows a question's options in: the author's order, or a permutation fixed
 * by the attempt's seed and the item's position, so a refresh shows the same order.
 */
export function optionOrder(optionIds: readonly string[], attemptSeed: number, position: number, shuffle: boolean): string[] {
  if (new Set(optionIds).size !== optionIds.length) throw new RangeError('option ids must be unique');
  return shuffle ? shuffleWithSeed(optionIds, itemSeed(attemptSeed, position)) : [...optionIds];
}

/**
 * Puts options in a stored order. Options missing from the order (there should be none: versions
 * are immutable) go last in their own order, so nothing ever disappears from a question.
 */
export function applyOptionOrder<T extends { id: string }>(options: readonly T[], order: readonly string[] | null | undefined): T[] {
  if (!order) return [...options];
  const rank = new Map(order.map((id, i) => [id, i]));
  const known = options.filter((o) => rank.has(o.id)).sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  return [...known, ...options.filter((o) => !rank.has(o.id))];
}
