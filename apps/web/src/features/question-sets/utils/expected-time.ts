import { parseNumber, type ItemForm } from './draft-form';

/** What a question is assumed to take when nothing better is known (the bank's median is ~90 s). */
export const FALLBACK_SECONDS = 90;

export interface TimeEstimate {
  seconds: number;
  /** True when some item's time was assumed rather than known. */
  approximate: boolean;
}

/**
 * The time a candidate is expected to need: fixed items by their question's expected time; a pool
 * by its count times the average expected time of the questions it can draw (from the server's
 * summary, keyed by pool position), else the fallback.
 */
export function expectedTime(items: readonly ItemForm[], poolAverage: (poolIndex: number) => number | undefined = () => undefined): TimeEstimate {
  let seconds = 0;
  let approximate = false;
  let poolIndex = 0;
  for (const item of items) {
    if (item.kind === 'fixed') {
      const known = item.info?.expectedSeconds;
      if (known === undefined) approximate = true;
      seconds += known ?? FALLBACK_SECONDS;
      continue;
    }
    const count = parseNumber(item.count);
    const average = poolAverage(poolIndex++);
    if (average === undefined) approximate = true;
    if (Number.isInteger(count) && count > 0) seconds += count * (average ?? FALLBACK_SECONDS);
  }
  return { seconds: Math.round(seconds), approximate };
}

export type TimeVerdict = 'ok' | 'tight' | 'over' | 'unknown';

/** Over the limit is a warning; above 90 % of it leaves no slack for reading and checking. */
export function timeVerdict(expectedSeconds: number, limitSeconds: number): TimeVerdict {
  if (!Number.isFinite(limitSeconds) || limitSeconds <= 0) return 'unknown';
  if (expectedSeconds > limitSeconds) return 'over';
  if (expectedSeconds > limitSeconds * 0.9) return 'tight';
  return 'ok';
}

/** Hours, minutes and seconds of a duration, for the summary line. */
export function formatDuration(seconds: number): { hours: number; minutes: number; seconds: number } {
  const total = Math.max(0, Math.round(seconds));
  return { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
}
