import type { GradeStatus } from '../grading/result';

/** One graded item as the aggregation needs it. */
export interface GradedItem {
  topic: string;
  difficulty: number;
  /** Weight of the item (1 for every bank question today). */
  points: number;
  /** 0..1 from the grader; null = waiting for a person (essay) or never scored. */
  score: number | null;
  status: GradeStatus;
}

export interface ScoreTally {
  items: number;
  /** Points earned, rounded to 4 decimals. */
  score: number;
  /** Points available among the items already scored (pending ones are left out until graded). */
  maxScore: number;
  /** score / maxScore in percent, 1 decimal; null when nothing is scored yet. */
  percent: number | null;
  correct: number;
  partial: number;
  incorrect: number;
  unanswered: number;
  pending: number;
}

export interface TopicTally extends ScoreTally {
  topic: string;
}

export interface DifficultyTally extends ScoreTally {
  difficulty: number;
}

export interface AttemptResult extends ScoreTally {
  byTopic: TopicTally[];
  byDifficulty: DifficultyTally[];
  /** finishedAt - startedAt, in whole seconds. */
  timeTakenSeconds: number;
}

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

/** The points an item earned: its grade times its weight, 4 decimals (what `answers.score` holds). */
export function itemPoints(item: Pick<GradedItem, 'points' | 'score'>): number | null {
  return item.score === null ? null : round4(item.score * item.points);
}

function tally(items: readonly GradedItem[]): ScoreTally {
  const t: ScoreTally = { items: items.length, score: 0, maxScore: 0, percent: null, correct: 0, partial: 0, incorrect: 0, unanswered: 0, pending: 0 };
  let score = 0;
  let max = 0;
  for (const item of items) {
    t[item.status] += 1;
    const earned = itemPoints(item);
    if (earned === null) continue;
    score += earned;
    max += item.points;
  }
  t.score = round4(score);
  t.maxScore = round4(max);
  t.percent = max > 0 ? Math.round((score / max) * 1000) / 10 : null;
  return t;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Total score, per-topic and per-difficulty breakdowns, and the time taken. Topics are sorted by
 * name and difficulties ascending, so the same attempt always aggregates to the same JSON.
 */
export function aggregateResult(items: readonly GradedItem[], startedAt: Date, finishedAt: Date): AttemptResult {
  const topics = [...new Set(items.map((i) => i.topic))].sort(byName);
  const difficulties = [...new Set(items.map((i) => i.difficulty))].sort((a, b) => a - b);
  return {
    ...tally(items),
    byTopic: topics.map((topic) => ({ topic, ...tally(items.filter((i) => i.topic === topic)) })),
    byDifficulty: difficulties.map((difficulty) => ({ difficulty, ...tally(items.filter((i) => i.difficulty === difficulty)) })),
    timeTakenSeconds: Math.max(0, Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000)),
  };
}
