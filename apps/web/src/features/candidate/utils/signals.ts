/**
 * Integrity signals a candidate's browser records while the test runs: pastes into answer fields,
 * the window losing focus and the tab being hidden (with how long). They are signals, not proof:
 * the manager sees them labelled so. Recording must never get in the candidate's way, so events
 * go to a bounded queue that is sent in batches and retried in the background.
 */
export type SignalEvent = (
  | { kind: 'paste'; position: number | null; chars: number; at: string }
  | { kind: 'blur' | 'hidden'; at: string; durationMs: number }
) & {
  /** Given when the event is queued, kept through retries and reloads: the server records an id once. */
  id?: string;
};

/** A queue never grows past this; the oldest events are dropped first (a stuck network must not eat memory). */
export const MAX_QUEUED = 500;
export const BATCH_SIZE = 50;

export function addSignal(queue: readonly SignalEvent[], event: SignalEvent, max = MAX_QUEUED): SignalEvent[] {
  const next = [...queue, event];
  return next.length > max ? next.slice(next.length - max) : next;
}

export function takeBatch(queue: readonly SignalEvent[], size = BATCH_SIZE): { batch: SignalEvent[]; rest: SignalEvent[] } {
  return { batch: queue.slice(0, size), rest: queue.slice(size) };
}

/** A failed batch goes back in front of what was recorded meanwhile, keeping the order and the cap. */
export function requeue(batch: readonly SignalEvent[], queue: readonly SignalEvent[], max = MAX_QUEUED): SignalEvent[] {
  const next = [...batch, ...queue];
  return next.length > max ? next.slice(next.length - max) : next;
}

/** 2 s, 4 s, 8 s ... capped at one minute. */
export function signalRetryDelayMs(failures: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(1, failures));
}

/**
 * Measures spans away (focus lost, tab hidden): `leave` starts one, `back` ends it and returns the
 * event to record. A second `leave` while away keeps the first start; `back` without `leave` is nothing.
 */
export class AwayTracker {
  private since: number | null = null;
  private sinceIso = '';

  constructor(private readonly kind: 'blur' | 'hidden') {}

  leave(nowMs: number, nowIso: string): void {
    if (this.since !== null) return;
    this.since = nowMs;
    this.sinceIso = nowIso;
  }

  back(nowMs: number): SignalEvent | null {
    if (this.since === null) return null;
    const event: SignalEvent = { kind: this.kind, at: this.sinceIso, durationMs: Math.max(0, Math.round(nowMs - this.since)) };
    this.since = null;
    return event;
  }

  get away(): boolean {
    return this.since !== null;
  }
}

export function loadSignals(store: Pick<Storage, 'getItem'>, key: string): SignalEvent[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? (parsed.filter(isSignal) as SignalEvent[]) : [];
  } catch {
    return [];
  }
}

function isSignal(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v['at'] !== 'string') return false;
  if (v['id'] !== undefined && typeof v['id'] !== 'string') return false;
  if (v['kind'] === 'paste') return typeof v['chars'] === 'number';
  return (v['kind'] === 'blur' || v['kind'] === 'hidden') && typeof v['durationMs'] === 'number';
}
