import { cloneCard, isLeechLapse, sameCard, type SrsCard, type SrsCardState } from './card';
import { DAY_MS, fromLearnerTimeline, localDay, localDayNumber, toLearnerTimeline } from './local-day';
import { ratingSource, SRS_RATINGS, type RatingSource, type ReviewAnswer, type SrsRating } from './rating';
import { assertSrsSettings, type SrsSettings } from './settings';
import { default_w, fsrs, Rating, State, StrategyMode, type FSRS, type FsrsCard, type Grade, type StepUnit } from './ts-fsrs';

/**
 * Card scheduling over ts-fsrs (FSRS-6). Pure: the caller passes `now` and the learner's settings
 * and stores what comes back. ts-fsrs only ever sees the learner-day timeline (see local-day.ts);
 * results are shifted back to real instants before they leave this file.
 */

/** FSRS-6 weights (w0..w20): the defaults, or a learner's fitted ones. */
export type FsrsWeights = readonly number[];
export const FSRS_WEIGHT_COUNT = 21;
export const DEFAULT_FSRS_WEIGHTS: FsrsWeights = Object.freeze([...default_w]);

const GRADES: Record<SrsRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
const TO_FSRS_STATE: Record<SrsCardState, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };
const FROM_FSRS_STATE: Record<State, SrsCardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

/** One review, as appended to the review log: enough to replay it, undo it, and re-test the rating rules. */
export interface SrsReviewLog {
  cardId: string;
  reviewedAt: Date;
  /** The learner's settings that defined "day" for this review. */
  timezone: string;
  dayStartHour: number;
  /** Learner-local day of the review, "YYYY-MM-DD". */
  localDay: string;
  rating: SrsRating;
  source: RatingSource;
  /** What auto-grading suggested; null for self-rated questions. */
  suggestedRating: SrsRating | null;
  /** Raw auto-grading result, null when self-rated. */
  correct: boolean | null;
  guessed: boolean | null;
  durationMs: number;
  expectedSeconds: number | null;
  /** Learner-local days since the previous review (0 for a new card or the same day). */
  elapsedDays: number;
  /** Predicted probability of recall at review time; null for a new card (no memory yet). */
  retrievability: number | null;
  desiredRetention: number;
  /** This review made the card a leech and suspended it. */
  leechTriggered: boolean;
  before: SrsCard;
  after: SrsCard;
}

export interface ScheduledReview {
  card: SrsCard;
  log: SrsReviewLog;
}

export interface IntervalPreview {
  due: Date;
  /** Days out when scheduled in days; 0 for a (re)learning step (then see `due`). */
  scheduledDays: number;
  state: SrsCardState;
}

function checkWeights(weights: FsrsWeights): void {
  if (weights.length !== FSRS_WEIGHT_COUNT || !weights.every(Number.isFinite)) {
    throw new RangeError(`FSRS-6 needs ${FSRS_WEIGHT_COUNT} finite weights, got ${weights.length}`);
  }
}

function checkNow(card: SrsCard, now: Date): void {
  if (Number.isNaN(now.getTime())) throw new RangeError('now is not a valid date');
  if (card.lastReview !== null && now.getTime() < card.lastReview.getTime()) {
    throw new RangeError(`card ${card.id} was last reviewed after ${now.toISOString()}`);
  }
}

/**
 * A scheduler for one review of `card`. ts-fsrs's default fuzz seed mixes in the review time (and
 * its card-id strategy concatenates id and reps, so "a1"+12 and "a11"+2 collide); ours is the card
 * id and the repetition number this review makes, so the same history always gives the same
 * intervals, whatever the time of day of each review.
 */
function schedulerFor(card: SrsCard, settings: SrsSettings, weights: FsrsWeights | undefined): FSRS {
  assertSrsSettings(settings);
  if (weights !== undefined) checkWeights(weights);
  const seed = `${card.id}:${card.reps + 1}`;
  return fsrs({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumIntervalDays,
    w: [...(weights ?? DEFAULT_FSRS_WEIGHTS)],
    enable_fuzz: true,
    enable_short_term: true,
    learning_steps: settings.learningSteps as StepUnit[],
    relearning_steps: settings.relearningSteps as StepUnit[],
  }).useStrategy(StrategyMode.SEED, () => seed);
}

function toFsrs(card: SrsCard, settings: SrsSettings): FsrsCard {
  return {
    due: toLearnerTimeline(card.due, settings),
    stability: card.stability,
    difficulty: card.difficulty,
    // Deprecated in ts-fsrs and recomputed from last_review on every review.
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: TO_FSRS_STATE[card.state],
    ...(card.lastReview === null ? {} : { last_review: toLearnerTimeline(card.lastReview, settings) }),
  };
}

/**
 * Back to a real instant. A day-scale due keeps the review's local wall time n local days later
 * (so its local day is exactly n days on, across DST); a (re)learning step keeps its real length
 * (a 10-minute step is 10 minutes even across the skipped hour). ts-fsrs caps each interval at the
 * maximum but then spreads Hard < Good < Easy a day apart, which can pass the cap; we cap again.
 */
function fromFsrsSchedule(next: FsrsCard, now: Date, shiftedNow: Date, settings: SrsSettings): { due: Date; scheduledDays: number } {
  if (next.scheduled_days > settings.maximumIntervalDays) {
    const scheduledDays = settings.maximumIntervalDays;
    return { scheduledDays, due: fromLearnerTimeline(new Date(shiftedNow.getTime() + scheduledDays * DAY_MS), settings) };
  }
  if (next.scheduled_days >= 1) return { scheduledDays: next.scheduled_days, due: fromLearnerTimeline(next.due, settings) };
  return { scheduledDays: next.scheduled_days, due: new Date(now.getTime() + (next.due.getTime() - shiftedNow.getTime())) };
}

function fromFsrs(base: SrsCard, next: FsrsCard, now: Date, shiftedNow: Date, settings: SrsSettings): SrsCard {
  return {
    ...cloneCard(base),
    ...fromFsrsSchedule(next, now, shiftedNow, settings),
    state: FROM_FSRS_STATE[next.state],
    stability: next.stability,
    difficulty: next.difficulty,
    learningSteps: next.learning_steps,
    reps: next.reps,
    lapses: next.lapses,
    lastReview: new Date(now),
  };
}

/** Learner-local days since the card's last review; 0 for a new card. */
export function elapsedLocalDays(card: SrsCard, now: Date, settings: SrsSettings): number {
  if (card.state === 'new' || card.lastReview === null) return 0;
  return Math.max(0, localDayNumber(now, settings) - localDayNumber(card.lastReview, settings));
}

/** Predicted probability of recall at `now` (FSRS forgetting curve over local days); null for a new card. */
export function retrievability(card: SrsCard, now: Date, settings: SrsSettings, weights?: FsrsWeights): number | null {
  if (card.state === 'new' || card.lastReview === null) return null;
  return schedulerFor(card, settings, weights).forgetting_curve(elapsedLocalDays(card, now, settings), card.stability);
}

export function scheduleReview(card: SrsCard, answer: ReviewAnswer, now: Date, settings: SrsSettings, weights?: FsrsWeights): ScheduledReview {
  checkNow(card, now);
  if (card.suspended) throw new RangeError(`card ${card.id} is suspended`);
  const { suggested, source } = ratingSource(answer);
  const scheduler = schedulerFor(card, settings, weights);
  const shiftedNow = toLearnerTimeline(now, settings);
  const next = scheduler.next(toFsrs(card, settings), shiftedNow, GRADES[answer.rating]).card;
  const after = fromFsrs(card, next, now, shiftedNow, settings);
  const leechTriggered = after.lapses > card.lapses && isLeechLapse(after.lapses);
  if (leechTriggered) {
    after.leech = true;
    after.suspended = true;
  }
  const elapsedDays = elapsedLocalDays(card, now, settings);
  return {
    card: after,
    log: {
      cardId: card.id,
      reviewedAt: new Date(now),
      timezone: settings.timezone,
      dayStartHour: settings.dayStartHour,
      localDay: localDay(now, settings),
      rating: answer.rating,
      source,
      suggestedRating: suggested,
      correct: answer.outcome?.correct ?? null,
      guessed: answer.outcome?.guessed ?? null,
      durationMs: answer.durationMs,
      expectedSeconds: answer.outcome?.expectedSeconds ?? null,
      elapsedDays,
      retrievability: card.state === 'new' ? null : scheduler.forgetting_curve(elapsedDays, card.stability),
      desiredRetention: settings.desiredRetention,
      leechTriggered,
      before: cloneCard(card),
      after: cloneCard(after),
    },
  };
}

/** Where each of the four rating buttons would send the card: what `scheduleReview` would do. */
export function previewIntervals(card: SrsCard, now: Date, settings: SrsSettings, weights?: FsrsWeights): Record<SrsRating, IntervalPreview> {
  checkNow(card, now);
  const scheduler = schedulerFor(card, settings, weights);
  const shiftedNow = toLearnerTimeline(now, settings);
  const preview = scheduler.repeat(toFsrs(card, settings), shiftedNow);
  const entries = SRS_RATINGS.map((rating): [SrsRating, IntervalPreview] => {
    const next = preview[GRADES[rating]].card;
    return [rating, { ...fromFsrsSchedule(next, now, shiftedNow, settings), state: FROM_FSRS_STATE[next.state] }];
  });
  return Object.fromEntries(entries) as Record<SrsRating, IntervalPreview>;
}

/** Short button label for an interval: "1m", "10m", "3h", "4d", "2.5mo", "1.2y". */
export function intervalLabel(preview: Pick<IntervalPreview, 'due' | 'scheduledDays'>, now: Date): string {
  const days = preview.scheduledDays;
  if (days >= 1) {
    if (days < 31) return `${days}d`;
    if (days < 365) return `${Math.round((days / 30.4) * 10) / 10}mo`;
    return `${Math.round((days / 365) * 10) / 10}y`;
  }
  const minutes = Math.max(1, Math.round((preview.due.getTime() - now.getTime()) / 60_000));
  return minutes < 60 ? `${minutes}m` : `${Math.round((minutes / 60) * 10) / 10}h`;
}

/**
 * Is the card due on the learner's today? Day-scale cards are due all of their local due day
 * (from the day-start hour); (re)learning steps are due at their exact time. New cards are never
 * "due": they are introduced by the daily new-card limit (see buildDueQueue). Suspended: never.
 */
export function isDue(card: SrsCard, now: Date, settings: SrsSettings): boolean {
  if (card.suspended || card.state === 'new') return false;
  if (card.scheduledDays >= 1) return localDayNumber(card.due, settings) <= localDayNumber(now, settings);
  return card.due.getTime() <= now.getTime();
}

/**
 * Undo (Ctrl+Z): the card exactly as it was before `log`'s review. Refused unless the card is
 * still exactly as that review left it, so only the latest review can be undone and a later
 * change (another review, an unsuspend) is never silently lost.
 */
export function undoReview(card: SrsCard, log: SrsReviewLog): SrsCard {
  if (card.id !== log.cardId) throw new RangeError(`review log of card ${log.cardId} cannot undo card ${card.id}`);
  if (!sameCard(card, log.after)) throw new RangeError(`card ${card.id} has changed since this review; only its last review can be undone`);
  return cloneCard(log.before);
}
