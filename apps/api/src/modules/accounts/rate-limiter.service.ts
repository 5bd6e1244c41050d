import { Injectable } from '@nestjs/common';
import { AccountsRepository } from './accounts.repository';

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
  constructor(private readonly repo: AccountsRepository) {}

  /** Counts one event for `key` and returns the count in the current window. */
  async hit(key: string, windowSeconds: number): Promise<RateLimitState> {
    const row = await this.repo.hitRateLimit(key, windowSeconds);
    if (!row) throw new Error('rate limit upsert returned no row');
    return { count: row.count, retryAfter: Math.max(1, row.retry_after) };
  }

  /** The current count without counting an event. */
  async peek(key: string, windowSeconds: number): Promise<RateLimitState> {
    const row = await this.repo.peekRateLimit(key, windowSeconds);
    return row ? { count: row.count, retryAfter: Math.max(1, row.retry_after) } : { count: 0, retryAfter: 0 };
  }

  async reset(key: string): Promise<void> {
    await this.repo.resetRateLimit(key);
  }
}
