import type { DeckList } from '../types';
import { nextDeckOffset } from './deck-page';

const page = (offset: number, cards: number, total: number): DeckList =>
  ({ cards: Array.from({ length: cards }, (_, i) => ({ questionId: `q${offset + i}` })), total, limit: 50, offset }) as unknown as DeckList;

describe('nextDeckOffset', () => {
  it('should point after the last loaded card while cards are left', () => {
    expect(nextDeckOffset(page(0, 50, 120))).toBe(50);
    expect(nextDeckOffset(page(50, 50, 120))).toBe(100);
  });

  it('should stop at the last card, and on an empty page even if the total says more', () => {
    expect(nextDeckOffset(page(100, 20, 120))).toBeUndefined();
    expect(nextDeckOffset(page(0, 7, 7))).toBeUndefined();
    // Cards unsuspended meanwhile: the next page came back empty.
    expect(nextDeckOffset(page(50, 0, 60))).toBeUndefined();
  });
});
