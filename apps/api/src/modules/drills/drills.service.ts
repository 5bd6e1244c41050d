import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  buildDueQueue,
  countDueToday,
  countNewIntroducedToday,
  DAY_MS,
  grade,
  gradeFromJudge,
  judgeReviewOutcome,
  localDay,
  localDayNumber,
  localDayStart,
  previewIntervals,
  reviewStreak,
  scheduleReview,
  srsSettingsProblems,
  suggestRating,
  undoReview,
  unsuspendCard,
  suspendCard,
  validateResponse,
  type AnswerKey,
  type AutoGradeOutcome,
  type ScheduledReview,
  type SrsCard,
  type SrsRating,
  type SrsSettings,
} from '@goprep/domain';
import { loadTemplates, type RoleTemplate } from '@goprep/question-bank';
import { AppError } from '../../common/errors/app-error';
import type { ContentLocale } from '../../common/i18n/content-locale';
import { GRADING_KEY_SQL, TRANSLATION_COLUMNS, TRANSLATION_REVIEW_COLUMNS, translationJoin } from '../questions/translated-text';
import { ErrorCode } from '../../common/errors/error-codes';
import { AttemptsService } from '../attempts/attempts.service';
import type { JudgeRunDto } from '../judge/dto/judge.dto';
import { JudgeService } from '../judge/judge.service';
import {
  CARD_COLUMNS,
  cardFrom,
  cardFromJson,
  cardParams,
  dayString,
  DELIVERY_COLUMNS,
  DRILL_TASK_COLUMN,
  mapCardState,
  mapDrillQuestion,
  mapOptimization,
  mapPreviews,
  mapReviewResult,
  mapSettings,
  settingsFrom,
  UPDATE_CARD,
  type CardJson,
  type CardRow,
  type DeliveryRow,
  type OptimizationRow,
  type ReviewRow,
  type SettingsRow,
} from './drill-rows';
import { DrillsClock } from './drills-clock';
import {
  AddToDeckDto,
  DeckChangeDto,
  DeckListDto,
  DeckQueryDto,
  DrillOptimizationDto,
  DrillCardStateDto,
  DrillSettingsDto,
  DrillStatsDto,
  DueQueueDto,
  LapseHeavyListDto,
  LapseHeavyQueryDto,
  ReviewResultDto,
  SubmitReviewDto,
  TopicRetentionDto,
  UndoResultDto,
  UpdateDrillSettingsDto,
} from './dto/drills.dto';

type Db = EntityManager | DataSource;
type CardSource = 'topic' | 'question' | 'attempt' | 'template';

const SELF_RATED_TYPES = new Set(['flashcard', 'essay']);
const SELF_RATINGS: readonly SrsRating[] = ['again', 'hard', 'good', 'easy'];
const STATS_DAYS = 30;
const UNIQUE_VIOLATION = '23505';
/** Public, live bank questions: the only ones a learner can drill. */
/**
 * Questions a deck can hold: live and public. A code task is a card too once the judge can grade
 * it (its version has a judge spec): the learner writes code, the hidden tests judge it, and the
 * verdict rates the card (drill code tasks, issue 14).
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

/** A stored review with its version and that version's translation in the locale `$2`. */
const REVIEW_SELECT = `SELECT r.id, r.user_id, r.question_id, v.version, r.reviewed_at, r.rating, r.suggested_rating, r.rating_source, r.status,
         r.score, r.correct, r.leech_triggered, r.state_after, r.undone_at, v.answer_key, v.explanation, v."references",
         v.options AS key_options, ${TRANSLATION_COLUMNS}, ${TRANSLATION_REVIEW_COLUMNS}
    FROM srs_reviews r JOIN question_versions v ON v.id = r.question_version_id
    ${translationJoin('$2')}`;

function invalid(field: string, message: string): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields.', [{ field, message }]);
}

@Injectable()
export class DrillsService {
  private templates?: RoleTemplate[];

  constructor(
    private readonly db: DataSource,
    private readonly attempts: AttemptsService,
    private readonly clock: DrillsClock,
    private readonly judge: JudgeService,
  ) {}

  private async settingsOf(q: Db, userId: string): Promise<{ settings: SrsSettings; weights?: number[] }> {
    const [row] = (await q.query(
      `SELECT timezone, day_start_hour, desired_retention, max_interval_days, new_per_day, learning_steps, relearning_steps, weights
         FROM srs_settings WHERE user_id = $1`,
      [userId],
    )) as SettingsRow[];
    return settingsFrom(row);
  }

  async getSettings(userId: string): Promise<DrillSettingsDto> {
    const { settings, weights } = await this.settingsOf(this.db, userId);
    return mapSettings(settings, weights !== undefined);
  }

  async updateSettings(userId: string, body: UpdateDrillSettingsDto): Promise<DrillSettingsDto> {
    const current = await this.settingsOf(this.db, userId);
    const defined = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<SrsSettings>;
    const settings: SrsSettings = { ...current.settings, ...defined };
    const problems = srsSettingsProblems(settings);
    if (problems.length > 0) throw new AppError(ErrorCode.VALIDATION_FAILED, 'The drill settings are invalid.', problems);
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
    return mapSettings(settings, current.weights !== undefined);
  }

  /** Adds cards for one source; questions already in the deck keep their card and history. */
  async addToDeck(userId: string, body: AddToDeckDto): Promise<DeckChangeDto> {
    const sources = [body.topic, body.questionIds, body.attemptId, body.template].filter((s) => s !== undefined).length;
    if (sources !== 1 || (body.template !== undefined) !== (body.level !== undefined)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Give exactly one source: topic, questionIds, attemptId, or template with level.', [
        { field: 'body', message: 'exactly one of topic, questionIds, attemptId, template (+ level) is required' },
      ]);
    }
    if (body.onlyMissed !== undefined && body.attemptId === undefined) throw invalid('onlyMissed', 'onlyMissed goes with attemptId');
    let ids: string[];
    let source: CardSource;
    if (body.topic !== undefined) {
      source = 'topic';
      const rows: Array<{ id: string }> = await this.db.query(`SELECT q.id FROM questions q WHERE q.topic_id = $1 AND ${LIVE} AND ${NOT_A_TASK} ORDER BY q.id`, [body.topic]);
      ids = rows.map((r) => r.id);
    } else if (body.questionIds !== undefined) {
      source = 'question';
      const rows: Array<{ id: string }> = await this.db.query(`SELECT q.id FROM questions q WHERE q.id = ANY($1::text[]) AND ${LIVE}`, [body.questionIds]);
      const found = new Set(rows.map((r) => r.id));
      const missing = body.questionIds.filter((id) => !found.has(id));
      if (missing.length > 0) throw new AppError(ErrorCode.QUESTION_NOT_FOUND, `No question with id ${missing.slice(0, 5).map((m) => `"${m.slice(0, 80)}"`).join(', ')}.`);
      ids = body.questionIds;
    } else if (body.attemptId !== undefined) {
      source = 'attempt';
      const all = await this.attempts.questionIdsOf({ kind: 'learner', userId }, body.attemptId, body.onlyMissed ?? true);
      const rows: Array<{ id: string }> = await this.db.query(`SELECT q.id FROM questions q WHERE q.id = ANY($1::text[]) AND ${LIVE}`, [all]);
      ids = rows.map((r) => r.id);
    } else {
      source = 'template';
      ids = await this.templateQuestionIds(body.template ?? '', body.level);
    }
    const now = this.clock.now();
    // New cards are introduced in added order (due = added time, then id): a stable per-request offset keeps the list's order.
    const inserted: Array<{ id: string }> = await this.db.query(
      `INSERT INTO srs_cards (user_id, question_id, due, added_at, source)
       SELECT $1, t.qid, $2::timestamptz + (t.n * interval '1 millisecond'), $2, $4
         FROM unnest($3::text[]) WITH ORDINALITY AS t(qid, n)
       ON CONFLICT (user_id, question_id) DO NOTHING RETURNING id`,
      [userId, now, ids, source],
    );
    const [total] = (await this.db.query(`SELECT count(*)::int AS n FROM srs_cards WHERE user_id = $1`, [userId])) as Array<{ n: number }>;
    return { added: inserted.length, skipped: ids.length - inserted.length, total: total?.n ?? 0 };
  }

  /** Every live question a role template's level can draw (its pools' topic, difficulty, types, tags). */
  private async templateQuestionIds(templateId: string, level: AddToDeckDto['level']): Promise<string[]> {
    this.templates ??= loadTemplates().templates;
    const template = this.templates.find((t) => t.id === templateId);
    if (!template || !level) throw new AppError(ErrorCode.TEMPLATE_NOT_FOUND, `No role template "${templateId.slice(0, 60)}".`);
    const rows: Array<{ id: string; topic_id: string; type: string; difficulty: number; tags: string[] }> = await this.db.query(
      `SELECT q.id, v.topic_id, v.type, v.difficulty, v.tags
         FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE ${LIVE} AND ${NOT_A_TASK} ORDER BY q.id`,
    );
    const pools = template.levels[level].pools;
    return rows
      .filter((r) =>
        pools.some(
          (p) =>
            p.topic === r.topic_id &&
            r.difficulty >= p.difficulty[0] &&
            r.difficulty <= p.difficulty[1] &&
            (p.types as readonly string[]).includes(r.type) &&
            !r.tags.some((tag) => p.excludeTags.includes(tag)),
        ),
      )
      .map((r) => r.id);
  }

  async removeFromDeck(userId: string, questionId: string): Promise<void> {
    const removed: unknown[] = await this.db.query(`DELETE FROM srs_cards WHERE user_id = $1 AND question_id = $2 RETURNING id`, [userId, questionId]);
    // node-postgres gives [rows, count] for DELETE ... RETURNING through TypeORM.
    const rows = Array.isArray(removed[0]) ? (removed[0] as unknown[]) : removed;
    if (rows.length === 0) throw this.cardNotFound(questionId);
  }

  private cardNotFound(questionId: string): AppError {
    return new AppError(ErrorCode.DRILL_CARD_NOT_FOUND, `"${questionId.slice(0, 80)}" is not in your drills.`);
  }

  /** The learner's card for a question, or 404: nobody learns about another learner's deck. */
  private async card(q: Db, userId: string, questionId: string, lock = ''): Promise<SrsCard> {
    const [row] = (await q.query(`SELECT ${CARD_COLUMNS} FROM srs_cards c WHERE c.user_id = $1 AND c.question_id = $2 ${lock}`, [userId, questionId])) as CardRow[];
    if (!row) throw this.cardNotFound(questionId);
    return cardFrom(row);
  }

  async setSuspended(userId: string, questionId: string, suspended: boolean): Promise<DrillCardStateDto> {
    return this.db.transaction(async (tx) => {
      const card = await this.card(tx, userId, questionId, 'FOR UPDATE');
      const next = suspended ? suspendCard(card) : unsuspendCard(card);
      await tx.query(UPDATE_CARD, cardParams(next));
      return mapCardState(questionId, next);
    });
  }

  /** Today's queue: due cards, then new ones within the daily limit, each with its four intervals. */
  async due(userId: string, contentLocale: ContentLocale = 'en'): Promise<DueQueueDto> {
    const now = this.clock.now();
    const { settings, weights } = await this.settingsOf(this.db, userId);
    const today = localDayNumber(now, settings);
    const dayStart = localDayStart(dayString(today), settings);
    const tomorrow = localDayStart(dayString(today + 1), settings);
    const rows: Array<CardRow & DeliveryRow> = await this.db.query(
      `SELECT ${CARD_COLUMNS}, ${DELIVERY_COLUMNS}, ${DRILL_TASK_COLUMN}, ${TRANSLATION_COLUMNS}
         FROM srs_cards c
         JOIN questions q ON q.id = c.question_id
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         ${translationJoin('$3')}
        WHERE c.user_id = $1 AND NOT c.suspended AND (c.state = 'new' OR c.due < $2) AND ${LIVE}`,
      [userId, tomorrow, contentLocale],
    );
    const introduced = await this.introducedToday(userId, dayStart, tomorrow, now, settings);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const queue = buildDueQueue(rows.map(cardFrom), now, settings, introduced);
    return {
      now: now.toISOString(),
      day: localDay(now, settings),
      timezone: settings.timezone,
      dueCount: queue.dueCount,
      newCount: queue.newCount,
      cards: queue.cards.flatMap((card) => {
        const row = byId.get(card.id);
        if (!row) return [];
        return {
          questionId: row.question_id,
          state: card.state,
          due: card.due.toISOString(),
          reps: card.reps,
          lapses: card.lapses,
          question: mapDrillQuestion(row, contentLocale),
          intervals: mapPreviews(previewIntervals(card, now, settings, weights), now),
        };
      }),
    };
  }

  private async introducedToday(userId: string, from: Date, to: Date, now: Date, settings: SrsSettings): Promise<number> {
    const logs: Array<{ reviewed_at: Date; state_before: CardJson }> = await this.db.query(
      `SELECT reviewed_at, state_before FROM srs_reviews
        WHERE user_id = $1 AND undone_at IS NULL AND reviewed_at >= $2 AND reviewed_at < $3 AND state_before->>'state' = 'new'`,
      [userId, from, to],
    );
    return countNewIntroducedToday(
      logs.map((l) => ({ reviewedAt: l.reviewed_at, before: cardFromJson(l.state_before) })),
      now,
      settings,
    );
  }

  private async storedReview(q: Db, reviewId: string, contentLocale: ContentLocale = 'en'): Promise<ReviewRow | undefined> {
    const [row] = (await q.query(`${REVIEW_SELECT} WHERE r.id = $1`, [reviewId, contentLocale])) as ReviewRow[];
    return row;
  }

  /** The same review id again gives the stored result; another learner's or another card's id is a conflict. */
  private replay(row: ReviewRow, userId: string, questionId: string, locale: ContentLocale = 'en'): ReviewResultDto {
    if (row.user_id !== userId || row.question_id !== questionId) {
      throw new AppError(ErrorCode.DRILL_REVIEW_ID_CONFLICT, 'This review id was already used for another review; send a new one.');
    }
    return mapReviewResult(row, locale);
  }

  /**
   * Grades the answer on the server against the current version's key, suggests a rating, applies
   * the learner's (or the suggested) rating and appends the review: one transaction holding the
   * card row, so a retry of the same review id can never review twice.
   */
  async review(userId: string, body: SubmitReviewDto, contentLocale: ContentLocale = 'en'): Promise<ReviewResultDto> {
    const earlier = await this.storedReview(this.db, body.reviewId, contentLocale);
    if (earlier) return this.replay(earlier, userId, body.questionId, contentLocale);
    const reviewId = await this.applyReview(userId, body, contentLocale).catch((error: unknown) => {
      // The same id sent for two different cards at once: the second insert hits the primary key.
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw new AppError(ErrorCode.DRILL_REVIEW_ID_CONFLICT, 'This review id was already used for another review; send a new one.');
      }
      throw error;
    });
    const stored = await this.storedReview(this.db, reviewId, contentLocale);
    if (!stored) throw new Error(`review ${reviewId} vanished after its commit`);
    return mapReviewResult(stored, contentLocale);
  }

  private applyReview(userId: string, body: SubmitReviewDto, contentLocale: ContentLocale): Promise<string> {
    return this.db.transaction(async (tx) => {
      const card = await this.card(tx, userId, body.questionId, 'FOR UPDATE');
      const raced = await this.storedReview(tx, body.reviewId);
      if (raced) return this.replay(raced, userId, body.questionId).reviewId;
      if (card.suspended) throw new AppError(ErrorCode.DRILL_CARD_SUSPENDED, 'This card is suspended; unsuspend it to review it.');
      const [version] = (await tx.query(
        `SELECT v.id, v.type, ${GRADING_KEY_SQL} AS answer_key, v.expected_seconds
           FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
           ${translationJoin('$2')}
          WHERE q.id = $1`,
        [body.questionId, contentLocale],
      )) as Array<{ id: string; type: string; answer_key: AnswerKey; expected_seconds: number }>;
      if (!version) throw this.cardNotFound(body.questionId);
      const graded =
        version.type === 'code-task'
          ? await this.gradeTask(userId, version.id, version.answer_key, body)
          : this.gradeAnswer(version.type, version.answer_key, body, version.expected_seconds);
      const { settings, weights } = await this.settingsOf(tx, userId);
      const now = this.clock.now();
      let scheduled: ScheduledReview;
      try {
        scheduled = scheduleReview(card, { rating: graded.rating, durationMs: body.durationMs, outcome: graded.outcome }, now, settings, weights);
      } catch (error) {
        if (error instanceof RangeError) throw new AppError(ErrorCode.DRILL_REVIEW_REFUSED, `The review cannot be applied: ${error.message}`);
        throw error;
      }
      const { card: after, log } = scheduled;
      await tx.query(UPDATE_CARD, cardParams(after));
      await tx.query(
        `INSERT INTO srs_reviews (id, card_id, user_id, question_id, question_version_id, reviewed_at, local_day, rating, suggested_rating,
            rating_source, response, status, score, correct, guessed, duration_ms, expected_seconds, elapsed_days, predicted_recall,
            desired_retention, timezone, day_start_hour, leech_triggered, state_before, state_after)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24::jsonb, $25::jsonb)`,
        [
          body.reviewId,
          card.id,
          userId,
          body.questionId,
          version.id,
          now,
          log.localDay,
          log.rating,
          log.suggestedRating,
          log.source,
          graded.response === null ? null : JSON.stringify(graded.response),
          graded.status,
          graded.score,
          log.correct,
          log.guessed,
          log.durationMs,
          log.expectedSeconds,
          log.elapsedDays,
          log.retrievability,
          log.desiredRetention,
          log.timezone,
          log.dayStartHour,
          log.leechTriggered,
          JSON.stringify(log.before),
          JSON.stringify(log.after),
        ],
      );
      return body.reviewId;
    });
  }

  /** The verdict and the rating to apply: auto-graded types suggest one, flashcards and essays are self-rated. */
  private gradeAnswer(
    type: string,
    key: AnswerKey,
    body: SubmitReviewDto,
    expectedSeconds: number,
  ): { rating: SrsRating; outcome: Omit<AutoGradeOutcome, 'durationMs'> | null; status: string; score: number | null; response: object | null } {
    let response: object | null = null;
    if (body.response !== undefined) {
      const validation = validateResponse(type, body.response);
      if (!validation.ok) throw new AppError(ErrorCode.RESPONSE_INVALID, `Not a valid ${type} response: ${validation.message}`);
      response = validation.response;
    }
    if (SELF_RATED_TYPES.has(type)) {
      if (body.guessed !== undefined) throw invalid('guessed', `a ${type} question is self-rated; "I guessed" does not apply`);
      const self = body.selfRating === undefined ? undefined : SELF_RATINGS[body.selfRating - 1];
      const rating = body.rating ?? self;
      if (rating === undefined) throw invalid('selfRating', `a ${type} question is self-rated: send selfRating (1-4) or rating`);
      return { rating, outcome: null, status: 'self-rated', score: null, response };
    }
    if (body.selfRating !== undefined) throw invalid('selfRating', `a ${type} question is graded on the server; use rating to override`);
    // No response at all is "show me the answer": not recalled.
    const result = response === null ? { score: 0, status: 'unanswered' } : grade(key, response as Parameters<typeof grade>[1]);
    const outcome = { correct: result.status === 'correct', guessed: body.guessed ?? false, expectedSeconds };
    const rating = body.rating ?? suggestRating({ ...outcome, durationMs: body.durationMs });
    return { rating, outcome, status: result.status, score: result.score, response };
  }

  // --- Code-task cards (issue 14): judged by the hidden tests, the verdict rates the card.

  /** Queues the judging of the learner's code for a code-task card; follow it at /judge/runs/{id}. */
  judgeCard(userId: string, questionId: string, files: Record<string, string>): Promise<JudgeRunDto> {
    return this.judge.createDrillRun(userId, questionId, files);
  }

  /** A code-task card is graded by a finished judge run of its current version (mapping: judgeReviewOutcome in libs/domain). */
  private async gradeTask(
    userId: string,
    versionId: string,
    key: AnswerKey,
    body: SubmitReviewDto,
  ): Promise<{ rating: SrsRating; outcome: Omit<AutoGradeOutcome, 'durationMs'>; status: string; score: number; response: object }> {
    if (body.selfRating !== undefined) throw invalid('selfRating', 'a code task is graded by the judge; use rating to override');
    if (body.guessed !== undefined) throw invalid('guessed', 'a code task is graded by the judge; "I guessed" does not apply');
    if (body.response !== undefined) throw invalid('response', 'a code task is answered by judgeRunId (the judged code), not a response');
    if (body.judgeRunId === undefined) throw invalid('judgeRunId', 'a code task is graded by the judge: send the judgeRunId of your judged code');
    const run = await this.judge.drillVerdict(userId, body.judgeRunId, versionId);
    const outcome = judgeReviewOutcome(run.verdict);
    if (!outcome) throw new AppError(ErrorCode.DRILL_JUDGE_RUN_INVALID, 'The judge failed on this run (not your code); judge it again, then review.');
    const result = key.type === 'code-task' ? gradeFromJudge(key, run) : { score: 0, status: 'incorrect' };
    const rating = body.rating ?? suggestRating({ ...outcome, durationMs: body.durationMs });
    return { rating, outcome, status: result.status, score: result.score ?? 0, response: { type: 'code-task', files: run.files } };
  }

  /** Undo (Ctrl+Z): only the card's latest review, and only while the card is as that review left it. */
  async undo(userId: string, reviewId: string): Promise<UndoResultDto> {
    return this.db.transaction(async (tx) => {
      const [review] = (await tx.query(
        `SELECT r.card_id, r.question_id, r.undone_at, r.state_before, r.state_after, r.reviewed_at FROM srs_reviews r WHERE r.id = $1 AND r.user_id = $2`,
        [reviewId, userId],
      )) as Array<{ card_id: string | null; question_id: string; undone_at: Date | null; state_before: CardJson; state_after: CardJson; reviewed_at: Date }>;
      if (!review) throw new AppError(ErrorCode.DRILL_REVIEW_NOT_FOUND, 'No review with that id.');
      if (review.undone_at !== null) throw new AppError(ErrorCode.DRILL_UNDO_REFUSED, 'This review was already undone.');
      if (review.card_id === null) throw new AppError(ErrorCode.DRILL_UNDO_REFUSED, 'The card of this review has left the deck.');
      const card = await this.card(tx, userId, review.question_id, 'FOR UPDATE');
      const [latest] = (await tx.query(
        `SELECT id FROM srs_reviews WHERE card_id = $1 AND undone_at IS NULL ORDER BY reviewed_at DESC, id DESC LIMIT 1`,
        [card.id],
      )) as Array<{ id: string }>;
      if (latest?.id !== reviewId) throw new AppError(ErrorCode.DRILL_UNDO_REFUSED, 'Only the latest review of a card can be undone.');
      let before: SrsCard;
      try {
        before = undoReview(card, {
          cardId: card.id,
          before: cardFromJson(review.state_before),
          after: cardFromJson(review.state_after),
        } as Parameters<typeof undoReview>[1]);
      } catch (error) {
        if (error instanceof RangeError) throw new AppError(ErrorCode.DRILL_UNDO_REFUSED, 'The card has changed since this review (suspended or unsuspended); it cannot be undone.');
        throw error;
      }
      await tx.query(UPDATE_CARD, cardParams(before));
      await tx.query(`UPDATE srs_reviews SET undone_at = $2 WHERE id = $1`, [reviewId, this.clock.now()]);
      return { reviewId, card: mapCardState(review.question_id, before) };
    });
  }

  async stats(userId: string): Promise<DrillStatsDto> {
    const now = this.clock.now();
    const { settings, weights } = await this.settingsOf(this.db, userId);
    const today = localDayNumber(now, settings);
    const from = localDayStart(dayString(today - STATS_DAYS + 1), settings);
    const reviews: Array<{ reviewed_at: Date; rating: SrsRating; before_state: string; topic_id: string }> = await this.db.query(
      `SELECT r.reviewed_at, r.rating, r.state_before->>'state' AS before_state, q.topic_id
         FROM srs_reviews r JOIN questions q ON q.id = r.question_id
        WHERE r.user_id = $1 AND r.undone_at IS NULL AND r.reviewed_at >= $2 AND r.reviewed_at <= $3`,
      [userId, from, now],
    );
    const cards: Array<CardRow & { topic_id: string; live: boolean }> = await this.db.query(
      `SELECT ${CARD_COLUMNS}, q.topic_id, (${LIVE}) AS live FROM srs_cards c JOIN questions q ON q.id = c.question_id WHERE c.user_id = $1`,
      [userId],
    );
    // The streak looks at every day, not only the last 30: each review keeps the local day it was made on.
    const reviewDays: Array<{ day: string }> = await this.db.query(
      `SELECT DISTINCT to_char(local_day, 'YYYY-MM-DD') AS day FROM srs_reviews WHERE user_id = $1 AND undone_at IS NULL AND reviewed_at <= $2`,
      [userId, now],
    );
    const optimization = await this.latestOptimization(userId);
    const perDay = new Map<number, { count: number; again: number }>();
    const topics = new Map<string, TopicRetentionDto>();
    const topicOf = (topic: string): TopicRetentionDto => {
      let t = topics.get(topic);
      if (!t) topics.set(topic, (t = { topic, cards: 0, reviews: 0, trueRetention: null }));
      return t;
    };
    const passed = new Map<string, number>();
    let matureReviews = 0;
    let matureRecalled = 0;
    for (const r of reviews) {
      const day = localDayNumber(r.reviewed_at, settings);
      const entry = perDay.get(day) ?? { count: 0, again: 0 };
      entry.count += 1;
      if (r.rating === 'again') entry.again += 1;
      perDay.set(day, entry);
      // True retention counts reviews of cards that had graduated: learning steps say nothing about memory.
      if (r.before_state !== 'review') continue;
      matureReviews += 1;
      const recalled = r.rating !== 'again' ? 1 : 0;
      matureRecalled += recalled;
      topicOf(r.topic_id).reviews += 1;
      passed.set(r.topic_id, (passed.get(r.topic_id) ?? 0) + recalled);
    }
    const forecast = new Map<number, number>();
    for (const c of cards) {
      topicOf(c.topic_id).cards += 1;
      if (c.suspended || c.state === 'new') continue;
      const day = Math.max(today, localDayNumber(c.due, settings));
      forecast.set(day, (forecast.get(day) ?? 0) + 1);
    }
    for (const t of topics.values()) t.trueRetention = t.reviews > 0 ? (passed.get(t.topic) ?? 0) / t.reviews : null;
    const days = Array.from({ length: STATS_DAYS }, (_, i) => i);
    return {
      day: dayString(today),
      timezone: settings.timezone,
      // The queue's definition (GET /drills/due counts live cards the same way), not the forecast's
      // today bucket, which also holds learning steps that end later today.
      dueToday: countDueToday(
        cards.filter((c) => c.live).map(cardFrom),
        now,
        settings,
      ),
      streak: reviewStreak(
        reviewDays.map((r) => Math.round(Date.parse(`${r.day}T00:00:00Z`) / DAY_MS)),
        today,
      ),
      suspendedCount: cards.filter((c) => c.suspended).length,
      leechCount: cards.filter((c) => c.leech).length,
      personalWeights: weights !== undefined,
      optimization,
      reviewsPerDay: days.map((i) => {
        const day = today - STATS_DAYS + 1 + i;
        const entry = perDay.get(day);
        return { day: dayString(day), count: entry?.count ?? 0, again: entry?.again ?? 0 };
      }),
      retention: { trueRetention: matureReviews > 0 ? matureRecalled / matureReviews : null, desiredRetention: settings.desiredRetention, reviews: matureReviews },
      forecast: days.map((i) => ({ day: dayString(today + i), count: forecast.get(today + i) ?? 0 })),
      byTopic: [...topics.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0)),
    };
  }

  private async latestOptimization(userId: string): Promise<DrillOptimizationDto | null> {
    const [row] = (await this.db.query(
      `SELECT evaluated_at, reason, outcome, review_count, item_count, current_log_loss, current_rmse, fitted_log_loss, fitted_rmse
         FROM srs_optimizations WHERE user_id = $1 ORDER BY evaluated_at DESC LIMIT 1`,
      [userId],
    )) as OptimizationRow[];
    return row ? mapOptimization(row) : null;
  }

  /** The learner's cards with their titles: all, or only the suspended ones (leeches first). */
  async deck(userId: string, query: DeckQueryDto): Promise<DeckListDto> {
    const rows: Array<CardRow & { title: string; topic_id: string }> = await this.db.query(
      `SELECT ${CARD_COLUMNS}, v.title, q.topic_id
         FROM srs_cards c
         JOIN questions q ON q.id = c.question_id
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE c.user_id = $1 ${query.filter === 'suspended' ? 'AND c.suspended' : ''}
        ORDER BY c.leech DESC, c.lapses DESC, c.due, c.question_id
        LIMIT 2000`,
      [userId],
    );
    return {
      cards: rows.map((r) => ({
        ...mapCardState(r.question_id, cardFrom(r)),
        title: r.title,
        topic: r.topic_id,
        lastReview: r.last_review ? r.last_review.toISOString() : null,
      })),
    };
  }

  /**
   * Questions learners keep forgetting, across all learners: lapses (Again on a graduated card) per
   * review of a graduated card. Learning-step reviews say nothing about a question, so they are left out.
   */
  async lapseHeavy(query: LapseHeavyQueryDto): Promise<LapseHeavyListDto> {
    const minReviews = query.minReviews ?? 5;
    const rows: Array<{ question_id: string; title: string; topic_id: string; learners: number; reviews: number; lapses: number; leeches: number }> =
      await this.db.query(
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
        [minReviews, query.limit ?? 50],
      );
    return {
      minReviews,
      questions: rows.map((r) => ({
        questionId: r.question_id,
        title: r.title,
        topic: r.topic_id,
        learners: r.learners,
        reviews: r.reviews,
        lapses: r.lapses,
        lapseRate: r.reviews > 0 ? r.lapses / r.reviews : 0,
        leeches: r.leeches,
      })),
    };
  }
}
