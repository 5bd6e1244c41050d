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

/** The option fields the structured types (ordering, matching) need to place their options. */
export interface PlacedOption {
  id: string;
  /** Matching only: a left-hand item or a right-hand choice. */
  side?: 'left' | 'right';
}

/**
 * The delivered order of an ordering or matching question's options, whatever the set's
 * `shuffleOptions` says (an unshuffled ordering question would show its key). Ordering: the items
 * shuffled by `seed` and never in their stored order, which is the key order (the bank and the
 * importers store items in key order); a shuffle that lands on it is rotated by one. Matching: the
 * left items in the author's order, then the right-hand choices shuffled the same way (stored in
 * first-use order, they would line up with the left items). Null for every other type.
 */
export function structuredOptionOrder(type: string, options: readonly PlacedOption[], seed: number): string[] | null {
  if (type === 'ordering') return neverStored(options.map((o) => o.id), seed);
  if (type === 'matching') {
    const left = options.filter((o) => o.side !== 'right').map((o) => o.id);
    const right = options.filter((o) => o.side === 'right').map((o) => o.id);
    return [...left, ...neverStored(right, seed)];
  }
  return null;
}

function neverStored(ids: readonly string[], seed: number): string[] {
  const shuffled = shuffleWithSeed(ids, toSeed(seed));
  if (ids.length < 2 || shuffled.some((id, i) => id !== ids[i])) return shuffled;
  return [...shuffled.slice(1), shuffled[0] as string];
}

/** A stable seed for deliveries outside an attempt (question page, drills): FNV-1a over the text. */
export function textSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A matching question's options split into left items and right-hand choices, each in the order given. */
export function splitMatchingOptions<T extends PlacedOption>(options: readonly T[]): { left: T[]; right: T[] } {
  return { left: options.filter((o) => o.side !== 'right'), right: options.filter((o) => o.side === 'right') };
}
