/**
 * Moving one entry of an ordered list, for drag and drop and for the keyboard. Pure: returns a new
 * array, or the same array when the move changes nothing (so callers can skip a save). `to` is the index the entry has
 * afterwards, so dropping on the entry at index i means moveItem(list, from, i) in both directions.
 */
export function moveItem<T>(list: readonly T[], from: number, to: number): readonly T[] {
  if (from < 0 || from >= list.length) return list;
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (target === from) return list;
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/** Moves the entry at `index` by `delta` places (negative = towards the top), clamped to the list. */
export function moveBy<T>(list: readonly T[], index: number, delta: number): readonly T[] {
  return moveItem(list, index, index + delta);
}

