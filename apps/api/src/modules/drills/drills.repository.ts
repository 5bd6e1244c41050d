import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_SRS_SETTINGS, type AnswerKey, type SrsCard, type SrsRating, type SrsSettings } from '@goprep/domain';
import type { ContentLocale } from '../../common/i18n/content-locale';
import { GRADING_COLUMNS_SQL, gradingKey, type GradingColumns, TRANSLATION_COLUMNS, TRANSLATION_REVIEW_COLUMNS, translationJoin } from '../questions/translated-text';
import { cardFrom, cardParams, settingsFrom, type CardJson, type CardRow, type DeliveryRow, type OptimizationRow, type ReviewRow, type SettingsRow } from './drill-rows';

/** The connection or the transaction a statement runs on. */
export type Db = EntityManager | DataSource;
export type CardSource = 'topic' | 'question' | 'attempt' | 'template';

/**
 * Questions a deck can hold: live, public, and not code tasks (a drill card has no editor yet, and
 * a task's rating would come from the judge's verdict, which drills do not wait for).
 */
const LIVE = `q.retired_at IS NULL AND q.organization_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM question_versions cv WHERE cv.question_id = q.id AND cv.version = q.current_version AND cv.type = 'code-task'
                    AND NOT EXISTS (SELECT 1 FROM judge_task_specs js WHERE js.question_version_id = cv.id))`;

/**
 * Bulk sources (a whole topic, a role template) add no code tasks: a task takes minutes of writing
 * and a judge run, so it becomes a card only when the learner picks it (by id, or as a missed item
 * of an attempt).
 */
const NOT_A_TASK = `NOT EXISTS (SELECT 1 FROM question_versions tv WHERE tv.question_id = q.id AND tv.version = q.current_version AND tv.type = 'code-task')`;

/** A code-task card's starter files and visible tests, field by field: hidden tests and the solution stay server-side. */
const DRILL_TASK_COLUMN = `(SELECT jsonb_build_object('files', s.spec->'files', 'starter', s.starter, 'visibleTests', s.spec->'visibleTests')
    FROM judge_task_specs s WHERE s.question_version_id = v.id) AS task`;

const CARD_COLUMNS = `c.id, c.question_id, c.state, c.due, c.stability, c.difficulty, c.scheduled_days, c.learning_steps,
  c.reps, c.lapses, c.last_review, c.suspended, c.leech`;

/**
 * The delivery columns of a question version: never the key, the explanation or option feedback.
 * Its difficulty is aliased: srs_cards has a `difficulty` (FSRS's) of its own.
 */
const DELIVERY_COLUMNS = `v.question_id, v.version, v.title, v.topic_id, v.difficulty AS question_difficulty, v.type, v.prompt, v.code, v.unit,
  v.expected_seconds, (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('id', o->>'id', 'text', o->>'text', 'side', o->>'side')) ORDER BY n)
                         FROM jsonb_array_elements(v.options) WITH ORDINALITY AS e(o, n)) AS options`;

/** Writes the whole card: $1 id, $2.. the state (cardParams). */
const UPDATE_CARD = `UPDATE srs_cards SET state = $2, due = $3, stability = $4, difficulty = $5, scheduled_days = $6, learning_steps = $7,
  reps = $8, lapses = $9, last_review = $10, suspended = $11, leech = $12 WHERE id = $1`;

/** What a review answers with, over a review `r`, its version `v` and that version's translation `tr`. */
const REVIEW_COLUMNS = `r.id, r.user_id, r.question_id, v.version, r.reviewed_at, r.rating, r.suggested_rating, r.rating_source, r.status,
         r.score, r.correct, r.leech_triggered, r.state_after, r.undone_at, v.answer_key, v.explanation, v."references",
         v.options AS key_options, ${TRANSLATION_COLUMNS}, ${TRANSLATION_REVIEW_COLUMNS}`;

/** A stored review with its version and that version's translation in the locale `$2`. */
const REVIEW_SELECT = `SELECT ${REVIEW_COLUMNS}
    FROM srs_reviews r JOIN question_versions v ON v.id = r.question_version_id
    ${translationJoin('$2')}`;

/** The columns of an appended review, in the order of NewReview's parameters (reviewParams). */
const REVIEW_INSERT_COLUMNS = `id, card_id, user_id, question_id, question_version_id, reviewed_at, local_day, rating, suggested_rating,
          rating_source, response, status, score, correct, guessed, duration_ms, expected_seconds, elapsed_days, predicted_recall,
          desired_retention, timezone, day_start_hour, leech_triggered, state_before, state_after`;
/** Typed, so that they also serve as the output of an INSERT ... SELECT (where a parameter is not typed by its column). */
const REVIEW_INSERT_VALUES = `$1::uuid, $2::uuid, $3::uuid, $4::text, $5::uuid, $6::timestamptz, $7::date, $8::text, $9::text, $10::text, $11::jsonb, $12::text,
          $13::numeric, $14::boolean, $15::boolean, $16::int, $17::int, $18::int, $19::float8, $20::float8, $21::text, $22::smallint, $23::boolean,
          $24::jsonb, $25::jsonb`;

function reviewParams(r: NewReview): unknown[] {
  return [
    r.id,
    r.cardId,
    r.userId,
    r.questionId,
    r.versionId,
    r.reviewedAt,
    r.localDay,
    r.rating,
    r.suggestedRating,
    r.source,
    r.response === null ? null : JSON.stringify(r.response),
    r.status,
    r.score,
    r.correct,
    r.guessed,
    r.durationMs,
    r.expectedSeconds,
    r.elapsedDays,
    r.predictedRecall,
    r.desiredRetention,
    r.timezone,
    r.dayStartHour,
    r.leechTriggered,
    JSON.stringify(r.before),
    JSON.stringify(r.after),
  ];
}

/** Reviews counted toward "enough" and "doubled" for the FSRS optimizer: the ones not undone, up to now. */
const LEARNERS_SQL = `
  SELECT r.user_id, count(*)::int AS reviews, o.evaluated_at, o.review_count
    FROM srs_reviews r
    LEFT JOIN LATERAL (SELECT evaluated_at, review_count FROM srs_optimizations
                        WHERE user_id = r.user_id ORDER BY evaluated_at DESC LIMIT 1) o ON true
   WHERE r.undone_at IS NULL AND r.reviewed_at <= $1 %USER%
   GROUP BY r.user_id, o.evaluated_at, o.review_count
  HAVING count(*) >= $2`;

export interface LearnerRow {
  user_id: string;
  reviews: number;
  evaluated_at: Date | null;
  review_count: number | null;
}

export interface TemplateCandidateRow {
  id: string;
  topic_id: string;
  type: string;
  difficulty: number;
  tags: string[];
}

export interface GradingVersionRow {
  id: string;
  type: string;
  answer_key: AnswerKey;
  expected_seconds: number;
}

/** What reviewContext reads: the card, its row version, the grading version and the settings (`s_*`). */
export interface ReviewContextRow extends CardRow {
  card_version: string;
  id_taken: boolean;
  version_id: string | null;
  version_type: string | null;
  answer_key: AnswerKey | null;
  translated_accepted: string[];
  expected_seconds: number | null;
  has_settings: boolean;
  s_timezone: string;
  s_day_start_hour: number;
  s_desired_retention: number;
  s_max_interval_days: number;
  s_new_per_day: number;
  s_learning_steps: string[];
  s_relearning_steps: string[];
  s_weights: number[] | null;
}

export interface UndoableReviewRow {
  card_id: string | null;
  question_id: string;
  undone_at: Date | null;
  state_before: CardJson;
  state_after: CardJson;
  reviewed_at: Date;
}

/** One appended review: the columns of `srs_reviews` in insert order. */
export interface NewReview {
  id: string;
  cardId: string;
  userId: string;
  questionId: string;
  versionId: string;
  reviewedAt: Date;
  localDay: string;
  rating: SrsRating;
  suggestedRating: SrsRating | null;
  source: string;
  response: object | null;
  status: string;
  score: number | null;
  correct: boolean | null;
  guessed: boolean | null;
  durationMs: number;
  expectedSeconds: number | null;
  elapsedDays: number;
  predictedRecall: number | null;
  desiredRetention: number;
  timezone: string;
  dayStartHour: number;
  leechTriggered: boolean;
  before: unknown;
  after: unknown;
}

export interface NewOptimization {
  userId: string;
  now: Date;
  reason: string;
  outcome: string;
  reviewCount: number;
  itemCount: number;
  currentLogLoss: number | null;
  currentRmse: number | null;
  fittedLogLoss: number | null;
  fittedRmse: number | null;
  currentWeights: readonly number[];
  fittedWeights: readonly number[] | null;
  durationMs: number;
  error: string | null;
}

export interface LapseHeavyRow {
  question_id: string;
  title: string;
  topic_id: string;
  learners: number;
  reviews: number;
  lapses: number;
  leeches: number;
}

/**
 * Every statement of the drills module: settings, cards, reviews, the statistics' reads and the
 * FSRS optimizer's. Methods that run inside a transaction take it as their first argument.
 */
@Injectable()
export class DrillsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  get isReady(): boolean {
    return this.db.isInitialized;
  }

  // --- settings

  /** The learner's settings (defaults until changed) and personal FSRS weights, if fitted. */
  async settings(userId: string, q: Db = this.db): Promise<{ settings: SrsSettings; weights?: number[] }> {
    const [row] = (await q.query(
      `SELECT timezone, day_start_hour, desired_retention, max_interval_days, new_per_day, learning_steps, relearning_steps, weights
         FROM srs_settings WHERE user_id = $1`,
      [userId],
    )) as SettingsRow[];
    return settingsFrom(row);
  }

  async saveSettings(userId: string, settings: SrsSettings): Promise<void> {
    await this.db.query(
      `INSERT INTO srs_settings (user_id, timezone, day_start_hour, desired_retention, max_interval_days, new_per_day, learning_steps, relearning_steps, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (user_id) DO UPDATE SET timezone = EXCLUDED.timezone, day_start_hour = EXCLUDED.day_start_hour,
         desired_retention = EXCLUDED.desired_retention, max_interval_days = EXCLUDED.max_interval_days, new_per_day = EXCLUDED.new_per_day,
         learning_steps = EXCLUDED.learning_steps, relearning_steps = EXCLUDED.relearning_steps, updated_at = now()`,
      [
        userId,
        settings.timezone,
        settings.dayStartHour,
        settings.desiredRetention,
        settings.maximumIntervalDays,
        settings.newCardsPerDay,
        [...settings.learningSteps],
        [...settings.relearningSteps],
      ],
    );
  }

  // --- the deck

  async liveIdsOfTopic(topic: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT q.id FROM questions q WHERE q.topic_id = $1 AND ${LIVE} AND ${NOT_A_TASK} ORDER BY q.id`, [topic]);
    return rows.map((r) => r.id);
  }

  /** Of these question ids, the live ones (in no particular order). */
  async liveIdsAmong(ids: readonly string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT q.id FROM questions q WHERE q.id = ANY($1::text[]) AND ${LIVE}`, [ids]);
    return rows.map((r) => r.id);
  }

  /** Every live question with the facts a role template's pools filter on (code tasks left out: bulk sources add none). */
  liveQuestionFacts(): Promise<TemplateCandidateRow[]> {
    return this.db.query(
      `SELECT q.id, v.topic_id, v.type, v.difficulty, v.tags
         FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE ${LIVE} AND ${NOT_A_TASK} ORDER BY q.id`,
    );
  }

  /** New cards are introduced in added order (due = added time, then id): a stable per-request offset keeps the list's order. */
  async addCards(userId: string, now: Date, ids: readonly string[], source: CardSource): Promise<number> {
    const inserted: Array<{ id: string }> = await this.db.query(
      `INSERT INTO srs_cards (user_id, question_id, due, added_at, source)
       SELECT $1, t.qid, $2::timestamptz + (t.n * interval '1 millisecond'), $2, $4
         FROM unnest($3::text[]) WITH ORDINALITY AS t(qid, n)
       ON CONFLICT (user_id, question_id) DO NOTHING RETURNING id`,
      [userId, now, ids, source],
    );
    return inserted.length;
  }

  async cardCount(userId: string): Promise<number> {
    const [total] = (await this.db.query(`SELECT count(*)::int AS n FROM srs_cards WHERE user_id = $1`, [userId])) as Array<{ n: number }>;
    return total?.n ?? 0;
  }

  /** Removes the card; false when there was none. */
  async removeCard(userId: string, questionId: string): Promise<boolean> {
    const removed: unknown[] = await this.db.query(`DELETE FROM srs_cards WHERE user_id = $1 AND question_id = $2 RETURNING id`, [userId, questionId]);
    // node-postgres gives [rows, count] for DELETE ... RETURNING through TypeORM.
    const rows = Array.isArray(removed[0]) ? (removed[0] as unknown[]) : removed;
    return rows.length > 0;
  }

  /** The learner's card for a question; `forUpdate` holds its row until the transaction ends. */
  /** The learner's card for a question, its row held FOR UPDATE until the transaction ends. */
  async lockedCard(tx: EntityManager, userId: string, questionId: string): Promise<SrsCard | undefined> {
    const [row] = (await tx.query(`SELECT ${CARD_COLUMNS} FROM srs_cards c WHERE c.user_id = $1 AND c.question_id = $2 FOR UPDATE`, [userId, questionId])) as CardRow[];
    return row ? cardFrom(row) : undefined;
  }

  async updateCard(tx: EntityManager, card: SrsCard): Promise<void> {
    await tx.query(UPDATE_CARD, cardParams(card));
  }

  /** Cards due before `until` or new, with their question's delivery text in `locale` (no key columns). */
  dueCards(userId: string, until: Date, locale: ContentLocale): Promise<Array<CardRow & DeliveryRow>> {
    return this.db.query(
      `SELECT ${CARD_COLUMNS}, ${DELIVERY_COLUMNS}, ${DRILL_TASK_COLUMN}, ${TRANSLATION_COLUMNS}
         FROM srs_cards c
         JOIN questions q ON q.id = c.question_id
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         ${translationJoin('$3')}
        WHERE c.user_id = $1 AND NOT c.suspended AND (c.state = 'new' OR c.due < $2) AND ${LIVE}`,
      [userId, until, locale],
    );
  }

  /** Reviews in [from, to) that took a card out of `new`. */
  newCardReviews(userId: string, from: Date, to: Date): Promise<Array<{ reviewed_at: Date; state_before: CardJson }>> {
    return this.db.query(
      `SELECT reviewed_at, state_before FROM srs_reviews
        WHERE user_id = $1 AND undone_at IS NULL AND reviewed_at >= $2 AND reviewed_at < $3 AND state_before->>'state' = 'new'`,
      [userId, from, to],
    );
  }

  /** The learner's cards with their titles: all, or only the suspended ones (leeches first). */
  /** One page of the user's cards (leeches first, then by lapses), with the whole list's size in `total_rows`. */
  deck(userId: string, suspendedOnly: boolean, page: { limit: number; offset: number }): Promise<Array<CardRow & { title: string; topic_id: string; total_rows: number }>> {
    return this.db.query(
      `SELECT ${CARD_COLUMNS}, v.title, q.topic_id, count(*) OVER ()::int AS total_rows
         FROM srs_cards c
         JOIN questions q ON q.id = c.question_id
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE c.user_id = $1 ${suspendedOnly ? 'AND c.suspended' : ''}
        ORDER BY c.leech DESC, c.lapses DESC, c.due, c.question_id
        LIMIT $2 OFFSET $3`,
      [userId, page.limit, page.offset],
    );
  }

  /** How many cards `deck` lists in all (asked when a page past the end has no row to carry it). */
  async countDeck(userId: string, suspendedOnly: boolean): Promise<number> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS n
         FROM srs_cards c
         JOIN questions q ON q.id = c.question_id
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE c.user_id = $1 ${suspendedOnly ? 'AND c.suspended' : ''}`,
      [userId],
    )) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  // --- reviews

  async storedReview(reviewId: string, locale: ContentLocale = 'en', q: Db = this.db): Promise<ReviewRow | undefined> {
    const [row] = (await q.query(`${REVIEW_SELECT} WHERE r.id = $1`, [reviewId, locale])) as ReviewRow[];
    return row;
  }

  /** The current version of a question with the key a review is graded against (short answers accept every current translation's answers too). */
  async gradingVersion(tx: EntityManager, questionId: string): Promise<GradingVersionRow | undefined> {
    const [version] = (await tx.query(
      `SELECT v.id, v.type, ${GRADING_COLUMNS_SQL}, v.expected_seconds
         FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.id = $1`,
      [questionId],
    )) as Array<GradingVersionRow & GradingColumns>;
    if (!version) return undefined;
    const { translated_accepted, ...row } = version;
    return { ...row, answer_key: gradingKey({ answer_key: row.answer_key, translated_accepted }) };
  }

  async insertReview(tx: EntityManager, r: NewReview): Promise<void> {
    await tx.query(`INSERT INTO srs_reviews (${REVIEW_INSERT_COLUMNS}) VALUES (${REVIEW_INSERT_VALUES})`, reviewParams(r));
  }

  /**
   * What a review decides on, in one read without a lock: the learner's card for the question with
   * its row version (`xmin`), whether the review id is taken already, the current version with its
   * grading key, and the learner's settings (columns `s_*`, all null without a settings row).
   */
  async reviewContext(userId: string, questionId: string, reviewId: string): Promise<ReviewContextRow | undefined> {
    const [row] = (await this.db.query(
      `SELECT ${CARD_COLUMNS}, c.xmin::text AS card_version,
              EXISTS (SELECT 1 FROM srs_reviews seen WHERE seen.id = $3) AS id_taken,
              v.id AS version_id, v.type AS version_type, ${GRADING_COLUMNS_SQL}, v.expected_seconds,
              s.user_id IS NOT NULL AS has_settings, s.timezone AS s_timezone, s.day_start_hour AS s_day_start_hour,
              s.desired_retention AS s_desired_retention, s.max_interval_days AS s_max_interval_days, s.new_per_day AS s_new_per_day,
              s.learning_steps AS s_learning_steps, s.relearning_steps AS s_relearning_steps, s.weights AS s_weights
         FROM srs_cards c
         LEFT JOIN questions q ON q.id = c.question_id
         LEFT JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         LEFT JOIN srs_settings s ON s.user_id = c.user_id
        WHERE c.user_id = $1 AND c.question_id = $2`,
      [userId, questionId, reviewId],
    )) as ReviewContextRow[];
    return row;
  }

  /**
   * Appends the review and writes the card in one statement, outside a transaction, only while the
   * card row is still the version `cardVersion` read by reviewContext (its `xmin`, checked on the
   * latest row after taking it FOR UPDATE) and the review id is free; answers the stored review as
   * storedReview would, text in `locale`. Undefined when nothing was written (the card changed, or
   * the id was taken meanwhile): the caller then runs the locked transaction, which decides as before.
   */
  async writeReviewIfUnchanged(cardVersion: string, card: SrsCard, r: NewReview, locale: ContentLocale): Promise<ReviewRow | undefined> {
    const [row] = (await this.db.query(
      `WITH card AS MATERIALIZED (
         SELECT c.id FROM srs_cards c WHERE c.id = $2 AND c.xmin = $26::text::xid FOR UPDATE
       ), r AS (
         INSERT INTO srs_reviews (${REVIEW_INSERT_COLUMNS})
         SELECT ${REVIEW_INSERT_VALUES} FROM card
         ON CONFLICT (id) DO NOTHING
         RETURNING *
       ), moved AS (
         UPDATE srs_cards SET state = $27, due = $28, stability = $29, difficulty = $30, scheduled_days = $31, learning_steps = $32,
                reps = $33, lapses = $34, last_review = $35, suspended = $36, leech = $37
          WHERE id = (SELECT r.card_id FROM r)
       )
       SELECT ${REVIEW_COLUMNS}
         FROM r JOIN question_versions v ON v.id = r.question_version_id
         ${translationJoin('$38')}`,
      [...reviewParams(r), cardVersion, ...cardParams(card).slice(1), locale],
    )) as ReviewRow[];
    return row;
  }

  async undoableReview(tx: EntityManager, reviewId: string, userId: string): Promise<UndoableReviewRow | undefined> {
    const [review] = (await tx.query(
      `SELECT r.card_id, r.question_id, r.undone_at, r.state_before, r.state_after, r.reviewed_at FROM srs_reviews r WHERE r.id = $1 AND r.user_id = $2`,
      [reviewId, userId],
    )) as UndoableReviewRow[];
    return review;
  }

  async latestReviewId(tx: EntityManager, cardId: string): Promise<string | undefined> {
    const [latest] = (await tx.query(
      `SELECT id FROM srs_reviews WHERE card_id = $1 AND undone_at IS NULL ORDER BY reviewed_at DESC, id DESC LIMIT 1`,
      [cardId],
    )) as Array<{ id: string }>;
    return latest?.id;
  }

  async markUndone(tx: EntityManager, reviewId: string, at: Date): Promise<void> {
    await tx.query(`UPDATE srs_reviews SET undone_at = $2 WHERE id = $1`, [reviewId, at]);
  }

  // --- statistics

  reviewsBetween(userId: string, from: Date, to: Date): Promise<Array<{ reviewed_at: Date; rating: SrsRating; before_state: string; topic_id: string }>> {
    return this.db.query(
      `SELECT r.reviewed_at, r.rating, r.state_before->>'state' AS before_state, q.topic_id
         FROM srs_reviews r JOIN questions q ON q.id = r.question_id
        WHERE r.user_id = $1 AND r.undone_at IS NULL AND r.reviewed_at >= $2 AND r.reviewed_at <= $3`,
      [userId, from, to],
    );
  }

  cardsWithTopic(userId: string): Promise<Array<CardRow & { topic_id: string; live: boolean }>> {
    return this.db.query(`SELECT ${CARD_COLUMNS}, q.topic_id, (${LIVE}) AS live FROM srs_cards c JOIN questions q ON q.id = c.question_id WHERE c.user_id = $1`, [
      userId,
    ]);
  }

  /** Every local day with a review up to `until` ("YYYY-MM-DD"): each review keeps the day it was made on. */
  async reviewDays(userId: string, until: Date): Promise<string[]> {
    const rows: Array<{ day: string }> = await this.db.query(
      `SELECT DISTINCT to_char(local_day, 'YYYY-MM-DD') AS day FROM srs_reviews WHERE user_id = $1 AND undone_at IS NULL AND reviewed_at <= $2`,
      [userId, until],
    );
    return rows.map((r) => r.day);
  }

  async latestOptimization(userId: string): Promise<OptimizationRow | undefined> {
    const [row] = (await this.db.query(
      `SELECT evaluated_at, reason, outcome, review_count, item_count, current_log_loss, current_rmse, fitted_log_loss, fitted_rmse
         FROM srs_optimizations WHERE user_id = $1 ORDER BY evaluated_at DESC LIMIT 1`,
      [userId],
    )) as OptimizationRow[];
    return row;
  }

  /** Per question over every learner's reviews of graduated cards, the lapse-heaviest first. */
  lapseHeavy(minReviews: number, limit: number): Promise<LapseHeavyRow[]> {
    return this.db.query(
      `SELECT r.question_id, v.title, q.topic_id, count(DISTINCT r.user_id)::int AS learners, count(*)::int AS reviews,
              count(*) FILTER (WHERE r.rating = 'again')::int AS lapses,
              (SELECT count(*)::int FROM srs_cards c WHERE c.question_id = r.question_id AND c.leech) AS leeches
         FROM srs_reviews r
         JOIN questions q ON q.id = r.question_id
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE r.undone_at IS NULL AND r.state_before->>'state' = 'review'
        GROUP BY r.question_id, v.title, q.topic_id
       HAVING count(*) >= $1 AND count(*) FILTER (WHERE r.rating = 'again') > 0
        ORDER BY count(*) FILTER (WHERE r.rating = 'again')::float / count(*) DESC, count(*) DESC, r.question_id
        LIMIT $2`,
      [minReviews, limit],
    );
  }

  // --- the FSRS optimizer

  /** Learners with at least `minReviews` reviews up to `now`, with their last evaluation; one learner when `userId` is given. */
  learners(now: Date, minReviews: number): Promise<LearnerRow[]> {
    return this.db.query(LEARNERS_SQL.replace('%USER%', ''), [now, minReviews]);
  }

  /** The same for one learner, in the transaction that holds their lock (the re-check). */
  async learner(tx: EntityManager, now: Date, minReviews: number, userId: string): Promise<LearnerRow | undefined> {
    const [learner] = (await tx.query(LEARNERS_SQL.replace('%USER%', 'AND r.user_id = $3'), [now, minReviews, userId])) as LearnerRow[];
    return learner;
  }

  /** Tries (never waits for) the transaction-scoped lock that hands a learner's fit to one instance. */
  async tryLearnerLock(tx: EntityManager, userId: string): Promise<boolean> {
    const [lock] = (await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext('goprep:srs-optimizer'), hashtext($1)) AS locked`, [userId])) as Array<{
      locked: boolean;
    }>;
    return lock?.locked ?? false;
  }

  trainingReviews(
    tx: EntityManager,
    userId: string,
    until: Date,
  ): Promise<Array<{ question_id: string; reviewed_at: Date; local_day: string; rating: SrsRating; before_state: string }>> {
    return tx.query(
      `SELECT question_id, reviewed_at, to_char(local_day, 'YYYY-MM-DD') AS local_day, rating, state_before->>'state' AS before_state
         FROM srs_reviews WHERE user_id = $1 AND undone_at IS NULL AND reviewed_at <= $2`,
      [userId, until],
    );
  }

  async weights(tx: EntityManager, userId: string): Promise<number[] | null> {
    const [settings] = (await tx.query(`SELECT weights FROM srs_settings WHERE user_id = $1`, [userId])) as Array<{ weights: number[] | null }>;
    return settings?.weights ?? null;
  }

  async insertOptimization(tx: EntityManager, r: NewOptimization): Promise<void> {
    await tx.query(
      `INSERT INTO srs_optimizations (user_id, evaluated_at, reason, outcome, review_count, item_count, current_log_loss, current_rmse,
          fitted_log_loss, fitted_rmse, current_weights, fitted_weights, duration_ms, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14)`,
      [
        r.userId,
        r.now,
        r.reason,
        r.outcome,
        r.reviewCount,
        r.itemCount,
        r.currentLogLoss,
        r.currentRmse,
        r.fittedLogLoss,
        r.fittedRmse,
        JSON.stringify(r.currentWeights),
        r.fittedWeights ? JSON.stringify(r.fittedWeights) : null,
        r.durationMs,
        r.error,
      ],
    );
  }

  /** A learner without a settings row gets one with the defaults and the fitted weights. */
  async switchWeights(tx: EntityManager, userId: string, weights: readonly number[]): Promise<void> {
    const d = DEFAULT_SRS_SETTINGS;
    await tx.query(
      `INSERT INTO srs_settings (user_id, timezone, day_start_hour, desired_retention, max_interval_days, new_per_day, learning_steps, relearning_steps, weights, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, now())
       ON CONFLICT (user_id) DO UPDATE SET weights = EXCLUDED.weights, updated_at = now()`,
      [userId, d.timezone, d.dayStartHour, d.desiredRetention, d.maximumIntervalDays, d.newCardsPerDay, [...d.learningSteps], [...d.relearningSteps], JSON.stringify(weights)],
    );
  }
}
