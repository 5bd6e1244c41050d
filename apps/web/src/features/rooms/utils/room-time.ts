/** Seconds left on the shared timer; null before the interviewer starts it. Never negative. */
export function remainingSeconds(timerStartedAt: string | null, durationMinutes: number, now: number): number | null {
  if (!timerStartedAt) return null;
  const start = Date.parse(timerStartedAt);
  if (Number.isNaN(start)) return null;
  const end = start + durationMinutes * 60_000;
  return Math.max(0, Math.ceil((end - now) / 1000));
}

/** `m:ss`, or `h:mm:ss` from an hour up. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** Where an event sits on the replay's timeline, 0..1 of the session's length. */
export function timelinePosition(at: string, start: number, end: number): number {
  const t = Date.parse(at);
  if (Number.isNaN(t) || end <= start) return 0;
  return Math.min(1, Math.max(0, (t - start) / (end - start)));
}

/**
 * A stable colour per participant, from their name: the same person keeps their colour on both
 * screens without negotiating. Hues are spread and the lightness keeps white text readable.
 */
export function participantColor(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return `hsl(${hash % 360} 70% 38%)`;
}
