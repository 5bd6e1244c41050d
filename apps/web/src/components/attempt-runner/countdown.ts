/**
 * Countdown arithmetic. The runner anchors the server's clock to a monotonic client timer
 * (performance.now) when the attempt loads, so neither a wrong nor a jumping client wall clock
 * changes the remaining time: remaining = deadline - (serverNow + elapsed since load).
 */
export type ClockAnchor = {
  /** The server's clock (ms since epoch) when the delivery was produced. */
  serverNowMs: number;
  /** The monotonic client timer (ms) when the delivery arrived. */
  monotonicAtLoad: number;
};

export function anchorClock(serverNowIso: string, monotonicNow: number): ClockAnchor {
  const serverNowMs = Date.parse(serverNowIso);
  if (Number.isNaN(serverNowMs)) throw new Error(`not a timestamp: ${serverNowIso}`);
  return { serverNowMs, monotonicAtLoad: monotonicNow };
}

/** The server's current time estimated from the anchor. */
export function serverTimeAt(anchor: ClockAnchor, monotonicNow: number): number {
  return anchor.serverNowMs + Math.max(0, monotonicNow - anchor.monotonicAtLoad);
}

/** Milliseconds left until the deadline, never negative. */
export function remainingMs(deadlineIso: string, anchor: ClockAnchor, monotonicNow: number): number {
  return Math.max(0, Date.parse(deadlineIso) - serverTimeAt(anchor, monotonicNow));
}

/** 61_000 -> "1:01", 3_725_000 -> "1:02:05"; partial seconds round up so 0:00 means time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export type TimeWarning = 'none' | 'five-minutes' | 'one-minute' | 'over';

/** Which warning the remaining time falls under (5 and 1 minute thresholds, inclusive). */
export function warningFor(ms: number): TimeWarning {
  if (ms <= 0) return 'over';
  if (ms <= 60_000) return 'one-minute';
  if (ms <= 5 * 60_000) return 'five-minutes';
  return 'none';
}

const RANK: Record<TimeWarning, number> = { none: 0, 'five-minutes': 1, 'one-minute': 2, over: 3 };

/**
 * The warning to announce now, given the one announced last: only a more urgent one, once. A
 * quiz opened with 3 minutes left announces the 5-minute warning once, not again on every tick.
 */
export function nextAnnouncement(current: TimeWarning, lastAnnounced: TimeWarning): TimeWarning | null {
  return RANK[current] > RANK[lastAnnounced] && current !== 'over' ? current : null;
}
