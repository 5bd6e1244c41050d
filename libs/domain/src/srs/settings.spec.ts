import {
  DEFAULT_SRS_SETTINGS,
  isValidTimezone,
  MAX_DESIRED_RETENTION,
  MIN_DESIRED_RETENTION,
  resolveSrsSettings,
  srsSettingsProblems,
  stepMinutes,
  type SrsSettings,
} from './settings';

const fieldsOf = (settings: Partial<SrsSettings>): string[] => srsSettingsProblems({ ...DEFAULT_SRS_SETTINGS, ...settings }).map((p) => p.field);

describe('SRS settings', () => {
  it('should default to a 4 am day start, 0.9 retention, UTC and Anki-like steps', () => {
    expect(resolveSrsSettings()).toEqual({
      timezone: 'UTC',
      dayStartHour: 4,
      desiredRetention: 0.9,
      maximumIntervalDays: 36_500,
      newCardsPerDay: 20,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
    });
  });

  it('should keep what the learner set and fill in the rest', () => {
    const settings = resolveSrsSettings({ timezone: 'Asia/Tokyo', desiredRetention: 0.85, newCardsPerDay: undefined });
    expect(settings.timezone).toBe('Asia/Tokyo');
    expect(settings.desiredRetention).toBe(0.85);
    expect(settings.newCardsPerDay).toBe(20);
  });

  it.each([MIN_DESIRED_RETENTION, 0.7, 0.8, 0.9, 0.97, MAX_DESIRED_RETENTION])('should accept a desired retention of %p', (retention) => {
    expect(fieldsOf({ desiredRetention: retention })).toEqual([]);
  });

  it.each([0.69, 0.6999, 0.9701, 0.98, 1, 0, -0.9, Number.NaN, Number.POSITIVE_INFINITY])('should refuse a desired retention of %p', (retention) => {
    expect(fieldsOf({ desiredRetention: retention })).toEqual(['desiredRetention']);
    expect(() => resolveSrsSettings({ desiredRetention: retention })).toThrow(RangeError);
  });

  it.each(['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe'])('should accept the IANA zone %s', (zone) => {
    expect(isValidTimezone(zone)).toBe(true);
  });

  it.each(['', 'Mars/Olympus_Mons', 'Europe/Berln', '+05:30', '-03:00', 'EST5EDT5'])('should refuse the zone %p', (zone) => {
    expect(fieldsOf({ timezone: zone })).toEqual(['timezone']);
  });

  it('should test a zone with Intl once, not on every check (the due queue checks the settings per card)', () => {
    const built = jest.spyOn(Intl, 'DateTimeFormat');
    try {
      for (let i = 0; i < 50; i += 1) {
        expect(isValidTimezone('America/Sao_Paulo')).toBe(true);
        expect(fieldsOf({ timezone: 'America/Sao_Paulo' })).toEqual([]);
        expect(isValidTimezone('Mars/Phobos')).toBe(false);
      }
      const sawPaulo = built.mock.calls.filter((args) => (args[1] as { timeZone?: string } | undefined)?.timeZone === 'America/Sao_Paulo');
      expect(sawPaulo.length).toBeLessThanOrEqual(1);
      // A name that failed is tested again each time (it is never remembered as valid).
      expect(built.mock.calls.filter((args) => (args[1] as { timeZone?: string } | undefined)?.timeZone === 'Mars/Phobos')).toHaveLength(50);
    } finally {
      built.mockRestore();
    }
  });

  it.each([0, 4, 23])('should accept a day start at %p h', (hour) => {
    expect(fieldsOf({ dayStartHour: hour })).toEqual([]);
  });

  it.each([-1, 24, 4.5, Number.NaN])('should refuse a day start at %p h', (hour) => {
    expect(fieldsOf({ dayStartHour: hour })).toEqual(['dayStartHour']);
  });

  it.each([0, 1.5, 36_501, -3])('should refuse a maximum interval of %p days', (days) => {
    expect(fieldsOf({ maximumIntervalDays: days })).toEqual(['maximumIntervalDays']);
  });

  it.each([-1, 2.5, 10_000])('should refuse %p new cards per day', (count) => {
    expect(fieldsOf({ newCardsPerDay: count })).toEqual(['newCardsPerDay']);
  });

  it('should allow zero new cards per day (reviews only)', () => {
    expect(fieldsOf({ newCardsPerDay: 0 })).toEqual([]);
  });

  it('should allow no learning steps (FSRS schedules in days) and day steps', () => {
    expect(fieldsOf({ learningSteps: [], relearningSteps: ['1d'] })).toEqual([]);
    expect(fieldsOf({ learningSteps: ['30s'], relearningSteps: ['0m'] })).toEqual(['learningSteps', 'relearningSteps']);
  });

  it('should refuse more than ten steps', () => {
    expect(fieldsOf({ learningSteps: Array.from({ length: 11 }, () => '1m') })).toEqual(['learningSteps']);
  });

  it('should name every problem at once', () => {
    expect(() => resolveSrsSettings({ timezone: 'Nowhere', desiredRetention: 0.99 })).toThrow(/timezone.*desiredRetention/);
  });

  it.each([
    ['1m', 1],
    ['10m', 10],
    ['1.5h', 90],
    ['2d', 2880],
    ['0m', null],
    ['m', null],
    ['5', null],
    ['5s', null],
    [' 5m', null],
  ])('should read the step %p as %p minutes', (step, minutes) => {
    expect(stepMinutes(step)).toBe(minutes);
  });
});
