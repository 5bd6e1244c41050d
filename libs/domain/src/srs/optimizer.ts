import { DAY_MS } from './local-day';
import { SRS_RATINGS, type SrsRating } from './rating';
import { FSRS_WEIGHT_COUNT, type FsrsWeights } from './scheduler';

/**
 * The pure half of per-learner FSRS optimisation: turning a learner's review log into the
 * optimizer's training items, deciding when a learner is due for a fit, and deciding whether a fit
 * is worth switching to. The fitting itself (native code, @open-spaced-repetition/binding) lives
 * in the API; nothing here does I/O.
 */

/** One review as the optimizer needs it. */
export interface OptimizerReviewInput {
  /** Groups reviews into one card's history: the question id (a learner has one card per question). */
  cardKey: string;
  reviewedAt: Date;
  /** Learner-local day of the review ("YYYY-MM-DD"), as stored with it. */
  localDay: string;
  rating: SrsRating;
  /** The card was new before this review: a (re)added card starts a fresh history here. */
  newCard: boolean;
}

/** FSRSReview's fields: rating 1-4, days since the previous review in learner-local days (0 for the first). */
export interface TrainingReview {
  rating: 1 | 2 | 3 | 4;
  deltaT: number;
}

/** One FSRSItem: a card's reviews up to and including one review (the item's "current" review). */
export interface TrainingItem {
  /** When the item's last review happened; items are ordered by it (the time-split needs time order). */
  at: Date;
  cardKey: string;
  reviews: TrainingReview[];
}

/**
 * fsrs-rs trains the full model only from this many items whose last review is a long-term one
 * (delta_t > 0); below it the optimizer returns the defaults (under 8) or refits only the four
 * initial stabilities. Below it we keep the current parameters and do not evaluate at all.
 */
export const OPTIMIZER_MIN_ITEMS = 64;
/** A learner with fewer reviews than this is not even looked at (cheap pre-filter before building items). */
export const OPTIMIZER_MIN_REVIEWS = OPTIMIZER_MIN_ITEMS;
/** Refit at least this often once a learner has new reviews. */
export const OPTIMIZER_REFIT_DAYS = 30;
/** evaluateWithTimeSeriesSplits cuts the items into this many + 1 time-ordered segments. */
export const TIME_SPLIT_FOLDS = 5;

const RATING_NUMBER: Record<SrsRating, 1 | 2 | 3 | 4> = { again: 1, hard: 2, good: 3, easy: 4 };

function dayNumber(day: string): number {
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(ms)) throw new RangeError(`not a day: ${JSON.stringify(day)}`);
  return Math.round(ms / DAY_MS);
}

/**
 * The optimizer's training items from a learner's (not undone) reviews, in any order. Per card, the
 * reviews in time order; delta_t is the difference of learner-local days (stored per review, so a
 * learner who moved time zones keeps the days they lived). Every review after a history's first
 * gives one item holding the history up to it. Items come out ordered by their last review.
 */
export function buildTrainingItems(reviews: readonly OptimizerReviewInput[]): TrainingItem[] {
  const byCard = new Map<string, OptimizerReviewInput[]>();
  for (const review of reviews) {
    if (!SRS_RATINGS.includes(review.rating)) throw new RangeError(`unknown rating ${JSON.stringify(review.rating)}`);
    if (Number.isNaN(review.reviewedAt.getTime())) throw new RangeError('reviewedAt is not a valid date');
    const list = byCard.get(review.cardKey) ?? [];
    list.push(review);
    byCard.set(review.cardKey, list);
  }
  const items: TrainingItem[] = [];
  for (const [cardKey, list] of byCard) {
    list.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    let history: TrainingReview[] = [];
    let lastDay = 0;
    for (const review of list) {
      const day = dayNumber(review.localDay);
      if (review.newCard || history.length === 0) {
        history = [{ rating: RATING_NUMBER[review.rating], deltaT: 0 }];
      } else {
        history = [...history, { rating: RATING_NUMBER[review.rating], deltaT: Math.max(0, day - lastDay) }];
        items.push({ at: review.reviewedAt, cardKey, reviews: history });
      }
      lastDay = day;
    }
  }
  return items.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.cardKey < b.cardKey ? -1 : a.cardKey > b.cardKey ? 1 : 0));
}

/** Items the optimizer actually trains on: those whose last review is a long-term one (another day). */
export function longTermItemCount(items: readonly TrainingItem[]): number {
  return items.filter((item) => (item.reviews[item.reviews.length - 1]?.deltaT ?? 0) > 0).length;
}

/** Enough data for a real fit (see OPTIMIZER_MIN_ITEMS)? */
export function hasEnoughForFit(items: readonly TrainingItem[]): boolean {
  return longTermItemCount(items) >= OPTIMIZER_MIN_ITEMS;
}

/**
 * Where the time-split evaluation's test data starts: evaluateWithTimeSeriesSplits tests each fold
 * on one of the segments after the first, so items[start..] is every item it scored. The current
 * parameters are scored on exactly these items, which keeps the comparison like for like.
 */
export function timeSplitTestStart(itemCount: number, folds = TIME_SPLIT_FOLDS): number {
  if (!Number.isInteger(itemCount) || itemCount < 0) throw new RangeError('itemCount must be a whole number');
  return Math.floor(itemCount / (folds + 1));
}

export interface LastOptimization {
  evaluatedAt: Date;
  /** Reviews the learner had when it ran. */
  reviewCount: number;
}

export type OptimizationReason = 'first' | 'doubled' | 'monthly';

/**
 * Is a learner due for a fit? Not below OPTIMIZER_MIN_REVIEWS; then the first time, when the review
 * count has doubled since the last evaluation, or a month after it if there are new reviews.
 */
export function optimizationDue(now: Date, reviewCount: number, last: LastOptimization | null): OptimizationReason | null {
  if (reviewCount < OPTIMIZER_MIN_REVIEWS) return null;
  if (last === null) return 'first';
  if (reviewCount >= 2 * Math.max(1, last.reviewCount)) return 'doubled';
  if (reviewCount > last.reviewCount && now.getTime() - last.evaluatedAt.getTime() >= OPTIMIZER_REFIT_DAYS * DAY_MS) return 'monthly';
  return null;
}

export interface ModelScore {
  logLoss: number;
  rmseBins: number;
}

export type SwitchDecision =
  | { switch: true; reason: 'fitted-better' }
  | { switch: false; reason: 'current-better' | 'tie' | 'invalid-fit' };

/** FSRS-6 needs 21 finite weights; anything else from the optimizer is refused. */
export function isUsableWeights(weights: readonly number[]): weights is FsrsWeights {
  return weights.length === FSRS_WEIGHT_COUNT && weights.every((w) => Number.isFinite(w));
}

/**
 * Switch to the fitted parameters only when their time-split log loss is strictly lower than the
 * current parameters' on the same test items; an unusable fit or score never switches.
 */
export function decideSwitch(fittedWeights: readonly number[], fitted: ModelScore, current: ModelScore): SwitchDecision {
  if (!isUsableWeights(fittedWeights) || !Number.isFinite(fitted.logLoss) || !Number.isFinite(current.logLoss)) {
    return { switch: false, reason: 'invalid-fit' };
  }
  if (fitted.logLoss < current.logLoss) return { switch: true, reason: 'fitted-better' };
  return { switch: false, reason: fitted.logLoss === current.logLoss ? 'tie' : 'current-better' };
}
