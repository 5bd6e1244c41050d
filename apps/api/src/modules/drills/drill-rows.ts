import type { ContentLocale } from '../../common/i18n/content-locale';
import { contentLocaleInfo, deliveredText, reviewedText, type TranslationColumns, type TranslationReviewColumns } from '../questions/translated-text';
import { shownOutsideAttempt } from '../attempts/attempt.mappers';
import {
  DAY_MS,
  DEFAULT_SRS_SETTINGS,
  intervalLabel,
  type AnswerKey,
  type IntervalPreview,
  type SrsCard,
  type SrsCardState,
  type SrsRating,
  type SrsSettings,
} from '@goprep/domain';
import type { DrillCardStateDto, DrillOptimizationDto, DrillQuestionDto, DrillSettingsDto, IntervalPreviewsDto, ReviewResultDto } from './dto/drills.dto';

type StoredOption = { id: string; text: string; correct: boolean; feedback?: string };

/** Columns of `srs_settings` as raw queries return them. */
export interface SettingsRow {
  timezone: string;
  day_start_hour: number;
  desired_retention: number;
  max_interval_days: number;
  new_per_day: number;
  learning_steps: string[];
  relearning_steps: string[];
  weights: number[] | null;
}

export interface CardRow {
  id: string;
  question_id: string;
  state: SrsCardState;
  due: Date;
  stability: number;
  difficulty: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  last_review: Date | null;
  suspended: boolean;
  leech: boolean;
}

export interface DeliveryRow extends Partial<TranslationColumns> {
  question_id: string;
  version: number;
  title: string;
  topic_id: string;
  question_difficulty: number;
  type: string;
  prompt: string;
  code: string | null;
  unit: string | null;
  expected_seconds: number;
  options: Array<{ id: string; text: string; side?: 'left' | 'right' }> | null;
  /** code-task: starter files and visible tests (DRILL_TASK_COLUMN); absent where not selected. */
  task?: { files: string[]; starter: Record<string, string>; visibleTests: Record<string, string> } | null;
}

/** A review joined with the version it was graded against: the only query that selects key columns. */
export interface ReviewRow extends Partial<TranslationReviewColumns> {
  id: string;
  user_id: string;
  question_id: string;
  version: number;
  reviewed_at: Date;
  rating: SrsRating;
  suggested_rating: SrsRating | null;
  rating_source: string;
  status: string;
  score: string | null;
  correct: boolean | null;
  leech_triggered: boolean;
  state_after: CardJson;
  undone_at: Date | null;
  answer_key: AnswerKey;
  explanation: string;
  references: string[];
  key_options: StoredOption[] | null;
}

/** An SrsCard as stored in jsonb (dates as ISO strings). */
export type CardJson = Omit<SrsCard, 'due' | 'lastReview'> & { due: string; lastReview: string | null };

export function settingsFrom(row: SettingsRow | undefined): { settings: SrsSettings; weights?: number[] } {
  if (!row) return { settings: { ...DEFAULT_SRS_SETTINGS } };
  return {
    settings: {
      timezone: row.timezone,
      dayStartHour: row.day_start_hour,
      desiredRetention: row.desired_retention,
      maximumIntervalDays: row.max_interval_days,
      newCardsPerDay: row.new_per_day,
      learningSteps: row.learning_steps,
      relearningSteps: row.relearning_steps,
    },
    ...(row.weights ? { weights: row.weights } : {}),
  };
}

export function mapSettings(settings: SrsSettings, personalWeights: boolean): DrillSettingsDto {
  return {
    timezone: settings.timezone,
    dayStartHour: settings.dayStartHour,
    desiredRetention: settings.desiredRetention,
    maximumIntervalDays: settings.maximumIntervalDays,
    newCardsPerDay: settings.newCardsPerDay,
    learningSteps: [...settings.learningSteps],
    relearningSteps: [...settings.relearningSteps],
    personalWeights,
  };
}

export function cardFrom(row: CardRow): SrsCard {
  return {
    id: row.id,
    state: row.state,
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduled_days,
    learningSteps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.last_review,
    suspended: row.suspended,
    leech: row.leech,
  };
}

export function cardFromJson(json: CardJson): SrsCard {
  return { ...json, due: new Date(json.due), lastReview: json.lastReview === null ? null : new Date(json.lastReview) };
}

/** The parameters of the statement that writes the whole card (DrillsRepository.updateCard): $1 id, $2.. the state. */
export function cardParams(card: SrsCard): unknown[] {
  return [
    card.id,
    card.state,
    card.due,
    card.stability,
    card.difficulty,
    card.scheduledDays,
    card.learningSteps,
    card.reps,
    card.lapses,
    card.lastReview,
    card.suspended,
    card.leech,
  ];
}

export function mapCardState(questionId: string, card: SrsCard): DrillCardStateDto {
  return {
    questionId,
    state: card.state,
    due: card.due.toISOString(),
    reps: card.reps,
    lapses: card.lapses,
    suspended: card.suspended,
    leech: card.leech,
  };
}

function drillOptions(shown: { options: Array<{ id: string; text: string }>; matchItems?: Array<{ id: string; text: string }> }, optionText: (id: string, text: string) => string) {
  const plain = (o: { id: string; text: string }) => ({ id: o.id, text: optionText(o.id, o.text) });
  return { options: shown.options.map(plain), ...(shown.matchItems ? { matchItems: shown.matchItems.map(plain) } : {}) };
}

/** Options keep their stored order (ordering and matching: a stable shuffle, see shownOutsideAttempt) and only id and text: `correct` and `feedback` are key material. */
export function mapDrillQuestion(row: DeliveryRow, locale: ContentLocale = 'en'): DrillQuestionDto {
  const text = deliveredText(row, locale);
  return {
    questionId: row.question_id,
    version: row.version,
    title: text.title,
    topic: row.topic_id,
    difficulty: row.question_difficulty,
    type: row.type,
    prompt: text.prompt,
    ...(row.code !== null ? { code: row.code } : {}),
    ...(text.unit !== null ? { unit: text.unit } : {}),
    ...(row.options ? drillOptions(shownOutsideAttempt(row.type, row.question_id, row.version, row.options), text.optionText) : {}),
    expectedSeconds: row.expected_seconds,
    ...(row.task ? { task: { files: [...row.task.files], starter: { ...row.task.starter }, visibleTests: { ...row.task.visibleTests } } } : {}),
    ...text.info,
  };
}

export function mapPreviews(previews: Record<SrsRating, IntervalPreview>, now: Date): IntervalPreviewsDto {
  const one = (p: IntervalPreview) => ({ label: intervalLabel(p, now), due: p.due.toISOString(), days: p.scheduledDays });
  return { again: one(previews.again), hard: one(previews.hard), good: one(previews.good), easy: one(previews.easy) };
}

export function mapReviewResult(row: ReviewRow, locale: ContentLocale = 'en'): ReviewResultDto {
  const after = row.state_after;
  // Drills show options in the bank's order (mapDrillQuestion), so that order gives the letters.
  const reviewed = reviewedText(row, locale, row.key_options?.map((o) => o.id));
  const info = contentLocaleInfo(row, locale);
  const optionTexts = new Map(info.contentLocale === 'en' ? [] : (row.tr_options ?? []).map((o) => [o.id, o.text]));
  return {
    reviewId: row.id,
    questionId: row.question_id,
    version: row.version,
    reviewedAt: row.reviewed_at.toISOString(),
    status: row.status,
    score: row.score === null ? null : Number(row.score),
    correct: row.correct,
    key: reviewed.key as unknown as Record<string, unknown>,
    explanation: reviewed.explanation,
    references: row.references,
    ...(row.key_options
      ? {
          options: row.key_options.map((o) => {
            const feedback = reviewed.feedback(o.id, o.feedback);
            return { id: o.id, text: optionTexts.get(o.id) ?? o.text, correct: o.correct, ...(feedback ? { feedback } : {}) };
          }),
        }
      : {}),
    ...info,
    suggestedRating: row.suggested_rating,
    rating: row.rating,
    ratingSource: row.rating_source,
    nextDue: new Date(after.due).toISOString(),
    scheduledDays: after.scheduledDays,
    state: after.state,
    lapses: after.lapses,
    leech: row.leech_triggered,
    suspended: after.suspended,
    undone: row.undone_at !== null,
  };
}

/** "YYYY-MM-DD" of a learner-local day number. */
export function dayString(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Columns of `srs_optimizations` the stats show. */
export interface OptimizationRow {
  evaluated_at: Date;
  reason: string;
  outcome: string;
  review_count: number;
  item_count: number;
  current_log_loss: number | null;
  current_rmse: number | null;
  fitted_log_loss: number | null;
  fitted_rmse: number | null;
}

export function mapOptimization(row: OptimizationRow): DrillOptimizationDto {
  return {
    evaluatedAt: row.evaluated_at.toISOString(),
    reason: row.reason,
    outcome: row.outcome,
    reviewCount: row.review_count,
    itemCount: row.item_count,
    currentLogLoss: row.current_log_loss,
    currentRmse: row.current_rmse,
    fittedLogLoss: row.fitted_log_loss,
    fittedRmse: row.fitted_rmse,
    switched: row.outcome === 'switched',
  };
}
