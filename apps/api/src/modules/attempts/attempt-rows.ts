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

/** The SQL condition (on alias `a`) that restricts to this owner's attempts, with its parameter. */
export function ownerCondition(owner: AttemptOwner, param: number): { sql: string; value: string } {
  return owner.kind === 'learner'
    ? { sql: `a.user_id = $${param}`, value: owner.userId }
    : { sql: `a.invite_id = $${param}`, value: owner.inviteId };
}

export const ATTEMPT_COLUMNS = `a.id, a.user_id, a.invite_id, a.set_version_id, a.mode, a.config, a.seed, a.state, a.started_at, a.deadline_at, a.submitted_at,
  a.finished_at, a.overdue_policy, a.submit_grace_seconds, a.review_policy, a.score, a.max_score, a.result, a.content_locale,
  (SELECT count(*)::int FROM attempt_items i WHERE i.attempt_id = a.id) AS item_count`;

/** An attempt's items (`i`) with their question version (`v`) and saved answer (`an`, all null when unanswered). */
export const ITEMS_WITH_ANSWERS = `attempt_items i
  JOIN question_versions v ON v.id = i.question_version_id
  LEFT JOIN answers an ON an.attempt_id = i.attempt_id AND an.position = i.position`;

export function clockOf(row: AttemptRow): AttemptClock {
  return {
    state: row.state,
    startedAt: row.started_at,
    deadlineAt: row.deadline_at,
    overduePolicy: row.overdue_policy,
    submitGraceMs: row.submit_grace_seconds * 1000,
  };
}
