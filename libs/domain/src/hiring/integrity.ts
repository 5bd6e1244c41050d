/** Integrity signals of an attempt: what the browser reported. Signals, not proof. */

export type IntegrityEventType = 'paste' | 'blur' | 'focus' | 'hidden' | 'visible';

export interface IntegrityEvent {
  type: IntegrityEventType;
  /** Epoch milliseconds (server or client clock, consistently). */
  at: number;
  /** paste: number of characters pasted. */
  chars?: number;
  /** blur/hidden: duration when the client measured it itself (then no closing event is needed). */
  durationMs?: number;
  /** Item position it happened on, when known. */
  position?: number;
}

export interface IntegritySummary {
  pasteCount: number;
  pastedChars: number;
  /** Per item position (events with a position), sorted by position. */
  pastesByPosition: { position: number; count: number; chars: number }[];
  focusLostCount: number;
  focusLostMs: number;
  hiddenCount: number;
  hiddenMs: number;
  longestAwayMs: number;
  /** true when anything at all was recorded. */
  any: boolean;
}

export interface IntegrityOptions {
  /** Close intervals still open (blur without focus) at this time, e.g. submitted_at. */
  endAt?: number;
}

interface OpenInterval {
  since: number | null;
}

/**
 * Counts and durations from the raw events. A 'blur' (or 'hidden') opens an interval that the
 * next 'focus' (or 'visible') closes; a repeated 'blur' while one is open is the same absence, not
 * a new one. An event carrying `durationMs` is counted with that duration on its own. Events with
 * a time that is not a finite number are ignored (they come from browsers). An interval still
 * open at the end is closed at `endAt` when given, else counted with the time known so far (0).
 */
export function summarizeIntegrity(events: readonly IntegrityEvent[], options: IntegrityOptions = {}): IntegritySummary {
  const ordered = events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => Number.isFinite(event.at))
    .sort((a, b) => a.event.at - b.event.at || a.index - b.index)
    .map(({ event }) => event);
  const nonNegative = (value: number | undefined): number => (value !== undefined && Number.isFinite(value) && value > 0 ? value : 0);

  const summary: IntegritySummary = {
    pasteCount: 0,
    pastedChars: 0,
    pastesByPosition: [],
    focusLostCount: 0,
    focusLostMs: 0,
    hiddenCount: 0,
    hiddenMs: 0,
    longestAwayMs: 0,
    any: false,
  };
  const byPosition = new Map<number, { position: number; count: number; chars: number }>();
  const blur: OpenInterval = { since: null };
  const hidden: OpenInterval = { since: null };
  const away = (kind: 'focus' | 'hidden', ms: number): void => {
    if (kind === 'focus') summary.focusLostMs += ms;
    else summary.hiddenMs += ms;
    summary.longestAwayMs = Math.max(summary.longestAwayMs, ms);
  };
  const open = (kind: 'focus' | 'hidden', interval: OpenInterval, event: IntegrityEvent): void => {
    if (event.durationMs !== undefined) {
      if (kind === 'focus') summary.focusLostCount++;
      else summary.hiddenCount++;
      away(kind, nonNegative(event.durationMs));
      return;
    }
    if (interval.since !== null) return;
    interval.since = event.at;
    if (kind === 'focus') summary.focusLostCount++;
    else summary.hiddenCount++;
  };
  const close = (kind: 'focus' | 'hidden', interval: OpenInterval, at: number): void => {
    if (interval.since === null) return;
    away(kind, Math.max(0, at - interval.since));
    interval.since = null;
  };

  for (const event of ordered) {
    switch (event.type) {
      case 'paste': {
        const chars = Math.floor(nonNegative(event.chars));
        summary.pasteCount++;
        summary.pastedChars += chars;
        if (event.position !== undefined && Number.isFinite(event.position)) {
          const entry = byPosition.get(event.position) ?? { position: event.position, count: 0, chars: 0 };
          entry.count++;
          entry.chars += chars;
          byPosition.set(event.position, entry);
        }
        break;
      }
      case 'blur':
        open('focus', blur, event);
        break;
      case 'focus':
        close('focus', blur, event.at);
        break;
      case 'hidden':
        open('hidden', hidden, event);
        break;
      case 'visible':
        close('hidden', hidden, event.at);
        break;
    }
  }
  const end = options.endAt;
  if (end !== undefined && Number.isFinite(end)) {
    close('focus', blur, end);
    close('hidden', hidden, end);
  } else {
    // Nothing says when it ended: count it as an absence, of unknown (zero) length.
    close('focus', blur, blur.since ?? 0);
    close('hidden', hidden, hidden.since ?? 0);
  }
  summary.pastesByPosition = [...byPosition.values()].sort((a, b) => a.position - b.position);
  summary.any = summary.pasteCount + summary.focusLostCount + summary.hiddenCount > 0;
  return summary;
}
