import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { aggregateResult, type AnswerKey, type AttemptResult, type GradeStatus, type PlacedOption, type QuestionResponse } from '@goprep/domain';
import type { ContentLocale } from '../../common/i18n/content-locale';
import { refreshItemStatistics } from '../results/results.repository';
import { GRADING_COLUMNS_SQL, gradingKey, type GradingColumns, TRANSLATION_COLUMNS, TRANSLATION_REVIEW_COLUMNS, translationJoin } from '../questions/translated-text';
import type { AttemptConfig, AttemptOwner, AttemptRow } from './attempt-rows';
import type { DeliveryItemRow, ReviewItemRow } from './attempt.mappers';

/** The connection or the transaction a statement runs on. */
export type Db = EntityManager | DataSource;

const ATTEMPT_COLUMNS = `a.id, a.user_id, a.invite_id, a.set_version_id, a.mode, a.config, a.seed, a.state, a.started_at, a.deadline_at, a.submitted_at,
  a.finished_at, a.overdue_policy, a.submit_grace_seconds, a.review_policy, a.score, a.max_score, a.result, a.content_locale,
  (SELECT count(*)::int FROM attempt_items i WHERE i.attempt_id = a.id) AS item_count`;

/** An attempt's items (`i`) with their question version (`v`) and saved answer (`an`, all null when unanswered). */
const ITEMS_WITH_ANSWERS = `attempt_items i
  JOIN question_versions v ON v.id = i.question_version_id
  LEFT JOIN answers an ON an.attempt_id = i.attempt_id AND an.position = i.position`;

/** An item's delivery columns (no key) with its saved answer, over ITEMS_WITH_ANSWERS. */
const ITEM_COLUMNS = `i.position, i.option_order, i.points, v.question_id, v.version, v.title, v.topic_id, v.type, v.difficulty,
  v.prompt, v.code, v.options, v.unit, v.expected_seconds,
  an.response, an.flagged, an.time_spent_ms, an.revision, an.saved_at`;

/** A code task's starter files and visible tests: picked field by field, so hidden tests and the solution stay server-side. */
const DELIVERED_TASK_COLUMN = `(SELECT jsonb_build_object('files', s.spec->'files', 'starter', s.starter, 'visibleTests', s.spec->'visibleTests')
    FROM judge_task_specs s WHERE s.question_version_id = i.question_version_id) AS task`;

/** The row lock a read of the attempt takes: none, shared (saves run side by side) or exclusive (submit, grading). */
export type AttemptLock = 'none' | 'share' | 'update';
const LOCKS: Record<AttemptLock, string> = { none: '', share: 'FOR SHARE OF a', update: 'FOR UPDATE OF a' };

/** The SQL condition (on alias `a`) that restricts to this owner's attempts, with its parameter. */
function ownerCondition(owner: AttemptOwner, param: number): { sql: string; value: string } {
  return owner.kind === 'learner'
    ? { sql: `a.user_id = $${param}`, value: owner.userId }
    : { sql: `a.invite_id = $${param}`, value: owner.inviteId };
}

/** A new attempt's row: everything decided (drawn, pinned, timed) before the insert. */
export interface NewAttempt {
  owner: AttemptOwner;
  mode: 'quick' | 'mock' | 'set';
  config: AttemptConfig;
  seed: number;
  startedAt: Date;
  deadlineAt: Date;
  overduePolicy: string;
  submitGraceSeconds: number;
  reviewPolicy: string;
  setVersionId: string | null;
  contentLocale: ContentLocale;
}

export interface NewAttemptItem {
  position: number;
  versionId: string;
  order: string[] | null;
  points: number;
}

export interface SavedAnswerRow {
  response: object | null;
  flagged: boolean;
  time_spent_ms: number;
  revision: number;
  saved_at: Date;
}

/** What a save reads before it writes (AttemptsRepository.saveContext). */
export interface SaveContextRow {
  state: AttemptRow['state'];
  deadline_at: Date;
  item_type: string | null;
}

/** An answer as a save wrote it. */
export interface WrittenAnswerRow {
  revision: number;
  saved_at: Date;
  flagged: boolean;
  time_spent_ms: number;
  answered: boolean;
}

export interface AnswerWrite {
  attemptId: string;
  position: number;
  response: object | null;
  flagged: boolean;
  timeSpentMs: number;
  savedAt: Date;
  ifRevision: number | null;
}

export interface OutcomeRow {
  position: number;
  question_id: string;
  title: string;
  topic_id: string;
  type: string;
  points: string;
  score: string | null;
  status: string | null;
}

/** An item with the key it is graded against (short answers accept the attempt language's too) and the saved response. */
export interface GradingRow {
  position: number;
  question_version_id: string;
  points: string;
  topic_id: string;
  difficulty: number;
  answer_key: AnswerKey;
  response: QuestionResponse | null;
}

/**
 * Recomputes a closed attempt's totals from its answers after one item's score changed (a manual
 * grade, a judge's verdict), inside the caller's transaction, and replaces the attempt's
 * contribution to its set version's item statistics (the old one subtracted, the new one added).
 * A function, not a method: the judge module applies verdicts without depending on the attempts
 * module (which depends on it), and the results module grades by hand on its own transaction.
 * Answers true when this change graded the attempt's last pending item (attempt.graded is due).
 */
export async function retotalAttempt(tx: EntityManager, attempt: { id: string; started_at: Date; finished_at: Date }): Promise<boolean> {
  const before: Array<{ pending: number }> = await tx.query(`SELECT COALESCE((result->>'pending')::int, 0) AS pending FROM attempts WHERE id = $1`, [attempt.id]);
  const rows: Array<{ points: string; topic_id: string; difficulty: number; score: string | null; status: GradeStatus | null }> = await tx.query(
    `SELECT i.points, v.topic_id, v.difficulty, an.score, an.status FROM ${ITEMS_WITH_ANSWERS}
      WHERE i.attempt_id = $1 ORDER BY i.position`,
    [attempt.id],
  );
  const result = aggregateResult(
    rows.map((r) => ({
      topic: r.topic_id,
      difficulty: r.difficulty,
      points: Number(r.points),
      score: r.score === null ? null : Number(r.score) / Number(r.points),
      status: r.status ?? 'unanswered',
    })),
    attempt.started_at,
    attempt.finished_at,
  );
  await tx.query(`UPDATE attempts SET score = $2, max_score = $3, result = $4 WHERE id = $1`, [attempt.id, result.score, result.maxScore, JSON.stringify(result)]);
  await refreshItemStatistics(tx, attempt.id);
  return (before[0]?.pending ?? 0) > 0 && result.pending === 0;
}

/**
 * Open attempts past deadline + grace (the attempt's own when its policy is a grace period), oldest
 * first, locked in the caller's transaction; `SKIP LOCKED` leaves attempts another instance, a save
 * or a submit holds. A function: the sweep runs it on the transaction it opens itself.
 */
export function lockOverdueAttempts(tx: EntityManager, now: Date, graceSeconds: number, limit: number): Promise<AttemptRow[]> {
  // The first condition uses the partial index; the second is the exact closesAt() rule.
  return tx.query(
    `SELECT ${ATTEMPT_COLUMNS} FROM attempts a
      WHERE a.state = 'in_progress'
        AND a.deadline_at < $1::timestamptz - make_interval(secs => $2)
        AND a.deadline_at + make_interval(secs => GREATEST($2, CASE WHEN a.overdue_policy = 'grace-period' THEN a.submit_grace_seconds ELSE 0 END)) < $1::timestamptz
      ORDER BY a.deadline_at
      LIMIT ${limit}
      FOR UPDATE OF a SKIP LOCKED`,
    [now, graceSeconds],
  );
}

/**
 * Every statement on attempts, their items and answers. Methods that must run in the caller's
 * transaction take it first; reads outside one default to the connection.
 */
@Injectable()
export class AttemptsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  get isReady(): boolean {
    return this.db.isInitialized;
  }

  /** The attempt when it is this owner's; `lock` holds its row until the transaction ends. */
  async attempt(owner: AttemptOwner, id: string, q: Db = this.db, lock: AttemptLock = 'none'): Promise<AttemptRow | undefined> {
    const cond = ownerCondition(owner, 2);
    const [row] = (await q.query(`SELECT ${ATTEMPT_COLUMNS} FROM attempts a WHERE a.id = $1 AND ${cond.sql} ${LOCKS[lock]}`, [id, cond.value])) as AttemptRow[];
    return row;
  }

  /** Inserts the attempt and its pinned items in the caller's transaction; returns its id. */
  async insert(tx: EntityManager, attempt: NewAttempt, items: readonly NewAttemptItem[]): Promise<string> {
    const [created] = (await tx.query(
      `INSERT INTO attempts (user_id, invite_id, set_version_id, mode, config, seed, state, started_at, deadline_at, overdue_policy, submit_grace_seconds, review_policy,
                             content_locale)
       VALUES ($1, $2, $3, $4, $5, $6, 'in_progress', $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        attempt.owner.kind === 'learner' ? attempt.owner.userId : null,
        attempt.owner.kind === 'candidate' ? attempt.owner.inviteId : null,
        attempt.setVersionId,
        attempt.mode,
        JSON.stringify(attempt.config),
        attempt.seed,
        attempt.startedAt,
        attempt.deadlineAt,
        attempt.overduePolicy,
        attempt.submitGraceSeconds,
        attempt.reviewPolicy,
        attempt.contentLocale,
      ],
    )) as Array<{ id: string }>;
    if (!created) throw new Error('INSERT ... RETURNING gave no row');
    const attemptId = created.id;
    // JSON rather than text[] parameters: option ids are author-chosen strings.
    await tx.query(
      `INSERT INTO attempt_items (attempt_id, position, question_version_id, option_order, points)
       SELECT $1, (e->>'position')::int, (e->>'versionId')::uuid,
              CASE WHEN jsonb_typeof(e->'order') = 'array' THEN ARRAY(SELECT x FROM jsonb_array_elements_text(e->'order') WITH ORDINALITY AS o(x, n) ORDER BY n) END,
              (e->>'points')::numeric
         FROM jsonb_array_elements($2::jsonb) AS e`,
      [attemptId, JSON.stringify(items)],
    );
    return attemptId;
  }

  /** Ordering and matching versions among these, with their options' ids and sides (their delivered order depends on them). */
  async structuredOptions(tx: EntityManager, versionIds: readonly string[]): Promise<Map<string, { type: string; options: PlacedOption[] }>> {
    if (versionIds.length === 0) return new Map();
    const rows: Array<{ id: string; type: string; options: PlacedOption[] | null }> = await tx.query(
      `SELECT v.id, v.type, v.options FROM question_versions v WHERE v.id = ANY($1::uuid[]) AND v.type IN ('ordering', 'matching')`,
      [versionIds],
    );
    return new Map(rows.map((r) => [r.id, { type: r.type, options: (r.options ?? []).map((o) => ({ id: o.id, ...(o.side ? { side: o.side } : {}) })) }]));
  }

  /** The items as the runner shows them, text in `locale`: no key columns, a task's visible parts only. */
  deliveryItems(attemptId: string, locale: ContentLocale): Promise<DeliveryItemRow[]> {
    return this.db.query(
      `SELECT ${ITEM_COLUMNS}, ${TRANSLATION_COLUMNS}, ${DELIVERED_TASK_COLUMN}
         FROM ${ITEMS_WITH_ANSWERS}
         ${translationJoin('$2')}
        WHERE i.attempt_id = $1 ORDER BY i.position`,
      [attemptId, locale],
    );
  }

  /** The items with keys, explanations and scores: only for a review the policy allows. */
  reviewItems(attemptId: string, locale: ContentLocale): Promise<ReviewItemRow[]> {
    return this.db.query(
      `SELECT ${ITEM_COLUMNS}, v.answer_key, v.explanation, v."references", an.score, an.status, ${TRANSLATION_COLUMNS}, ${TRANSLATION_REVIEW_COLUMNS}
         FROM ${ITEMS_WITH_ANSWERS}
         ${translationJoin('$2')}
        WHERE i.attempt_id = $1 ORDER BY i.position`,
      [attemptId, locale],
    );
  }

  /** Per item how it went, without the key. */
  outcomes(attemptId: string): Promise<OutcomeRow[]> {
    return this.db.query(
      `SELECT i.position, v.question_id, v.title, v.topic_id, v.type, i.points, an.score, an.status
         FROM ${ITEMS_WITH_ANSWERS}
        WHERE i.attempt_id = $1 ORDER BY i.position`,
      [attemptId],
    );
  }

  /** The attempt's question ids; with `onlyMissed`, those not fully correct. */
  async questionIds(attemptId: string, onlyMissed: boolean): Promise<string[]> {
    const rows: Array<{ question_id: string }> = await this.db.query(
      `SELECT DISTINCT v.question_id
         FROM ${ITEMS_WITH_ANSWERS}
        WHERE i.attempt_id = $1 AND (NOT $2::boolean OR an.status IS DISTINCT FROM 'correct')
        ORDER BY v.question_id`,
      [attemptId, onlyMissed],
    );
    return rows.map((r) => r.question_id);
  }

  /** A learner's newest attempts. */
  history(userId: string, limit: number): Promise<AttemptRow[]> {
    return this.db.query(`SELECT ${ATTEMPT_COLUMNS} FROM attempts a WHERE a.user_id = $1 ORDER BY a.started_at DESC, a.id LIMIT ${limit}`, [userId]);
  }

  // --- answers

  async itemType(tx: EntityManager, attemptId: string, position: number): Promise<string | undefined> {
    const [item] = (await tx.query(
      `SELECT v.type FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1 AND i.position = $2`,
      [attemptId, position],
    )) as Array<{ type: string }>;
    return item?.type;
  }

  /**
   * What a save decides on before it writes, in one read without a lock: the attempt's state and
   * deadline (when it is this owner's) and the item's type (null when there is no such item).
   */
  async saveContext(owner: AttemptOwner, attemptId: string, position: number): Promise<SaveContextRow | undefined> {
    const cond = ownerCondition(owner, 2);
    const [row] = (await this.db.query(
      `SELECT a.state, a.deadline_at,
              (SELECT v.type FROM attempt_items si JOIN question_versions v ON v.id = si.question_version_id
                WHERE si.attempt_id = a.id AND si.position = $3) AS item_type
         FROM attempts a WHERE a.id = $1 AND ${cond.sql}`,
      [attemptId, cond.value, position],
    )) as SaveContextRow[];
    return row;
  }

  /**
   * The common save as one statement, outside a transaction (so one round trip, where the locked
   * path takes six): the attempt row is taken FOR SHARE, exactly as the locked path holds it, and
   * only then checked open and in time, on the row's latest version (a lock wait re-reads it) and
   * with `now` moved on by the time the statement has run (a lock wait included), so a save that
   * waited for a submit or past the deadline writes nothing. The upsert takes the answer's current
   * values for an absent flag or time and checks `ifRevision` on the answer's latest row, as the
   * locked path does with its FOR UPDATE read. Undefined when nothing was written (closed, out of
   * time, revision mismatch, unchanged): the caller then runs the locked path, which decides every
   * such case as before.
   */
  async writeAnswerIfOpen(
    owner: AttemptOwner,
    a: Omit<AnswerWrite, 'flagged' | 'timeSpentMs'> & { flagged: boolean | null; timeSpentMs: number | null },
    graceMs: number,
  ): Promise<WrittenAnswerRow | undefined> {
    const cond = ownerCondition(owner, 8);
    const [saved] = (await this.db.query(
      `WITH locked AS MATERIALIZED (
         SELECT a.id, a.deadline_at FROM attempts a
          WHERE a.id = $1 AND ${cond.sql} AND a.state = 'in_progress'
          FOR SHARE OF a
       ), open AS MATERIALIZED (
         SELECT locked.id FROM locked
          WHERE $6::timestamptz + (clock_timestamp() - statement_timestamp()) <= locked.deadline_at + $9::int * interval '1 millisecond'
       )
       INSERT INTO answers AS an (attempt_id, position, response, flagged, time_spent_ms, saved_at, revision)
       SELECT open.id, $2::int, $3::jsonb, COALESCE($4::boolean, false), COALESCE($5::int, 0), $6::timestamptz, 1 FROM open
        WHERE $7::int IS NULL OR $7::int = COALESCE((SELECT cur.revision FROM answers cur WHERE cur.attempt_id = $1 AND cur.position = $2::int), 0)
       ON CONFLICT (attempt_id, position) DO UPDATE
          SET response = EXCLUDED.response, flagged = COALESCE($4::boolean, an.flagged), time_spent_ms = COALESCE($5::int, an.time_spent_ms),
              saved_at = EXCLUDED.saved_at, revision = an.revision + 1
        WHERE (an.response, an.flagged, an.time_spent_ms) IS DISTINCT FROM (EXCLUDED.response, COALESCE($4::boolean, an.flagged), COALESCE($5::int, an.time_spent_ms))
          AND ($7::int IS NULL OR an.revision = $7::int)
       RETURNING revision, saved_at, flagged, time_spent_ms, response IS NOT NULL AS answered`,
      [a.attemptId, a.position, a.response === null ? null : JSON.stringify(a.response), a.flagged, a.timeSpentMs, a.savedAt, a.ifRevision, cond.value, graceMs],
    )) as WrittenAnswerRow[];
    return saved;
  }

  /** The saved answer, its row held FOR UPDATE. */
  async lockedAnswer(tx: EntityManager, attemptId: string, position: number): Promise<SavedAnswerRow | undefined> {
    const [current] = (await tx.query(
      `SELECT response, flagged, time_spent_ms, revision, saved_at FROM answers WHERE attempt_id = $1 AND position = $2 FOR UPDATE`,
      [attemptId, position],
    )) as SavedAnswerRow[];
    return current;
  }

  /**
   * Writes the answer unless it is unchanged or `ifRevision` no longer matches: the same save twice
   * (a retry after a lost response) changes nothing, not even the revision. Undefined when nothing was written.
   */
  async writeAnswer(
    tx: EntityManager,
    a: AnswerWrite,
  ): Promise<{ revision: number; saved_at: Date; flagged: boolean; time_spent_ms: number; answered: boolean } | undefined> {
    const [saved] = (await tx.query(
      `INSERT INTO answers AS an (attempt_id, position, response, flagged, time_spent_ms, saved_at, revision)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, 1)
       ON CONFLICT (attempt_id, position) DO UPDATE
          SET response = EXCLUDED.response, flagged = EXCLUDED.flagged, time_spent_ms = EXCLUDED.time_spent_ms,
              saved_at = EXCLUDED.saved_at, revision = an.revision + 1
        WHERE (an.response, an.flagged, an.time_spent_ms) IS DISTINCT FROM (EXCLUDED.response, EXCLUDED.flagged, EXCLUDED.time_spent_ms)
          AND ($7::int IS NULL OR an.revision = $7)
       RETURNING revision, saved_at, flagged, time_spent_ms, response IS NOT NULL AS answered`,
      [a.attemptId, a.position, a.response === null ? null : JSON.stringify(a.response), a.flagged, a.timeSpentMs, a.savedAt, a.ifRevision],
    )) as Array<{ revision: number; saved_at: Date; flagged: boolean; time_spent_ms: number; answered: boolean }>;
    return saved;
  }

  /** The English title of a question version (a practice attempt is named after its question). */
  async versionTitle(versionId: string): Promise<string | undefined> {
    const [row] = (await this.db.query('SELECT title FROM question_versions WHERE id = $1', [versionId])) as Array<{ title: string }>;
    return row?.title;
  }

  // --- closing (the caller's transaction holds the attempt FOR UPDATE)

  async markAbandoned(tx: EntityManager, attemptId: string, finishedAt: Date): Promise<void> {
    await tx.query(`UPDATE attempts SET state = 'abandoned', finished_at = $2 WHERE id = $1 AND state = 'in_progress'`, [attemptId, finishedAt]);
  }

  /** The items with their answers and the key each is graded against (short answers accept every current translation's answers too). */
  async gradingItems(tx: EntityManager, attemptId: string): Promise<GradingRow[]> {
    const rows = (await tx.query(
      `SELECT i.position, i.question_version_id, i.points, v.topic_id, v.difficulty, ${GRADING_COLUMNS_SQL}, an.response
         FROM ${ITEMS_WITH_ANSWERS}
        WHERE i.attempt_id = $1
        ORDER BY i.position`,
      [attemptId],
    )) as Array<GradingRow & GradingColumns>;
    return rows.map(({ translated_accepted: _accepted, ...row }) => ({ ...row, answer_key: gradingKey({ answer_key: row.answer_key, translated_accepted: _accepted }) }));
  }

  /** One statement for every item: unanswered items get an answer row too, so review is one join. */
  async storeGrades(
    tx: EntityManager,
    attemptId: string,
    grades: { positions: number[]; scores: Array<number | null>; statuses: string[] },
    savedAt: Date,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO answers (attempt_id, position, response, revision, saved_at, score, status)
       SELECT $1, t.position, NULL, 0, $5, t.score, t.status
         FROM unnest($2::int[], $3::numeric[], $4::text[]) AS t(position, score, status)
       ON CONFLICT (attempt_id, position) DO UPDATE SET score = EXCLUDED.score, status = EXCLUDED.status`,
      [attemptId, grades.positions, grades.scores, grades.statuses, savedAt],
    );
  }

  async markSubmitted(tx: EntityManager, attemptId: string, submittedAt: Date, finishedAt: Date, result: AttemptResult): Promise<void> {
    await tx.query(
      `UPDATE attempts SET state = 'submitted', submitted_at = $2, finished_at = $3, score = $4, max_score = $5, result = $6
        WHERE id = $1 AND state = 'in_progress'`,
      [attemptId, submittedAt, finishedAt, result.score, result.maxScore, JSON.stringify(result)],
    );
    // The attempt now counts in its set version's item statistics (or waits as pending): in this transaction.
    await refreshItemStatistics(tx, attemptId);
  }
}
