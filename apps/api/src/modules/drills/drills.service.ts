import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  buildDueQueue,
  countNewIntroducedToday,
  grade,
  gradeFromJudge,
  judgeReviewOutcome,
  localDay,
  localDayNumber,
  localDayStart,
  previewIntervals,
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
import { pageFromRows } from '../../common/http/paging';
import { ErrorCode } from '../../common/errors/error-codes';
import { AttemptReviewService } from '../attempts/attempt-review.service';
import type { JudgeRunDto } from '../judge/dto/judge.dto';
import { JudgeService } from '../judge/judge.service';
import { gradingKey, type GradingColumns } from '../questions/translated-text';
import {
  cardFrom,
  cardFromJson,
  dayString,
  mapCardState,
  mapDrillQuestion,
  mapPreviews,
  mapReviewResult,
  mapSettings,
  settingsFrom,
  type ReviewRow,
  type SettingsRow,
} from './drill-rows';
import { DrillsClock } from './drills-clock';
import { DrillsRepository, type CardSource, type NewReview, type ReviewContextRow } from './drills.repository';
import {
  AddToDeckDto,
  DeckChangeDto,
  DeckCardDto,
  DeckPageDto,
  DeckQueryDto,
  DrillCardStateDto,
  DrillSettingsDto,
  DueQueueDto,
  ReviewResultDto,
  SubmitReviewDto,
  UndoResultDto,
  UpdateDrillSettingsDto,
} from './dto/drills.dto';

const SELF_RATED_TYPES = new Set(['flashcard', 'essay']);
const SELF_RATINGS: readonly SrsRating[] = ['again', 'hard', 'good', 'easy'];
const UNIQUE_VIOLATION = '23505';

/** A graded answer and the card it schedules, at `now`: what a review appends. */
interface AppliedReview {
  graded: { status: string; score: number | null; response: object | null };
  scheduled: ScheduledReview;
  now: Date;
}

/** The settings columns of a review's context as the settings row they came from. */
function settingsRowOf(c: ReviewContextRow): SettingsRow {
  return {
    timezone: c.s_timezone,
    day_start_hour: c.s_day_start_hour,
    desired_retention: c.s_desired_retention,
    max_interval_days: c.s_max_interval_days,
    new_per_day: c.s_new_per_day,
    learning_steps: c.s_learning_steps,
    relearning_steps: c.s_relearning_steps,
    weights: c.s_weights,
  };
}

function invalid(field: string, message: string): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields.', [{ field, message }]);
}

@Injectable()
export class DrillsService {
  private templates?: RoleTemplate[];

  constructor(
    private readonly repo: DrillsRepository,
    private readonly attempts: AttemptReviewService,
    private readonly clock: DrillsClock,
    private readonly judge: JudgeService,
  ) {}

  async getSettings(userId: string): Promise<DrillSettingsDto> {
    const { settings, weights } = await this.repo.settings(userId);
    return mapSettings(settings, weights !== undefined);
  }

  async updateSettings(userId: string, body: UpdateDrillSettingsDto): Promise<DrillSettingsDto> {
    const current = await this.repo.settings(userId);
    const defined = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<SrsSettings>;
    const settings: SrsSettings = { ...current.settings, ...defined };
    const problems = srsSettingsProblems(settings);
    if (problems.length > 0) throw new AppError(ErrorCode.VALIDATION_FAILED, 'The drill settings are invalid.', problems);
    await this.repo.saveSettings(userId, settings);
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
      ids = await this.repo.liveIdsOfTopic(body.topic);
    } else if (body.questionIds !== undefined) {
      source = 'question';
      const found = new Set(await this.repo.liveIdsAmong(body.questionIds));
      const missing = body.questionIds.filter((id) => !found.has(id));
      if (missing.length > 0) throw new AppError(ErrorCode.QUESTION_NOT_FOUND, `No question with id ${missing.slice(0, 5).map((m) => `"${m.slice(0, 80)}"`).join(', ')}.`);
      ids = body.questionIds;
    } else if (body.attemptId !== undefined) {
      source = 'attempt';
      const all = await this.attempts.questionIdsOf({ kind: 'learner', userId }, body.attemptId, body.onlyMissed ?? true);
      ids = await this.repo.liveIdsAmong(all);
    } else {
      source = 'template';
      ids = await this.templateQuestionIds(body.template ?? '', body.level);
    }
    const now = this.clock.now();
    const added = await this.repo.addCards(userId, now, ids, source);
    const total = await this.repo.cardCount(userId);
    return { added, skipped: ids.length - added, total };
  }

  /** Every live question a role template's level can draw (its pools' topic, difficulty, types, tags). */
  private async templateQuestionIds(templateId: string, level: AddToDeckDto['level']): Promise<string[]> {
    this.templates ??= loadTemplates().templates;
    const template = this.templates.find((t) => t.id === templateId);
    if (!template || !level) throw new AppError(ErrorCode.TEMPLATE_NOT_FOUND, `No role template "${templateId.slice(0, 60)}".`);
    const rows = await this.repo.liveQuestionFacts();
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
    if (!(await this.repo.removeCard(userId, questionId))) throw this.cardNotFound(questionId);
  }

  private cardNotFound(questionId: string): AppError {
    return new AppError(ErrorCode.DRILL_CARD_NOT_FOUND, `"${questionId.slice(0, 80)}" is not in your drills.`);
  }

  /** The learner's card for a question, or 404: nobody learns about another learner's deck. */
  private async lockedCard(tx: EntityManager, userId: string, questionId: string): Promise<SrsCard> {
    const card = await this.repo.lockedCard(tx, userId, questionId);
    if (!card) throw this.cardNotFound(questionId);
    return card;
  }

  async setSuspended(userId: string, questionId: string, suspended: boolean): Promise<DrillCardStateDto> {
    return this.repo.transaction(async (tx) => {
      const card = await this.lockedCard(tx, userId, questionId);
      const next = suspended ? suspendCard(card) : unsuspendCard(card);
      await this.repo.updateCard(tx, next);
      return mapCardState(questionId, next);
    });
  }

  /** Today's queue: due cards, then new ones within the daily limit, each with its four intervals. */
  async due(userId: string, contentLocale: ContentLocale = 'en'): Promise<DueQueueDto> {
    const now = this.clock.now();
    const { settings, weights } = await this.repo.settings(userId);
    const today = localDayNumber(now, settings);
    const dayStart = localDayStart(dayString(today), settings);
    const tomorrow = localDayStart(dayString(today + 1), settings);
    const rows = await this.repo.dueCards(userId, tomorrow, contentLocale);
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
    const logs = await this.repo.newCardReviews(userId, from, to);
    return countNewIntroducedToday(
      logs.map((l) => ({ reviewedAt: l.reviewed_at, before: cardFromJson(l.state_before) })),
      now,
      settings,
    );
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
    return (await this.reviewInTwoStatements(userId, body, contentLocale)) ?? this.reviewLocked(userId, body, contentLocale);
  }

  /**
   * The common review (a fresh id, an auto-graded or self-rated card, nothing else touching the card)
   * in two statements and no transaction: one read of the card, the key and the settings, then one
   * statement that appends the review and writes the card only if the card row is still the one read
   * (DrillsRepository.writeReviewIfUnchanged). The result is what the locked transaction would have
   * written at that moment. Undefined whenever anything else holds (the id seen before, a code task,
   * a suspended card, any refusal, the card changed meanwhile): reviewLocked then decides as before.
   */
  private async reviewInTwoStatements(userId: string, body: SubmitReviewDto, contentLocale: ContentLocale): Promise<ReviewResultDto | undefined> {
    const context = await this.repo.reviewContext(userId, body.questionId, body.reviewId);
    if (!context || context.id_taken || context.suspended) return undefined;
    if (context.version_id === null || context.version_type === null || context.answer_key === null || context.version_type === 'code-task') return undefined;
    const version = { id: context.version_id, type: context.version_type, answer_key: gradingKey(context as GradingColumns), expected_seconds: context.expected_seconds as number };
    const { settings, weights } = settingsFrom(context.has_settings ? settingsRowOf(context) : undefined);
    const card = cardFrom(context);
    let applied: AppliedReview;
    try {
      const graded = this.gradeAnswer(version.type, version.answer_key, body, version.expected_seconds);
      const now = this.clock.now();
      applied = { graded, now, scheduled: scheduleReview(card, { rating: graded.rating, durationMs: body.durationMs, outcome: graded.outcome }, now, settings, weights) };
    } catch {
      return undefined;
    }
    const stored = await this.repo.writeReviewIfUnchanged(context.card_version, applied.scheduled.card, this.newReview(userId, body, card, version.id, applied), contentLocale);
    return stored ? mapReviewResult(stored, contentLocale) : undefined;
  }

  /** The review row to append, from the graded answer and the scheduled card. */
  private newReview(
    userId: string,
    body: SubmitReviewDto,
    card: SrsCard,
    versionId: string,
    applied: AppliedReview,
  ): NewReview {
    const { log } = applied.scheduled;
    return {
      id: body.reviewId,
      cardId: card.id,
      userId,
      questionId: body.questionId,
      versionId,
      reviewedAt: applied.now,
      localDay: log.localDay,
      rating: log.rating,
      suggestedRating: log.suggestedRating,
      source: log.source,
      response: applied.graded.response,
      status: applied.graded.status,
      score: applied.graded.score,
      correct: log.correct,
      guessed: log.guessed,
      durationMs: log.durationMs,
      expectedSeconds: log.expectedSeconds,
      elapsedDays: log.elapsedDays,
      predictedRecall: log.retrievability,
      desiredRetention: log.desiredRetention,
      timezone: log.timezone,
      dayStartHour: log.dayStartHour,
      leechTriggered: log.leechTriggered,
      before: log.before,
      after: log.after,
    };
  }

  /** The review with the stored-id check first and the card held FOR UPDATE in a transaction: every case decided here. */
  private async reviewLocked(userId: string, body: SubmitReviewDto, contentLocale: ContentLocale): Promise<ReviewResultDto> {
    const earlier = await this.repo.storedReview(body.reviewId, contentLocale);
    if (earlier) return this.replay(earlier, userId, body.questionId, contentLocale);
    const reviewId = await this.applyReview(userId, body).catch((error: unknown) => {
      // The same id sent for two different cards at once: the second insert hits the primary key.
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw new AppError(ErrorCode.DRILL_REVIEW_ID_CONFLICT, 'This review id was already used for another review; send a new one.');
      }
      throw error;
    });
    const stored = await this.repo.storedReview(reviewId, contentLocale);
    if (!stored) throw new Error(`review ${reviewId} vanished after its commit`);
    return mapReviewResult(stored, contentLocale);
  }

  private applyReview(userId: string, body: SubmitReviewDto): Promise<string> {
    return this.repo.transaction(async (tx) => {
      const card = await this.lockedCard(tx, userId, body.questionId);
      const raced = await this.repo.storedReview(body.reviewId, 'en', tx);
      if (raced) return this.replay(raced, userId, body.questionId).reviewId;
      if (card.suspended) throw new AppError(ErrorCode.DRILL_CARD_SUSPENDED, 'This card is suspended; unsuspend it to review it.');
      const version = await this.repo.gradingVersion(tx, body.questionId);
      if (!version) throw this.cardNotFound(body.questionId);
      const graded =
        version.type === 'code-task'
          ? await this.gradeTask(userId, version.id, version.answer_key, body)
          : this.gradeAnswer(version.type, version.answer_key, body, version.expected_seconds);
      const { settings, weights } = await this.repo.settings(userId, tx);
      const now = this.clock.now();
      let scheduled: ScheduledReview;
      try {
        scheduled = scheduleReview(card, { rating: graded.rating, durationMs: body.durationMs, outcome: graded.outcome }, now, settings, weights);
      } catch (error) {
        if (error instanceof RangeError) throw new AppError(ErrorCode.DRILL_REVIEW_REFUSED, `The review cannot be applied: ${error.message}`);
        throw error;
      }
      await this.repo.updateCard(tx, scheduled.card);
      await this.repo.insertReview(tx, this.newReview(userId, body, card, version.id, { graded, scheduled, now }));
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
    return this.repo.transaction(async (tx) => {
      const review = await this.repo.undoableReview(tx, reviewId, userId);
      if (!review) throw new AppError(ErrorCode.DRILL_REVIEW_NOT_FOUND, 'No review with that id.');
      if (review.undone_at !== null) throw new AppError(ErrorCode.DRILL_UNDO_REFUSED, 'This review was already undone.');
      if (review.card_id === null) throw new AppError(ErrorCode.DRILL_UNDO_REFUSED, 'The card of this review has left the deck.');
      const card = await this.lockedCard(tx, userId, review.question_id);
      const latest = await this.repo.latestReviewId(tx, card.id);
      if (latest !== reviewId) throw new AppError(ErrorCode.DRILL_UNDO_REFUSED, 'Only the latest review of a card can be undone.');
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
      await this.repo.updateCard(tx, before);
      await this.repo.markUndone(tx, reviewId, this.clock.now());
      return { reviewId, card: mapCardState(review.question_id, before) };
    });
  }

  /** The learner's cards with their titles: all, or only the suspended ones (leeches first). */
  /** One page of the deck, read in SQL (LIMIT/OFFSET and a window count). */
  async deck(userId: string, query: DeckQueryDto, window: { limit: number; offset: number }): Promise<DeckPageDto> {
    const suspended = query.filter === 'suspended';
    const page = await pageFromRows(
      await this.repo.deck(userId, suspended, window),
      window,
      (r): DeckCardDto => ({
        ...mapCardState(r.question_id, cardFrom(r)),
        title: r.title,
        topic: r.topic_id,
        lastReview: r.last_review ? r.last_review.toISOString() : null,
      }),
      () => this.repo.countDeck(userId, suspended),
    );
    return { cards: page.items, total: page.total, limit: page.limit, offset: page.offset };
  }
}
