/**
 * Ratings and where they come from. Auto-graded questions suggest a rating from correctness and
 * time; the learner may override it before confirming. Easy is never suggested: only the learner
 * knows an answer was effortless.
 */

export const SRS_RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type SrsRating = (typeof SRS_RATINGS)[number];

/** `auto`: the suggestion was accepted; `overridden`: the learner chose another; `self`: no suggestion (flashcard, essay). */
export const RATING_SOURCES = ['auto', 'overridden', 'self'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

/** A correct answer slower than this many times the question's expected time is rated Hard. */
export const SLOW_ANSWER_FACTOR = 2;

export interface AutoGradeOutcome {
  correct: boolean;
  /** The learner pressed "I guessed": a lucky answer is not recall. */
  guessed: boolean;
  durationMs: number;
  /** The question's expected answering time; null or absent when it has none (no Hard for slowness). */
  expectedSeconds?: number | null;
}

function checkDuration(durationMs: number): void {
  if (!Number.isFinite(durationMs) || durationMs < 0) throw new RangeError(`duration must be a non-negative number of ms, got ${durationMs}`);
}

export function suggestRating(outcome: AutoGradeOutcome): Exclude<SrsRating, 'easy'> {
  checkDuration(outcome.durationMs);
  const expected = outcome.expectedSeconds ?? null;
  if (expected !== null && !(Number.isFinite(expected) && expected > 0)) throw new RangeError(`expected time must be a positive number of seconds, got ${expected}`);
  if (!outcome.correct || outcome.guessed) return 'again';
  // Strictly slower than the factor: exactly twice the expected time is still Good.
  if (expected !== null && outcome.durationMs > SLOW_ANSWER_FACTOR * expected * 1000) return 'hard';
  return 'good';
}

/** What the learner submits for one review. */
export interface ReviewAnswer {
  rating: SrsRating;
  /** Time spent on the card, kept in the log with the raw correctness. */
  durationMs: number;
  /** The auto-grading result; null for self-rated questions (flashcards, essays). */
  outcome: Omit<AutoGradeOutcome, 'durationMs'> | null;
}

/** The suggested rating and the source of the chosen one, derived so the two cannot disagree. */
export function ratingSource(answer: ReviewAnswer): { suggested: SrsRating | null; source: RatingSource } {
  checkDuration(answer.durationMs);
  if (!SRS_RATINGS.includes(answer.rating)) throw new RangeError(`unknown rating ${JSON.stringify(answer.rating)}`);
  if (answer.outcome === null) return { suggested: null, source: 'self' };
  const suggested = suggestRating({ ...answer.outcome, durationMs: answer.durationMs });
  return { suggested, source: answer.rating === suggested ? 'auto' : 'overridden' };
}
