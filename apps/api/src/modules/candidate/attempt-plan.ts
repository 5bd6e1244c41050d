import type { SetItem } from '../question-sets/set-items';

export interface PlannedItem {
  versionId: string;
  optionIds: readonly string[] | null;
  points: number;
}

/**
 * The items of a candidate's attempt in the set's order: each fixed item where the author put it,
 * each pool's drawn questions in its place (with the pool's points each). Every attempt of a
 * version thus has the same positions, which the item statistics rely on (slots).
 */
export function planItems(
  items: readonly SetItem[],
  optionsOf: (versionId: string) => readonly string[] | null,
  drawn: ReadonlyArray<ReadonlyArray<{ versionId: string; optionIds: readonly string[] | null }>>,
): PlannedItem[] {
  let pool = 0;
  return items.flatMap((item): PlannedItem[] => {
    if (item.kind === 'fixed') return [{ versionId: item.versionId, optionIds: optionsOf(item.versionId), points: item.points }];
    const questions = drawn[pool++] ?? [];
    if (questions.length !== item.count) throw new RangeError(`pool ${pool - 1} drew ${questions.length} of ${item.count}`);
    return questions.map((q) => ({ versionId: q.versionId, optionIds: q.optionIds, points: item.points }));
  });
}
