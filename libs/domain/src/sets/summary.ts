import type { PoolCandidate } from './pools';

/** What a drawn set looks like: the numbers a template author compares with the level's intent. */
export interface SetSummary {
  questions: number;
  /** Count per difficulty, keys in ascending order. */
  byDifficulty: Record<number, number>;
  /** Count per topic, largest first (ties by name), as [topic, count] pairs. */
  byTopic: [topic: string, count: number][];
  /** Count per type, largest first (ties by name). */
  byType: [type: string, count: number][];
  expectedSeconds: number;
}

function ranked(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
}

export function summarizeSet(items: readonly PoolCandidate[]): SetSummary {
  const byDifficulty: Record<number, number> = {};
  for (const difficulty of [...new Set(items.map((item) => item.difficulty))].sort((a, b) => a - b)) {
    byDifficulty[difficulty] = items.filter((item) => item.difficulty === difficulty).length;
  }
  return {
    questions: items.length,
    byDifficulty,
    byTopic: ranked(items.map((item) => item.topic)),
    byType: ranked(items.map((item) => item.type)),
    expectedSeconds: items.reduce((sum, item) => sum + item.expectedSeconds, 0),
  };
}
