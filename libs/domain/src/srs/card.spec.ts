import { cloneCard, newSrsCard, sameCard, suspendCard, unsuspendCard } from './card';

const added = new Date('2026-11-21T00:00:00Z');

describe('SRS cards', () => {
  it('should start a new card due when it was added, with no memory state', () => {
    expect(newSrsCard('q1', added)).toEqual({
      id: 'q1',
      state: 'new',
      due: added,
      stability: 0,
      difficulty: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      lastReview: null,
      suspended: false,
      leech: false,
    });
  });

  it('should refuse an empty id or an invalid date', () => {
    expect(() => newSrsCard('', added)).toThrow(RangeError);
    expect(() => newSrsCard('q1', new Date(Number.NaN))).toThrow(RangeError);
  });

  it('should clone without sharing dates', () => {
    const card = { ...newSrsCard('q1', added), lastReview: added };
    const copy = cloneCard(card);
    copy.due.setTime(0);
    copy.lastReview!.setTime(0);
    expect(card.due).toEqual(added);
    expect(card.lastReview).toEqual(added);
  });

  it('should compare cards field by field, dates by instant', () => {
    const card = newSrsCard('q1', added);
    expect(sameCard(card, cloneCard(card))).toBe(true);
    expect(sameCard(card, { ...card, lapses: 1 })).toBe(false);
    expect(sameCard(card, { ...card, due: new Date(added.getTime() + 1) })).toBe(false);
    expect(sameCard(card, { ...card, lastReview: added })).toBe(false);
  });

  it('should suspend and unsuspend without touching the leech flag', () => {
    const leech = { ...newSrsCard('q1', added), leech: true };
    expect(suspendCard(leech)).toMatchObject({ suspended: true, leech: true });
    expect(unsuspendCard(suspendCard(leech))).toMatchObject({ suspended: false, leech: true });
  });
});
