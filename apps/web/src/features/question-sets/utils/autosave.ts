/**
 * The save status the builder shows, and when to try again. Edits are kept in the page until a
 * save succeeds: a failed save never drops them, it schedules a retry with backoff.
 */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed' | 'invalid';

export interface SaveState {
  status: SaveStatus;
  /** Consecutive failed saves; resets on success. */
  failures: number;
  /** Epoch ms of the last successful save in this page. */
  savedAt?: number | undefined;
}

export type SaveEvent =
  | { type: 'edited'; valid: boolean }
  /** The content equals what the server has (e.g. an edit was undone). */
  | { type: 'clean' }
  | { type: 'start' }
  | { type: 'succeeded'; at: number; stillDirty: boolean }
  | { type: 'failed' };

export const initialSaveState: SaveState = { status: 'saved', failures: 0 };

export function saveReducer(state: SaveState, event: SaveEvent): SaveState {
  switch (event.type) {
    case 'edited':
      // While a save is in flight the newer edit is sent once it returns (stillDirty).
      if (state.status === 'saving') return state;
      if (!event.valid) return { ...state, status: 'invalid' };
      // After a failure the retry timer stays in charge; an edit does not reset the backoff.
      return { ...state, status: state.status === 'failed' ? 'failed' : 'pending' };
    case 'clean':
      return state.status === 'saving' ? state : { ...state, status: 'saved', failures: 0 };
    case 'start':
      return { ...state, status: 'saving' };
    case 'succeeded':
      return { status: event.stillDirty ? 'pending' : 'saved', failures: 0, savedAt: event.at };
    case 'failed':
      return { ...state, status: 'failed', failures: state.failures + 1 };
  }
}

/** Delay before the next automatic save: quick after typing, then 2, 4, 8 ... up to 30 s after failures. */
export function saveDelay(state: SaveState, debounceMs = 1200): number {
  if (state.failures === 0) return debounceMs;
  return Math.min(30_000, 1000 * 2 ** state.failures);
}
