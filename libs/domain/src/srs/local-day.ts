import type { SrsSettings } from './settings';

/**
 * Learner-local days. ts-fsrs counts days on the UTC calendar (`dateDiffInDays` compares UTC
 * dates), so a Tokyo learner's 08:00 and 10:00 would fall on two different "days". We hand
 * ts-fsrs shifted instants instead: instant + (UTC offset at that instant - day-start hour), whose
 * UTC calendar date is the learner's local day (a review at 03:00 local with a 4 am day start
 * belongs to the previous day). Offsets come from Intl, per instant, so DST is honoured. No date
 * library is needed.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

type DayShift = Pick<SrsSettings, 'timezone' | 'dayStartHour'>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, which is what callers should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

function checkInstant(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('not a valid instant');
  return ms;
}

/** UTC offset of `timezone` at `instant`, in ms (Tokyo: +9 h; New York in winter: -5 h). */
export function utcOffsetMs(instant: Date | number, timezone: string): number {
  const ms = checkInstant(instant);
  // Intl answers per whole second, so the offset of a (zone, second) pair never changes.
  const key = `${timezone}|${Math.floor(ms / 1000)}`;
  const known = recentOffsets.get(key);
  if (known !== undefined) return known;
  const offset = offsetFromIntl(ms, timezone);
  if (recentOffsets.size >= MAX_RECENT_OFFSETS) recentOffsets.clear();
  recentOffsets.set(key, offset);
  return offset;
}

/**
 * Offsets already asked of Intl, by zone and second: a due queue asks for the same "now" (and the
 * same due instants) once per card and per rating it previews, and `formatToParts` costs several
 * microseconds a call (issue 17). Dropped whole when full.
 */
const recentOffsets = new Map<string, number>();
const MAX_RECENT_OFFSETS = 4096;

function offsetFromIntl(ms: number, timezone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts['year'] ?? NaN, (parts['month'] ?? NaN) - 1, parts['day'] ?? NaN, parts['hour'] ?? NaN, parts['minute'] ?? NaN, parts['second'] ?? NaN);
  // Intl has whole seconds; compare against the instant truncated to its second.
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant at which the local wall clock of `timezone` reads `wallMs` (wall time encoded as if
 * it were UTC). Ambiguous times (the repeated hour in autumn) take the earlier instant; times that
 * do not exist (the skipped hour in spring) move forward by the gap, as Temporal's "compatible".
 */
export function instantAtWallTime(wallMs: number, timezone: string): number {
  // A zone changes offset at most once in two days, so the offsets a day either side are the only
  // candidates.
  const before = utcOffsetMs(wallMs - DAY_MS, timezone);
  const after = utcOffsetMs(wallMs + DAY_MS, timezone);
  const valid = [before, after].map((offset) => wallMs - offset).filter((instant) => wallMs - utcOffsetMs(instant, timezone) === instant);
  return valid.length > 0 ? Math.min(...valid) : wallMs - before;
}

/** The learner-day timeline ts-fsrs works on: its UTC date is the learner's local day. */
export function toLearnerTimeline(instant: Date, settings: DayShift): Date {
  const ms = checkInstant(instant);
  return new Date(ms + utcOffsetMs(ms, settings.timezone) - settings.dayStartHour * HOUR_MS);
}

/** Inverse of `toLearnerTimeline` for a point on it: same local wall time, real instant. */
export function fromLearnerTimeline(shifted: Date, settings: DayShift): Date {
  return new Date(instantAtWallTime(checkInstant(shifted) + settings.dayStartHour * HOUR_MS, settings.timezone));
}

/** Days since 1970-01-01 of the learner-local day containing `instant`. */
export function localDayNumber(instant: Date, settings: DayShift): number {
  return Math.floor(toLearnerTimeline(instant, settings).getTime() / DAY_MS);
}

/** The learner-local day containing `instant`, as "YYYY-MM-DD" (sorts as it should). */
export function localDay(instant: Date, settings: DayShift): string {
  return new Date(localDayNumber(instant, settings) * DAY_MS).toISOString().slice(0, 10);
}

/** The instant the learner's local day `day` ("YYYY-MM-DD") starts: its day-start hour. */
export function localDayStart(day: string, settings: DayShift): Date {
  const midnight = Date.parse(`${day}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(midnight)) throw new RangeError(`not a day: ${JSON.stringify(day)}`);
  return fromLearnerTimeline(new Date(midnight), settings);
}
