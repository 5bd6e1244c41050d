import type { AttemptClock, AttemptResult, AttemptState, OverduePolicy, ReviewPolicy } from '@goprep/domain';

/** Columns of `attempts` as raw queries return them (snake_case, numeric/bigint as strings). */
export interface AttemptRow {
  id: string;
  user_id: string;
  mode: 'quick' | 'mock' | 'set';
  config: AttemptConfig;
  seed: string;
  state: AttemptState;
  started_at: Date;
  deadline_at: Date;
  submitted_at: Date | null;
  finished_at: Date | null;
  overdue_policy: OverduePolicy;
  submit_grace_seconds: number;
  review_policy: ReviewPolicy;
  score: string | null;
  max_score: string | null;
  result: AttemptResult | null;
  item_count: number;
}

/** What an attempt was started with, stored as is (the seed and this reproduce the draw). */
export interface AttemptConfig {
  title: string;
  timeLimitSeconds: number;
  shuffleOptions: boolean;
  quick?: { topics: string[]; difficulty: { min: number; max: number }; count: number };
  mock?: { template: string; level: string };
}

export const ATTEMPT_COLUMNS = `a.id, a.user_id, a.mode, a.config, a.seed, a.state, a.started_at, a.deadline_at, a.submitted_at,
  a.finished_at, a.overdue_policy, a.submit_grace_seconds, a.review_policy, a.score, a.max_score, a.result,
  (SELECT count(*)::int FROM attempt_items i WHERE i.attempt_id = a.id) AS item_count`;

export function clockOf(row: AttemptRow): AttemptClock {
  return {
    state: row.state,
    startedAt: row.started_at,
    deadlineAt: row.deadline_at,
    overduePolicy: row.overdue_policy,
    submitGraceMs: row.submit_grace_seconds * 1000,
  };
}
