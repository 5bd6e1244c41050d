import { Injectable } from '@nestjs/common';
import type { AnswerKey, AttemptResult, AttemptState, IntegrityEventType, QuestionResponse } from '@goprep/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContentLocale } from '../../common/i18n/content-locale';
import type { ReviewItemRow } from '../attempts/attempt.mappers';
import { TRANSLATION_COLUMNS, TRANSLATION_REVIEW_COLUMNS, translationJoin } from '../questions/translated-text';
import { statsContribution, type StatsAttemptRow, type StatsItemRow } from './item-stats-contribution';

type Db = EntityManager | DataSource;

/** The attempt a report is about, with its invite. */
export interface ReportAttemptRow {
  id: string;
  invite_id: string;
  state: AttemptState;
  content_locale: ContentLocale;
  started_at: Date;
  deadline_at: Date;
  submitted_at: Date | null;
  finished_at: Date | null;
  score: string | null;
  max_score: string | null;
  result: AttemptResult | null;
  title: string;
  name: string;
  email: string;
  set_id: string;
  version: number;
}

/** A report item: the reviewed item with its manual grade, if any. */
export interface ReportItemRow extends ReviewItemRow {
  mg_score: string | null;
  mg_comment: string | null;
  mg_by: string | null;
  mg_at: Date | null;
}

export interface SignalEvent {
  type: IntegrityEventType;
  at: Date;
  position: number | null;
  chars: number | null;
  durationMs: number;
}

export interface SignalCountsRow {
  attempt_id: string;
  paste: number;
  blur: number;
  hidden: number;
}

export interface CompareCellRow {
  attempt_id: string;
  question_id: string;
  title: string;
  topic_id: string;
  status: string | null;
  score: string | null;
  points: string;
}

export interface StatisticsSourceRow {
  attempt_id: string;
  total: string;
  max_total: string;
  position: number;
  version_id: string;
  score: string | null;
  points: string;
  pending: boolean;
}

/** The running sums of one set version, numbers as float8 (the sums themselves are exact numeric). */
export interface StatisticsSumsRows {
  cells: Array<{ question_version_id: string; slot: number; points: number; n: number; sum_score: number; sum_rest: number; sum_score_rest: number }>;
  values: Array<{ question_version_id: string; slot: number; points: number; kind: 'score' | 'rest'; value: number; count: number }>;
  totals: Array<{ pending: boolean; total: number; max_total: number; count: number }>;
  breakdown: Array<{ question_version_id: string; kind: string; key: string; count: number }>;
}

/**
 * Replaces the attempt's contribution to its set version's running sums with what its grades say
 * now, in the grading transaction (submit, a manual grade, a judge's verdict): the stored old
 * contribution is subtracted and the new one added by item_stats_replace. A function, not a method,
 * for the same reason as retotalAttempt: the attempts and judge modules call it on their transaction.
 */
export async function refreshItemStatistics(tx: EntityManager, attemptId: string): Promise<void> {
  const [attempt] = (await tx.query(
    `SELECT set_version_id, state, beyond_allowance, score::text AS score, max_score::text AS max_score FROM attempts WHERE id = $1`,
    [attemptId],
  )) as StatsAttemptRow[];
  if (!attempt?.set_version_id) return;
  const items = (await tx.query(
    `SELECT i.position, i.question_version_id, i.points::text AS points, an.score::text AS score, an.status, v.answer_key, an.response
       FROM ${REPORTED_ITEMS} WHERE i.attempt_id = $1 ORDER BY i.position`,
    [attemptId],
  )) as StatsItemRow[];
  const contribution = statsContribution(attempt, items);
  await tx.query(`SELECT item_stats_replace($1, $2, $3::jsonb)`, [attemptId, attempt.set_version_id, contribution === null ? null : JSON.stringify(contribution)]);
}

/** The SQL of results, reports, manual grades and item-statistics snapshots. */
/**
 * A submitted attempt's items (`i`), their question versions (`v`) and answers (`an`): the report,
 * grading and comparison read the attempts module's tables in joins (writes go through it).
 */
const REPORTED_ITEMS = `attempt_items i
  JOIN question_versions v ON v.id = i.question_version_id
  LEFT JOIN answers an ON an.attempt_id = i.attempt_id AND an.position = i.position`;

/** What a report shows of each item (the review's columns: the key is selected beside it). */
const REPORT_ITEM_COLUMNS = `i.position, i.option_order, i.points, v.question_id, v.version, v.title, v.topic_id, v.type, v.difficulty,
  v.prompt, v.code, v.options, v.unit, v.expected_seconds, an.response, an.flagged, an.time_spent_ms, an.revision, an.saved_at`;

@Injectable()
export class ResultsRepository {
  constructor(private readonly db: DataSource) {}

  get ready(): boolean {
    return this.db.isInitialized;
  }

  get manager(): EntityManager {
    return this.db.manager;
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** An attempt of this organization's candidates, or null. */
  async reportAttempt(orgId: string, attemptId: string): Promise<ReportAttemptRow | null> {
    const [row] = (await this.db.query(
      `SELECT a.id, a.invite_id, a.state, a.started_at, a.deadline_at, a.submitted_at, a.finished_at, a.score, a.max_score, a.result,
              a.content_locale, a.config->>'title' AS title, ci.name, ci.email, ci.set_id, sv.version
         FROM attempts a
         JOIN candidate_invites ci ON ci.id = a.invite_id
         JOIN question_set_versions sv ON sv.id = a.set_version_id
        WHERE a.id = $1 AND ci.org_id = $2`,
      [attemptId, orgId],
    )) as ReportAttemptRow[];
    return row ?? null;
  }

  /** Every item of the attempt with key, answer, translation in `locale` and manual grade. */
  reportItems(attemptId: string, locale: ContentLocale): Promise<ReportItemRow[]> {
    return this.db.query(
      `SELECT ${REPORT_ITEM_COLUMNS}, v.answer_key, v.explanation, v."references", an.score, an.status, ${TRANSLATION_COLUMNS}, ${TRANSLATION_REVIEW_COLUMNS},
              mg.score AS mg_score, mg.comment AS mg_comment, u.display_name AS mg_by, mg.graded_at AS mg_at
         FROM ${REPORTED_ITEMS}
         ${translationJoin('$2')}
         LEFT JOIN manual_grades mg ON mg.attempt_id = i.attempt_id AND mg.position = i.position
         LEFT JOIN users u ON u.id = mg.graded_by
        WHERE i.attempt_id = $1 ORDER BY i.position`,
      [attemptId, locale],
    );
  }

  /** The attempt's integrity signals in the order they happened. */
  async signalEvents(attemptId: string): Promise<SignalEvent[]> {
    const rows: Array<{ kind: IntegrityEventType; occurred_at: Date; position: number | null; chars: number | null; duration_ms: number }> =
      await this.db.query(`SELECT kind, occurred_at, position, chars, duration_ms FROM attempt_signals WHERE attempt_id = $1 ORDER BY occurred_at, id`, [
        attemptId,
      ]);
    return rows.map((r) => ({ type: r.kind, at: r.occurred_at, position: r.position, chars: r.chars, durationMs: r.duration_ms }));
  }

  /** Locks the attempt row (FOR UPDATE) and reads what grading checks. */
  async lockAttempt(tx: EntityManager, attemptId: string): Promise<{ state: AttemptState; started_at: Date; finished_at: Date | null } | null> {
    const [attempt] = (await tx.query(`SELECT state, started_at, finished_at FROM attempts WHERE id = $1 FOR UPDATE`, [attemptId])) as Array<{
      state: AttemptState;
      started_at: Date;
      finished_at: Date | null;
    }>;
    return attempt ?? null;
  }

  async gradedItem(tx: EntityManager, attemptId: string, position: number): Promise<{ type: string; points: string; score: string | null } | null> {
    const [item] = (await tx.query(
      `SELECT v.type, i.points, an.score FROM ${REPORTED_ITEMS}
        WHERE i.attempt_id = $1 AND i.position = $2`,
      [attemptId, position],
    )) as Array<{ type: string; points: string; score: string | null }>;
    return item ?? null;
  }

  async setAnswerScore(tx: EntityManager, attemptId: string, position: number, score: number, status: string): Promise<void> {
    await tx.query(`UPDATE answers SET score = $3, status = $4 WHERE attempt_id = $1 AND position = $2`, [attemptId, position, score, status]);
  }

  async upsertManualGrade(
    tx: EntityManager,
    grade: { attemptId: string; position: number; score: number; comment: string; gradedBy: string; gradedAt: Date },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO manual_grades (attempt_id, position, score, comment, graded_by, graded_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (attempt_id, position) DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, graded_by = EXCLUDED.graded_by, graded_at = EXCLUDED.graded_at`,
      [grade.attemptId, grade.position, grade.score, grade.comment, grade.gradedBy, grade.gradedAt],
    );
  }

  signalCounts(attemptIds: readonly string[]): Promise<SignalCountsRow[]> {
    return this.db.query(
      `SELECT attempt_id, count(*) FILTER (WHERE kind = 'paste')::int AS paste, count(*) FILTER (WHERE kind = 'blur')::int AS blur,
              count(*) FILTER (WHERE kind = 'hidden')::int AS hidden
         FROM attempt_signals WHERE attempt_id = ANY($1::uuid[]) GROUP BY attempt_id`,
      [attemptIds],
    );
  }

  /** The per-topic breakdown of these attempts' results (the rows of one results page). */
  resultTopics(attemptIds: readonly string[]): Promise<Array<{ id: string; by_topic: AttemptResult['byTopic'] | null }>> {
    return this.db.query(`SELECT id, result -> 'byTopic' AS by_topic FROM attempts WHERE id = ANY($1::uuid[])`, [attemptIds]);
  }

  compareCells(attemptIds: readonly string[]): Promise<CompareCellRow[]> {
    return this.db.query(
      `SELECT i.attempt_id, v.question_id, v.title, v.topic_id, an.status, an.score, i.points
         FROM ${REPORTED_ITEMS}
        WHERE i.attempt_id = ANY($1::uuid[]) ORDER BY i.position`,
      [attemptIds],
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Item statistics: running sums (migration 1764803000000) and the direct computation they replace

  /** Everything the figures of one set version are computed from: sums and histograms, never attempts. */
  async statisticsSums(db: Db, versionId: string): Promise<StatisticsSumsRows> {
    const [cells, values, totals, breakdown] = await Promise.all([
      db.query(
        `SELECT question_version_id, slot, points::float8 AS points, n, sum_score::float8 AS sum_score, sum_rest::float8 AS sum_rest, sum_score_rest::float8 AS sum_score_rest
           FROM item_stat_cells WHERE set_version_id = $1 AND n > 0`,
        [versionId],
      ) as Promise<StatisticsSumsRows['cells']>,
      db.query(
        `SELECT question_version_id, slot, points::float8 AS points, kind, value::float8 AS value, count
           FROM item_stat_values WHERE set_version_id = $1 AND count > 0`,
        [versionId],
      ) as Promise<StatisticsSumsRows['values']>,
      db.query(`SELECT pending, total::float8 AS total, max_total::float8 AS max_total, count FROM set_version_stat_totals WHERE set_version_id = $1 AND count > 0`, [
        versionId,
      ]) as Promise<StatisticsSumsRows['totals']>,
      db.query(`SELECT question_version_id, kind, key, count FROM item_stat_breakdown WHERE set_version_id = $1 AND count > 0`, [versionId]) as Promise<
        StatisticsSumsRows['breakdown']
      >,
    ]);
    return { cells, values, totals, breakdown };
  }

  /** Each item of each submitted, counted attempt of the version, with whether the attempt awaits grading. */
  statisticsSource(db: Db, versionId: string): Promise<StatisticsSourceRow[]> {
    return db.query(
      `SELECT a.id AS attempt_id, a.score AS total, a.max_score AS max_total, i.position, i.question_version_id AS version_id, an.score, i.points,
              EXISTS (SELECT 1 FROM answers p WHERE p.attempt_id = a.id AND p.status = 'pending') AS pending
         FROM attempts a JOIN attempt_items i ON i.attempt_id = a.id
         LEFT JOIN answers an ON an.attempt_id = i.attempt_id AND an.position = i.position
        WHERE a.set_version_id = $1 AND a.state = 'submitted' AND NOT a.beyond_allowance
        ORDER BY a.id, i.position`,
      [versionId],
    );
  }

  /** The answers with a breakdown (choice, matching, ordering) of the counted, fully graded attempts: the direct computation's input. */
  statisticsResponses(db: Db, versionId: string): Promise<Array<{ version_id: string; answer_key: AnswerKey; response: QuestionResponse | null }>> {
    return db.query(
      `SELECT i.question_version_id AS version_id, v.answer_key, an.response
         FROM attempts a JOIN attempt_items i ON i.attempt_id = a.id JOIN question_versions v ON v.id = i.question_version_id
         LEFT JOIN answers an ON an.attempt_id = i.attempt_id AND an.position = i.position
        WHERE a.set_version_id = $1 AND a.state = 'submitted' AND NOT a.beyond_allowance AND v.type IN ('single', 'multi', 'matching', 'ordering')
          AND NOT EXISTS (SELECT 1 FROM answers p WHERE p.attempt_id = a.id AND p.status = 'pending')`,
      [versionId],
    );
  }

  /** What the statistics show of each question, with what its breakdown needs (managers see keys in reports too). */
  questionVersionFacts(
    db: Db,
    versionIds: readonly string[],
  ): Promise<Array<{ id: string; question_id: string; title: string; topic_id: string; type: string; options: Array<{ id: string; text: string }> | null; answer_key: AnswerKey }>> {
    return db.query(`SELECT id, question_id, title, topic_id, type, options, answer_key FROM question_versions WHERE id = ANY($1::uuid[])`, [versionIds]);
  }
}
