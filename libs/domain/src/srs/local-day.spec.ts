import { HOUR_MS, instantAtWallTime, localDay, localDayNumber, localDayStart, toLearnerTimeline, utcOffsetMs } from './local-day';

const at = (iso: string): Date => new Date(iso);
const tokyo = { timezone: 'Asia/Tokyo', dayStartHour: 4 };
const newYork = { timezone: 'America/New_York', dayStartHour: 4 };
const berlin = { timezone: 'Europe/Berlin', dayStartHour: 4 };

describe('utcOffsetMs', () => {
  it.each([
    ['Asia/Tokyo', '2026-07-01T00:00:00Z', 9],
    ['Asia/Kolkata', '2026-07-01T00:00:00Z', 5.5],
    ['Asia/Kathmandu', '2026-07-01T00:00:00Z', 5.75],
    ['America/New_York', '2026-01-15T12:00:00Z', -5],
    ['America/New_York', '2026-07-15T12:00:00Z', -4],
    ['Europe/Berlin', '2026-01-15T12:00:00Z', 1],
    ['Europe/Berlin', '2026-07-15T12:00:00Z', 2],
    ['UTC', '2026-07-15T12:34:56.789Z', 0],
  ])('should give %s at %s an offset of %p h', (zone, iso, hours) => {
    expect(utcOffsetMs(at(iso), zone)).toBe(hours * HOUR_MS);
  });

  it('should switch New York from -5 h to -4 h at 07:00 UTC on 8 March 2026', () => {
    expect(utcOffsetMs(at('2026-03-08T06:59:59.999Z'), 'America/New_York')).toBe(-5 * HOUR_MS);
    expect(utcOffsetMs(at('2026-03-08T07:00:00.000Z'), 'America/New_York')).toBe(-4 * HOUR_MS);
  });

  it('should refuse an unknown zone', () => {
    expect(() => utcOffsetMs(at('2026-01-01T00:00:00Z'), 'Mars/Base')).toThrow(RangeError);
  });
});

describe('instantAtWallTime', () => {
  const wall = (iso: string): number => Date.parse(`${iso}Z`);

  it('should find the one instant of an ordinary wall time', () => {
    expect(new Date(instantAtWallTime(wall('2026-06-01T09:30:00'), 'Asia/Tokyo')).toISOString()).toBe('2026-06-01T00:30:00.000Z');
  });

  it('should move a wall time in the skipped spring hour forward by the gap (New York 02:30 -> 03:30 EDT)', () => {
    expect(new Date(instantAtWallTime(wall('2026-03-08T02:30:00'), 'America/New_York')).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('should take the earlier instant of a wall time in the repeated autumn hour (New York 01:30 EDT)', () => {
    expect(new Date(instantAtWallTime(wall('2026-11-01T01:30:00'), 'America/New_York')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('should handle Berlin on both change days', () => {
    expect(new Date(instantAtWallTime(wall('2026-03-29T02:30:00'), 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(instantAtWallTime(wall('2026-10-25T02:30:00'), 'Europe/Berlin')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('localDay', () => {
  it('should put a Tokyo learner reviewing at 08:00 and 10:00 local on the same day, although UTC dates differ', () => {
    const eight = at('2026-11-20T23:00:00Z'); // 08:00 JST on 21 November
    const ten = at('2026-11-21T01:00:00Z'); // 10:00 JST on 21 November
    expect(eight.toISOString().slice(0, 10)).not.toBe(ten.toISOString().slice(0, 10));
    expect(localDay(eight, tokyo)).toBe('2026-11-21');
    expect(localDay(ten, tokyo)).toBe('2026-11-21');
  });

  it('should count a Tokyo review at 03:59 local as the previous day and 04:00 as the new day', () => {
    expect(localDay(at('2026-11-20T18:59:00Z'), tokyo)).toBe('2026-11-20'); // 03:59 JST on 21 November
    expect(localDay(at('2026-11-20T19:00:00Z'), tokyo)).toBe('2026-11-21'); // 04:00 JST
  });

  it('should start the day at midnight when the learner sets the day start to 0', () => {
    const midnight = { timezone: 'Asia/Tokyo', dayStartHour: 0 };
    expect(localDay(at('2026-11-20T14:59:59Z'), midnight)).toBe('2026-11-20');
    expect(localDay(at('2026-11-20T15:00:00Z'), midnight)).toBe('2026-11-21');
  });

  it('should move the New York day boundary with DST: 04:00 EDT on 8 March 2026 is 08:00 UTC, not 09:00', () => {
    expect(localDay(at('2026-03-08T07:59:00Z'), newYork)).toBe('2026-03-07'); // 03:59 EDT
    expect(localDay(at('2026-03-08T08:00:00Z'), newYork)).toBe('2026-03-08'); // 04:00 EDT
  });

  it('should move the New York day boundary back in November: 04:00 EST on 1 November 2026 is 09:00 UTC', () => {
    expect(localDay(at('2026-11-01T08:59:00Z'), newYork)).toBe('2026-10-31'); // 03:59 EST
    expect(localDay(at('2026-11-01T09:00:00Z'), newYork)).toBe('2026-11-01'); // 04:00 EST
  });

  it('should move the Berlin day boundary on both change days of 2026', () => {
    expect(localDay(at('2026-03-29T01:59:00Z'), berlin)).toBe('2026-03-28'); // 03:59 CEST
    expect(localDay(at('2026-03-29T02:00:00Z'), berlin)).toBe('2026-03-29'); // 04:00 CEST
    expect(localDay(at('2026-10-25T02:59:00Z'), berlin)).toBe('2026-10-24'); // 03:59 CET
    expect(localDay(at('2026-10-25T03:00:00Z'), berlin)).toBe('2026-10-25'); // 04:00 CET
  });

  it('should make consecutive learner days consecutive day numbers', () => {
    expect(localDayNumber(at('2026-11-21T01:00:00Z'), tokyo) - localDayNumber(at('2026-11-20T01:00:00Z'), tokyo)).toBe(1);
  });
});

describe('localDayStart', () => {
  const length = (day: string, next: string, settings: { timezone: string; dayStartHour: number }): number =>
    (localDayStart(next, settings).getTime() - localDayStart(day, settings).getTime()) / HOUR_MS;

  it('should start a Tokyo learner day at 04:00 JST', () => {
    expect(localDayStart('2026-11-21', tokyo).toISOString()).toBe('2026-11-20T19:00:00.000Z');
  });

  it('should make the New York learner days holding the DST changes 23 and 25 hours long', () => {
    expect(length('2026-03-07', '2026-03-08', newYork)).toBe(23);
    expect(length('2026-03-08', '2026-03-09', newYork)).toBe(24);
    expect(length('2026-10-31', '2026-11-01', newYork)).toBe(25);
  });

  it('should make the Berlin learner days holding the DST changes 23 and 25 hours long', () => {
    expect(length('2026-03-28', '2026-03-29', berlin)).toBe(23);
    expect(length('2026-10-24', '2026-10-25', berlin)).toBe(25);
  });

  it('should round-trip with localDay at the very start of the day', () => {
    for (const day of ['2026-03-07', '2026-03-08', '2026-11-01', '2026-12-31']) {
      const start = localDayStart(day, newYork);
      expect(localDay(start, newYork)).toBe(day);
      expect(localDay(new Date(start.getTime() - 1), newYork)).not.toBe(day);
    }
  });

  it('should refuse something that is not a day', () => {
    expect(() => localDayStart('2026-13-45', tokyo)).toThrow(RangeError);
    expect(() => localDayStart('yesterday', tokyo)).toThrow(RangeError);
  });
});

describe('toLearnerTimeline', () => {
  it('should put the learner day start at UTC midnight of the learner day', () => {
    expect(toLearnerTimeline(at('2026-11-20T19:00:00Z'), tokyo).toISOString()).toBe('2026-11-21T00:00:00.000Z');
  });
});

describe('utcOffsetMs remembered per zone and second', () => {
  it('should ask Intl once for a repeated (zone, second) and give the same offset as asking again', () => {
    const zones = ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC', 'Europe/London'];
    // Around the 2026 spring and autumn changes, and sub-second instants in the same second.
    const instants = [Date.UTC(2026, 2, 8, 6, 59, 59, 999), Date.UTC(2026, 2, 8, 7, 0, 0, 1), Date.UTC(2026, 3, 5, 14, 59, 59, 500), Date.UTC(2026, 9, 25, 0, 59, 59, 0), Date.UTC(2026, 9, 25, 1, 0, 0, 250), -1500];
    const first = zones.flatMap((z) => instants.map((t) => utcOffsetMs(t, z)));
    const parts = jest.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    try {
      const again = zones.flatMap((z) => instants.map((t) => utcOffsetMs(t + (t >= 0 ? -(t % 1000) : 0), z)));
      expect(again).toEqual(first);
      expect(parts).not.toHaveBeenCalled();
    } finally {
      parts.mockRestore();
    }
    // Independent check of the values: the wall clock Intl shows, minus the instant's second.
    const reference = (t: number, zone: string) => {
      const p = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
          .formatToParts(t)
          .filter((x) => x.type !== 'literal')
          .map((x) => [x.type, Number(x.value)]),
      ) as Record<string, number>;
      return Date.UTC(p['year'] ?? NaN, (p['month'] ?? NaN) - 1, p['day'] ?? NaN, p['hour'] ?? NaN, p['minute'] ?? NaN, p['second'] ?? NaN) - Math.floor(t / 1000) * 1000;
    };
    expect(first).toEqual(zones.flatMap((z) => instants.map((t) => reference(t, z))));
    expect(utcOffsetMs(Date.UTC(2026, 0, 15), 'Australia/Lord_Howe')).toBe(11 * HOUR_MS);
    expect(utcOffsetMs(Date.UTC(2026, 6, 15), 'Australia/Lord_Howe')).toBe(10.5 * HOUR_MS);
  });
});
