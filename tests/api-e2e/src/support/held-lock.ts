import { embeddedUrl } from '@goprep/api/testing';
import { Client } from 'pg';
import { e2eDatabase } from './e2e-env';
import type { TestApp } from './test-app';

/** Generous: on a loaded 2-core machine requests can take long to reach the lock; the wait ends as soon as they do. */
export const LOCK_WAIT_LIMIT_MS = 150_000;
/** Jest timeout for a test that uses underHeldLock once. */
export const HELD_LOCK_TEST_TIMEOUT_MS = LOCK_WAIT_LIMIT_MS + 60_000;

/**
 * Forces the interleaving a row lock must survive, without timing luck: a separate connection
 * takes `lockSql` (a `SELECT ... FOR UPDATE`) and keeps it while `fire()` sends its requests; once
 * `waiters` other backends of this database are blocked on a lock, the holder commits (or rolls
 * back, for a holder that inserted the row the requests are about to conflict on). Every
 * request has then started its locking statement before any of them could commit, which is the
 * schedule in which a re-check that reads a stale snapshot lets a second insert through.
 * `fire` may stage its requests: `waiting(n)` resolves once n backends are blocked on a lock, so a
 * request can be sent only after an earlier one has queued (the order decides who gets the lock first).
 * `holdUntil` (a wall-clock instant, ms) keeps the lock that long after the waiters queued, for
 * tests in which the time that passes during a lock wait is the point.
 */
export async function underHeldLock<T>(
  t: TestApp,
  lockSql: string,
  params: unknown[],
  waiters: number,
  fire: (waiting: (n: number) => Promise<void>) => Promise<T>,
  end: 'COMMIT' | 'ROLLBACK' = 'COMMIT',
  holdUntil = 0,
): Promise<T> {
  const url = embeddedUrl(e2eDatabase().port, t.database);
  const holder = new Client({ connectionString: url });
  // Watched from a connection of its own: inside the holder's transaction pg_stat_activity is one cached snapshot.
  const watcher = new Client({ connectionString: url });
  await Promise.all([holder.connect(), watcher.connect()]);
  try {
    await holder.query('BEGIN');
    const locked = await holder.query(lockSql, params);
    if (locked.rowCount !== 1) throw new Error(`the lock statement matched ${locked.rowCount} rows, expected 1`);
    let settled = false;
    const pending = fire((n) => waitForLockWaiters(watcher, t.database, n, () => settled)).finally(() => {
      settled = true;
    });
    await waitForLockWaiters(watcher, t.database, waiters, () => settled);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, holdUntil - Date.now())));
    await holder.query(end);
    return await pending;
  } finally {
    await Promise.all([holder.end(), watcher.end()]);
  }
}

async function waitForLockWaiters(client: Client, database: string, waiters: number, settled: () => boolean): Promise<void> {
  const until = Date.now() + LOCK_WAIT_LIMIT_MS;
  for (;;) {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      [database],
    );
    if ((rows[0]?.n ?? 0) >= waiters) return;
    // Requests that finished while the lock was held never waited for it: the schedule was not the one asked for.
    if (settled()) throw new Error(`the requests finished while the lock was held (${rows[0]?.n ?? 0} of ${waiters} waiting): they never queued on it`);
    if (Date.now() > until) throw new Error(`only ${rows[0]?.n ?? 0} of ${waiters} requests reached the lock within ${LOCK_WAIT_LIMIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
