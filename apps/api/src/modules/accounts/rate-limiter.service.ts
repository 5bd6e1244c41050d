import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface RateLimitState {
  count: number;
  /** Seconds until the window resets. */
  retryAfter: number;
}

/**
 * Fixed-window counters in Postgres, so limits hold across several API instances and restarts.
 */
@Injectable()
export class RateLimiterService {
  constructor(private readonly db: DataSource) {}

  /** Counts one event for `key` and returns the count in the current window. */
  async hit(key: string, windowSeconds: number): Promise<RateLimitState> {
    const rows: Array<{ count: number; retry_after: number }> = await this.db.query(
      `INSERT INTO rate_limits AS r (key, window_start, count) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE r.count + 1 END,
         window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN now() ELSE r.window_start END
       RETURNING count, ceil(extract(epoch FROM (window_start + make_interval(secs => $2) - now())))::int AS retry_after`,
      [key, windowSeconds],
    );
    const row = rows[0];
    if (!row) throw new Error('rate limit upsert returned no row');
    return { count: row.count, retryAfter: Math.max(1, row.retry_after) };
  }

  /** The current count without counting an event. */
  async peek(key: string, windowSeconds: number): Promise<RateLimitState> {
    const rows: Array<{ count: number; retry_after: number }> = await this.db.query(
      `SELECT count, ceil(extract(epoch FROM (window_start + make_interval(secs => $2) - now())))::int AS retry_after
         FROM rate_limits WHERE key = $1 AND window_start > now() - make_interval(secs => $2)`,
      [key, windowSeconds],
    );
    const row = rows[0];
    return row ? { count: row.count, retryAfter: Math.max(1, row.retry_after) } : { count: 0, retryAfter: 0 };
  }

  async reset(key: string): Promise<void> {
    await this.db.query('DELETE FROM rate_limits WHERE key = $1', [key]);
  }
}
