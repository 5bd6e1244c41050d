import { newSrsCard, type SrsCard } from './card';
import { DAY_MS } from './local-day';
import { buildDueQueue, countDueToday, countNewIntroducedToday } from './queue';
import { scheduleReview } from './scheduler';
import { resolveSrsSettings } from './settings';

const tokyo = resolveSrsSettings({ timezone: 'Asia/Tokyo', newCardsPerDay: 2 });
const now = new Date('2026-11-20T23:00:00Z'); // 08:00 JST, 21 November

function due(id: string, dueIso: string, over: Partial<SrsCard> = {}): SrsCard {
  const dueAt = new Date(dueIso);
  return {
    ...newSrsCard(id, new Date(dueAt.getTime() - 5 * DAY_MS)),
    state: 'review',
    due: dueAt,
    stability: 5,
    difficulty: 5,
    scheduledDays: 5,
    reps: 3,
    lastReview: new Date(dueAt.getTime() - 5 * DAY_MS),
    ...over,
  };
}

describe('buildDueQueue', () => {
  const cards: SrsCard[] = [
    newSrsCard('new-b', new Date('2026-11-01T00:00:00Z')),
    due('later-today', '2026-11-21T10:00:00Z'), // 19:00 JST today: due for the whole local day
    newSrsCard('new-a', new Date('2026-11-01T00:00:00Z')),
    due('overdue', '2026-11-10T00:00:00Z'),
    due('tomorrow', '2026-11-21T20:00:00Z'), // 05:00 JST on 22 November
    due('suspended', '2026-11-10T00:00:00Z', { suspended: true }),
    newSrsCard('new-c', new Date('2026-10-01T00:00:00Z')),
    due('step', '2026-11-20T22:50:00Z', { state: 'learning', scheduledDays: 0 }),
    newSrsCard('new-d', new Date('2026-11-02T00:00:00Z')),
  ];

  it('should put due cards first, earliest first, then new cards oldest first within the daily limit', () => {
    const queue = buildDueQueue(cards, now, tokyo);
    expect(queue.cards.map((c) => c.id)).toEqual(['overdue', 'step', 'later-today', 'new-c', 'new-a']);
    expect(queue).toMatchObject({ dueCount: 3, newCount: 2 });
  });

  it('should give the same order whatever order the cards come in', () => {
    const ids = buildDueQueue(cards, now, tokyo).cards.map((c) => c.id);
    expect(buildDueQueue([...cards].reverse(), now, tokyo).cards.map((c) => c.id)).toEqual(ids);
  });

  it('should break ties by card id', () => {
    const same = '2026-11-15T00:00:00Z';
    expect(buildDueQueue([due('b', same), due('a', same), due('c', same)], now, tokyo).cards.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('should only offer the new cards left of today\'s limit', () => {
    expect(buildDueQueue(cards, now, tokyo, 1).newCount).toBe(1);
    expect(buildDueQueue(cards, now, tokyo, 2).newCount).toBe(0);
    expect(buildDueQueue(cards, now, tokyo, 5).newCount).toBe(0);
    expect(buildDueQueue(cards, now, { ...tokyo, newCardsPerDay: 0 }).newCount).toBe(0);
  });

  it('should not offer a learning step before its time', () => {
    const step = due('step', '2026-11-20T23:10:00Z', { state: 'learning', scheduledDays: 0 });
    expect(buildDueQueue([step], now, tokyo).dueCount).toBe(0);
  });

  it('should refuse duplicate card ids and a negative count', () => {
    expect(() => buildDueQueue([due('x', '2026-11-10T00:00:00Z'), due('x', '2026-11-11T00:00:00Z')], now, tokyo)).toThrow(RangeError);
    expect(() => buildDueQueue([], now, tokyo, -1)).toThrow(RangeError);
  });
});

describe('countDueToday', () => {
  const cards: SrsCard[] = [
    due('overdue', '2026-11-10T00:00:00Z'),
    due('later-today', '2026-11-21T10:00:00Z'), // 19:00 JST: a day-scale card is due all day
    due('tomorrow', '2026-11-21T20:00:00Z'),
    due('suspended', '2026-11-10T00:00:00Z', { suspended: true }),
    due('step-now', '2026-11-20T22:50:00Z', { state: 'learning', scheduledDays: 0 }),
    due('step-later', '2026-11-21T02:00:00Z', { state: 'relearning', scheduledDays: 0 }), // 11:00 JST today
    newSrsCard('new', new Date('2026-11-01T00:00:00Z')),
  ];

  it('should count what can be reviewed now: not a minute step that ends later today, nor new or suspended cards', () => {
    expect(countDueToday(cards, now, tokyo)).toBe(3);
  });

  it('should equal the due part of the queue at every moment of a day', () => {
    for (let hour = 0; hour < 30; hour += 0.5) {
      const at = new Date(now.getTime() + hour * 3_600_000);
      expect(countDueToday(cards, at, tokyo)).toBe(buildDueQueue(cards, at, tokyo).dueCount);
    }
  });
});

describe('countNewIntroducedToday', () => {
  it('should count first reviews of new cards on the learner\'s today only', () => {
    const answer = { rating: 'good' as const, durationMs: 1000, outcome: null };
    const yesterday = new Date('2026-11-20T18:00:00Z'); // 03:00 JST on 21 November: still the 20th
    const logs = [
      scheduleReview(newSrsCard('a', yesterday), answer, yesterday, tokyo).log,
      scheduleReview(newSrsCard('b', now), answer, now, tokyo).log,
    ];
    const second = scheduleReview(logs[1]!.after, answer, new Date(now.getTime() + 20 * 60_000), tokyo).log; // not new any more
    expect(countNewIntroducedToday([...logs, second], new Date(now.getTime() + 3_600_000), tokyo)).toBe(1);
  });
});
