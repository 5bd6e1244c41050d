/**
 * A learner's drill settings. Defaults follow Anki/FSRS practice; the bounds keep a learner from
 * asking for a schedule FSRS cannot honour (retention above 0.97 multiplies the workload for
 * little gain, below 0.70 most reviews are failures).
 */

export interface SrsSettings {
  /** IANA time zone name, e.g. "Asia/Tokyo": days are the learner's local days. */
  timezone: string;
  /** Local hour (0-23) at which the learner's next day starts; reviews before it count for the previous day. */
  dayStartHour: number;
  /** Probability of recall FSRS aims for when a card comes due (0.70-0.97). */
  desiredRetention: number;
  /** Longest interval, in days, a card may be scheduled out. */
  maximumIntervalDays: number;
  /** New cards introduced per learner-local day. */
  newCardsPerDay: number;
  /** Steps of a new card before it graduates, e.g. ["1m", "10m"]; empty lets FSRS schedule in days. */
  learningSteps: readonly string[];
  /** Steps of a forgotten card before it returns to review, e.g. ["10m"]. */
  relearningSteps: readonly string[];
}

export const MIN_DESIRED_RETENTION = 0.7;
export const MAX_DESIRED_RETENTION = 0.97;
export const MAX_INTERVAL_LIMIT_DAYS = 36_500;
export const MAX_NEW_CARDS_PER_DAY = 9_999;
export const MAX_LEARNING_STEPS = 10;

export const DEFAULT_SRS_SETTINGS: Readonly<SrsSettings> = Object.freeze({
  timezone: 'UTC',
  dayStartHour: 4,
  desiredRetention: 0.9,
  maximumIntervalDays: MAX_INTERVAL_LIMIT_DAYS,
  newCardsPerDay: 20,
  learningSteps: Object.freeze(['1m', '10m']),
  relearningSteps: Object.freeze(['10m']),
});

export interface SrsSettingsProblem {
  field: keyof SrsSettings;
  message: string;
}

/** "1m", "10m", "1.5h", "2d": a positive amount of minutes, hours or days (ts-fsrs step units). */
const STEP_PATTERN = /^(\d+(?:\.\d+)?)([mhd])$/;
const STEP_MINUTES = { m: 1, h: 60, d: 1440 } as const;

/** Minutes of a learning step, or null when it is not a valid step. */
export function stepMinutes(step: string): number | null {
  const match = STEP_PATTERN.exec(step);
  if (!match) return null;
  const minutes = Number(match[1]) * STEP_MINUTES[match[2] as keyof typeof STEP_MINUTES];
  return minutes > 0 ? minutes : null;
}

/** True when Intl knows the zone; offset zones like "+05:30" are refused, they have no DST rules. */
export function isValidTimezone(timezone: string): boolean {
  if (typeof timezone !== 'string' || timezone.length === 0 || /^[+-]/.test(timezone)) return false;
  if (KNOWN_VALID_ZONES.has(timezone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    return false;
  }
  if (KNOWN_VALID_ZONES.size < MAX_KNOWN_VALID_ZONES) KNOWN_VALID_ZONES.add(timezone);
  return true;
}

/**
 * Zone names already found valid. Building an Intl.DateTimeFormat to test a name costs tens of
 * microseconds, and the settings are checked for every card a due queue previews (issue 17).
 * Only valid names are kept, and at most this many (Intl also accepts every upper/lower-case
 * spelling of a zone, so names a user sends could otherwise grow the set without end).
 */
const KNOWN_VALID_ZONES = new Set<string>();
const MAX_KNOWN_VALID_ZONES = 1000;

const isIntegerIn = (value: number, min: number, max: number): boolean => Number.isInteger(value) && value >= min && value <= max;

function stepProblems(field: 'learningSteps' | 'relearningSteps', steps: readonly string[]): SrsSettingsProblem[] {
  if (!Array.isArray(steps)) return [{ field, message: 'must be a list of steps such as "1m", "10m", "1d"' }];
  if (steps.length > MAX_LEARNING_STEPS) return [{ field, message: `must have at most ${MAX_LEARNING_STEPS} steps` }];
  const bad = steps.filter((step) => stepMinutes(step) === null);
  return bad.length > 0 ? [{ field, message: `invalid step(s) ${bad.map((s) => JSON.stringify(s)).join(', ')}; use a positive number followed by m, h or d` }] : [];
}

/** Every problem of a settings object; empty when it is valid. */
export function srsSettingsProblems(settings: SrsSettings): SrsSettingsProblem[] {
  const problems: SrsSettingsProblem[] = [];
  if (!isValidTimezone(settings.timezone)) problems.push({ field: 'timezone', message: `unknown IANA time zone ${JSON.stringify(settings.timezone)}` });
  if (!isIntegerIn(settings.dayStartHour, 0, 23)) problems.push({ field: 'dayStartHour', message: 'must be a whole hour from 0 to 23' });
  const retention = settings.desiredRetention;
  if (!(Number.isFinite(retention) && retention >= MIN_DESIRED_RETENTION && retention <= MAX_DESIRED_RETENTION)) {
    problems.push({ field: 'desiredRetention', message: `must be from ${MIN_DESIRED_RETENTION} to ${MAX_DESIRED_RETENTION}` });
  }
  if (!isIntegerIn(settings.maximumIntervalDays, 1, MAX_INTERVAL_LIMIT_DAYS)) {
    problems.push({ field: 'maximumIntervalDays', message: `must be a whole number of days from 1 to ${MAX_INTERVAL_LIMIT_DAYS}` });
  }
  if (!isIntegerIn(settings.newCardsPerDay, 0, MAX_NEW_CARDS_PER_DAY)) {
    problems.push({ field: 'newCardsPerDay', message: `must be a whole number from 0 to ${MAX_NEW_CARDS_PER_DAY}` });
  }
  problems.push(...stepProblems('learningSteps', settings.learningSteps), ...stepProblems('relearningSteps', settings.relearningSteps));
  return problems;
}

/** Defaults filled in for what is absent; throws a RangeError naming every problem. */
export function resolveSrsSettings(input: Partial<SrsSettings> = {}): SrsSettings {
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<SrsSettings>;
  const settings: SrsSettings = { ...DEFAULT_SRS_SETTINGS, ...defined };
  assertSrsSettings(settings);
  return settings;
}

export function assertSrsSettings(settings: SrsSettings): void {
  const problems = srsSettingsProblems(settings);
  if (problems.length > 0) {
    throw new RangeError(`invalid SRS settings: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
  }
}
