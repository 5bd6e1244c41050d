import { mulberry32 } from '../sets/prng';
import { newSrsCard, unsuspendCard, type SrsCard } from './card';
import { DAY_MS, HOUR_MS, localDayStart } from './local-day';
import type { OptimizerReviewInput } from './optimizer';
import type { SrsRating } from './rating';
import { DEFAULT_FSRS_WEIGHTS, retrievability, scheduleReview, type FsrsWeights } from './scheduler';
import { resolveSrsSettings, type SrsSettings } from './settings';

/**
 * A synthetic learner for tests and experiments: the scheduler (our adapter, with
 * `scheduleWeights`) decides when each card comes back, while whether the learner recalls it is
 * drawn from FSRS's forgetting curve under `trueWeights`, the way this learner really forgets.
 * Seeded, so one seed always gives the same history.
 */
export interface SyntheticLearner {
  trueWeights: FsrsWeights;
  scheduleWeights?: FsrsWeights;
  cards: number;
  /** Length of the history in learner-local days; cards are introduced over its first third. */
  days: number;
  seed: number;
  /** Learner-local day the history starts on, "YYYY-MM-DD". */
  firstDay: string;
  settings?: Partial<SrsSettings>;
}

/** Day-scale only (no learning steps), so every review after a card's first is a long-term one. */
const DAY_SCALE = { learningSteps: [], relearningSteps: [] } as const;

export function simulateLearner(options: SyntheticLearner): OptimizerReviewInput[] {
  const settings = resolveSrsSettings({ ...DAY_SCALE, ...options.settings });
  const random = mulberry32(options.seed);
  const schedule = options.scheduleWeights ?? DEFAULT_FSRS_WEIGHTS;
  const start = localDayStart(options.firstDay, settings).getTime();
  const end = start + options.days * DAY_MS;
  const reviews: OptimizerReviewInput[] = [];
  for (let c = 0; c < options.cards; c += 1) {
    const id = `sim-${options.seed}-${c}`;
    const firstAt = start + Math.floor(random() * Math.max(1, options.days / 3)) * DAY_MS + 5 * HOUR_MS + Math.floor(random() * 8 * HOUR_MS);
    let card: SrsCard = newSrsCard(id, new Date(firstAt));
    let truth: SrsCard = card;
    let at = firstAt;
    while (at < end) {
      const now = new Date(at);
      const recall = truth.state === 'new' ? 0.75 : (retrievability(truth, now, settings, options.trueWeights) ?? 0);
      const rating: SrsRating = random() < recall ? (random() < 0.12 ? 'hard' : 'good') : 'again';
      const answer = { rating, durationMs: 10_000, outcome: null };
      const scheduled = scheduleReview(card, answer, now, settings, schedule);
      truth = unsuspendCard(scheduleReview(truth, answer, now, settings, options.trueWeights).card);
      reviews.push({ cardKey: id, reviewedAt: now, localDay: scheduled.log.localDay, rating, newCard: scheduled.log.before.state === 'new' });
      // A leech would leave the deck; the simulated learner unsuspends it at once.
      card = unsuspendCard(scheduled.card);
      // Reviewed on its due day, at some hour of the learner's day.
      at = Math.max(card.due.getTime(), at + HOUR_MS) + Math.floor(random() * 6 * HOUR_MS);
    }
  }
  return reviews.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
}
