import type { QuestionResponse } from '@goprep/domain';

/**
 * The save queue behind autosave. Every change is written here first (localStorage), then sent;
 * an entry leaves the queue only when the server confirmed exactly that change. So an answer
 * given offline, just before a tab closes or while the server restarts is replayed later.
 */
export type QueuedSave = {
  position: number;
  response: QuestionResponse | null;
  flagged: boolean;
  timeSpentMs: number;
  /** The server revision this change was made on top of (0 = never saved). */
  baseRevision: number;
  /** When the learner made the change, on the server's clock (ms). */
  editedAt: number;
  /** Grows with every local change, so a confirmation of an older change does not settle a newer one. */
  seq: number;
};

/** What the server holds for an item, as far as replay decisions go. */
export type ServerAnswer = {
  response: unknown;
  flagged: boolean;
  timeSpentMs: number;
  revision: number;
  savedAt: string;
};

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'goprep.attempt-queue.';

export const queueKey = (attemptId: string): string => `${PREFIX}${attemptId}`;

function isQueuedSave(value: unknown): value is QueuedSave {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['position'] === 'number' &&
    (v['response'] === null || (typeof v['response'] === 'object' && !Array.isArray(v['response']))) &&
    typeof v['flagged'] === 'boolean' &&
    typeof v['timeSpentMs'] === 'number' &&
    typeof v['baseRevision'] === 'number' &&
    typeof v['editedAt'] === 'number' &&
    typeof v['seq'] === 'number'
  );
}

/** The queued saves of an attempt; anything unreadable (another version, a hand edit) is ignored. */
export function loadQueue(storage: KeyValueStorage, attemptId: string): QueuedSave[] {
  let raw: string | null;
  try {
    raw = storage.getItem(queueKey(attemptId));
  } catch {
    return [];
  }
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isQueuedSave) : [];
  } catch {
    return [];
  }
}

/** Writes the queue (or removes the key when it is empty). Storage errors (quota, private mode) are swallowed. */
export function storeQueue(storage: KeyValueStorage, attemptId: string, queue: readonly QueuedSave[]): void {
  try {
    if (queue.length === 0) storage.removeItem(queueKey(attemptId));
    else storage.setItem(queueKey(attemptId), JSON.stringify(queue));
  } catch {
    // The in-memory queue still retries; only the survive-a-closed-tab guarantee is lost.
  }
}

/** Adds a change; a newer change to the same item replaces the older one (last write wins). */
export function enqueue(queue: readonly QueuedSave[], entry: QueuedSave): QueuedSave[] {
  return [...queue.filter((e) => e.position !== entry.position), entry].sort((a, b) => a.position - b.position);
}

/** Removes an item's entry once the server confirmed it, unless a newer change came meanwhile. */
export function settle(queue: readonly QueuedSave[], position: number, seq: number): QueuedSave[] {
  return queue.filter((e) => e.position !== position || e.seq !== seq);
}

/** JSON with sorted keys, so `{a,b}` and `{b,a}` (Postgres jsonb reorders keys) compare equal. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Whether a queued change must be sent again after a reload. Not when the server already holds it
 * (the save landed but its reply was lost). Yes when the server has nothing newer than the change's
 * base revision. When the server moved on (another tab, or our own earlier save), the later edit
 * wins: the change is replayed only if it was made after the server's copy was saved.
 */
export function shouldReplay(entry: QueuedSave, server: ServerAnswer | null): boolean {
  if (!server) return true;
  const sameContent = canonical(entry.response) === canonical(server.response) && entry.flagged === server.flagged;
  if (sameContent && entry.timeSpentMs <= server.timeSpentMs) return false;
  if (server.revision <= entry.baseRevision) return true;
  const savedAt = Date.parse(server.savedAt);
  return Number.isNaN(savedAt) || entry.editedAt > savedAt;
}

/** Backoff between retries: 1 s, 2 s, 4 s ... capped at 30 s. */
export function retryDelayMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}
