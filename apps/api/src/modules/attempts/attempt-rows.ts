import type { ContentLocale } from '../../common/i18n/content-locale';
import type { AttemptClock, AttemptResult, AttemptState, OverduePolicy, ReviewPolicy } from '@goprep/domain';

/** Columns of `attempts` as raw queries return them (snake_case, numeric/bigint as strings). */
export interface AttemptRow {
  id: string;
  /** The learner's attempt; null for a candidate's (then invite_id is set). */
  user_id: string | null;
  invite_id: string | null;
  set_version_id: string | null;
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
  /** The language the attempt was started in (a candidate's is the set's, or their choice). */
  content_locale: ContentLocale;
}

/** What an attempt was started with, stored as is (the seed and this reproduce the draw). */
export interface AttemptConfig {
  title: string;
  timeLimitSeconds: number;
  shuffleOptions: boolean;
  quick?: { topics: string[]; difficulty: { min: number; max: number }; count: number };
  mock?: { template: string; level: string };
  set?: { setId: string; versionId: string; version: number };
}

/**
 * Whose attempt it is: a logged-in learner's (quizzes), or the candidate of an invite (hiring;
 * no account). Every read and write of an attempt goes through this check.
 */
export type AttemptOwner = { kind: 'learner'; userId: string } | { kind: 'candidate'; inviteId: string };

export function clockOf(row: AttemptRow): AttemptClock {
  return {
    state: row.state,
    startedAt: row.started_at,
    deadlineAt: row.deadline_at,
    overduePolicy: row.overdue_policy,
    submitGraceMs: row.submit_grace_seconds * 1000,
  };
}
