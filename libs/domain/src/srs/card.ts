/**
 * One card per (learner, question): the FSRS memory state plus our suspension and leech flags.
 * Field meanings follow ts-fsrs's Card; times are real instants (never the shifted timeline).
 */

export const SRS_CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type SrsCardState = (typeof SRS_CARD_STATES)[number];

export interface SrsCard {
  id: string;
  state: SrsCardState;
  /** When the card is next due; for day-scale intervals only its learner-local day matters. */
  due: Date;
  stability: number;
  difficulty: number;
  /** Days to the due date when scheduled in days; 0 while in (re)learning steps. */
  scheduledDays: number;
  /** Index of the current (re)learning step. */
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
  suspended: boolean;
  /** Set when the card reached the leech threshold; stays set after the learner unsuspends. */
  leech: boolean;
}

/** Lapses at which a card is flagged as a leech and suspended (Anki's default). */
export const LEECH_THRESHOLD = 8;
/** After the threshold, every this many further lapses suspends the card again (as Anki). */
export const LEECH_REPEAT_EVERY = LEECH_THRESHOLD / 2;

/** Does reaching `lapses` lapses make the card a leech (again)? */
export function isLeechLapse(lapses: number): boolean {
  return lapses >= LEECH_THRESHOLD && (lapses - LEECH_THRESHOLD) % LEECH_REPEAT_EVERY === 0;
}

export function newSrsCard(id: string, addedAt: Date): SrsCard {
  if (id.length === 0) throw new RangeError('card id must not be empty');
  if (Number.isNaN(addedAt.getTime())) throw new RangeError('addedAt is not a valid date');
  return {
    id,
    state: 'new',
    due: new Date(addedAt),
    stability: 0,
    difficulty: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
    suspended: false,
    leech: false,
  };
}

/** A copy sharing no Date objects with the original. */
export function cloneCard(card: SrsCard): SrsCard {
  return { ...card, due: new Date(card.due), lastReview: card.lastReview === null ? null : new Date(card.lastReview) };
}

/** Field-by-field equality, dates by instant. */
export function sameCard(a: SrsCard, b: SrsCard): boolean {
  return (
    a.id === b.id &&
    a.state === b.state &&
    a.due.getTime() === b.due.getTime() &&
    a.stability === b.stability &&
    a.difficulty === b.difficulty &&
    a.scheduledDays === b.scheduledDays &&
    a.learningSteps === b.learningSteps &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    (a.lastReview?.getTime() ?? null) === (b.lastReview?.getTime() ?? null) &&
    a.suspended === b.suspended &&
    a.leech === b.leech
  );
}

export function suspendCard(card: SrsCard): SrsCard {
  return { ...cloneCard(card), suspended: true };
}

/** The learner takes a suspended card (a leech, say) back; the leech flag stays for the record. */
export function unsuspendCard(card: SrsCard): SrsCard {
  return { ...cloneCard(card), suspended: false };
}
