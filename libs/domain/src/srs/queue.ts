import type { SrsCard } from './card';
import { localDay } from './local-day';
import { isDue, type SrsReviewLog } from './scheduler';
import type { SrsSettings } from './settings';

export interface DueQueue {
  /** Due cards first (earliest due first), then new cards within today's remaining limit. */
  cards: SrsCard[];
  dueCount: number;
  newCount: number;
}

/**
 * The one definition of "due today" that every screen and the API count by: the review and
 * relearning cards the learner can review now (see isDue: a day-scale card from the start of its
 * local day, a minute-step card once its step has elapsed). New cards are not due; suspended cards
 * never are. A learning card whose step ends later today is not counted until it does, so the
 * count always equals the cards the drills queue shows before new ones.
 */
export function countDueToday(cards: readonly SrsCard[], now: Date, settings: SrsSettings): number {
  return cards.filter((card) => isDue(card, now, settings)).length;
}

/** Code-unit order, not localeCompare: the order must not depend on the runtime's locale data. */
const byDueThenId = (a: SrsCard, b: SrsCard): number => a.due.getTime() - b.due.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Today's queue for a learner. The order depends only on the cards, never on the order they were
 * passed in, so a refresh shows the same queue. `newIntroducedToday` is how many new cards the
 * learner already started today (see countNewIntroducedToday).
 */
export function buildDueQueue(cards: readonly SrsCard[], now: Date, settings: SrsSettings, newIntroducedToday = 0): DueQueue {
  if (!Number.isInteger(newIntroducedToday) || newIntroducedToday < 0) throw new RangeError(`newIntroducedToday must be a non-negative integer, got ${newIntroducedToday}`);
  const ids = new Set<string>();
  for (const card of cards) {
    if (ids.has(card.id)) throw new RangeError(`duplicate card id "${card.id}"`);
    ids.add(card.id);
  }
  const due = cards.filter((card) => isDue(card, now, settings)).sort(byDueThenId);
  // dueCount is countDueToday by construction (same predicate); queue.spec.ts pins the two together.
  const room = Math.max(0, settings.newCardsPerDay - newIntroducedToday);
  const fresh = cards
    .filter((card) => card.state === 'new' && !card.suspended)
    .sort(byDueThenId)
    .slice(0, room);
  return { cards: [...due, ...fresh], dueCount: due.length, newCount: fresh.length };
}

/** New cards first reviewed on the learner's today, from the review log (undone reviews removed). */
export function countNewIntroducedToday(logs: readonly Pick<SrsReviewLog, 'reviewedAt' | 'before'>[], now: Date, settings: SrsSettings): number {
  const today = localDay(now, settings);
  return logs.filter((log) => log.before.state === 'new' && localDay(log.reviewedAt, settings) === today).length;
}
