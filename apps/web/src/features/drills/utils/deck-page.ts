import type { DeckList } from '../types';

/** Where the deck page after `last` starts, or undefined when every card is loaded. */
export const nextDeckOffset = (last: DeckList): number | undefined => {
  const next = last.offset + last.cards.length;
  return last.cards.length > 0 && next < last.total ? next : undefined;
};
