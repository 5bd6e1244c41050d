import { breakdownCells, type AnswerKey, type QuestionResponse } from '@goprep/domain';

/** An attempt as its item statistics see it. */
export interface StatsAttemptRow {
  set_version_id: string | null;
  state: string;
  beyond_allowance: boolean;
  score: string | null;
  max_score: string | null;
}

/** One item of that attempt: numbers as Postgres numeric text, so the sums stay exact. */
export interface StatsItemRow {
  position: number;
  question_version_id: string;
  points: string;
  score: string | null;
  status: string | null;
  answer_key: AnswerKey;
  response: QuestionResponse | null;
}

/**
 * What one attempt adds to its set version's running sums (the argument of the SQL function
 * item_stats_apply, migration 1764803000000): null when it does not count (not submitted, no set
 * version, beyond its invite's allowance); `pending` only while an item awaits grading (the
 * attempt is left out of the figures, as the direct computation does); else its total and each
 * item's score and breakdown cells. Scores stay numeric text: the database does the arithmetic.
 */
export interface StatsContribution {
  pending: boolean;
  total?: string;
  max?: string;
  items?: Array<{ q: string; slot: number; points: string; score: string }>;
  breakdown?: Array<{ q: string; kind: string; key: string }>;
}

export function statsContribution(attempt: StatsAttemptRow, items: readonly StatsItemRow[]): StatsContribution | null {
  if (!attempt.set_version_id || attempt.state !== 'submitted' || attempt.beyond_allowance) return null;
  if (items.some((i) => i.status === 'pending')) return { pending: true };
  return {
    pending: false,
    total: attempt.score ?? '0',
    max: attempt.max_score ?? '0',
    items: items.map((i) => ({ q: i.question_version_id, slot: i.position, points: i.points, score: i.score ?? '0' })),
    breakdown: items.flatMap((i) => breakdownCells(i.answer_key, i.response).map((c) => ({ q: i.question_version_id, kind: c.kind, key: c.key }))),
  };
}
