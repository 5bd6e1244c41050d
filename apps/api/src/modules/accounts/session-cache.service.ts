import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/decorators';
import { AppConfigService } from '../../config/app-config.service';
import { listenForSessionChanges, SESSION_CHANGES_CHANNEL } from './accounts.repository';

/** Entries kept at most; past it the oldest go first (a Map iterates in insertion order). */
const MAX_ENTRIES = 20_000;

interface Entry {
  user: AuthUser;
  /** ms since the epoch: the earlier of "now + SESSION_CACHE_SECONDS" and the session's expiry. */
  until: number;
}

/**
 * Session cookie -> user, kept SESSION_CACHE_SECONDS per token so that an authenticated request
 * skips the session statement (issue 17). Revocation stays immediate on every instance: a trigger
 * on `users` and `sessions` notifies `session_changes` with the user's id at commit, and each
 * instance's LISTEN connection drops that user's entries. The cache is used only while that
 * connection is up: before it is listening, or after it failed, every lookup reads Postgres and
 * nothing is stored (a notification could have been missed), and the whole cache is dropped.
 * A lookup that raced with a notification (read before, finished after) is not stored either.
 */
@Injectable()
export class SessionCacheService implements OnModuleDestroy {
  private readonly logger = new Logger('SessionCache');
  private readonly ttlMs: number;
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every notification and every loss of the connection. */
  private epoch = 0;
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private listening = false;
  private closed = false;

  constructor(
    private readonly db: DataSource,
    config: AppConfigService,
  ) {
    this.ttlMs = config.get('SESSION_CACHE_SECONDS') * 1000;
  }

  /**
   * The cached user for `key` (the token's hash, hex), or `load()`'s answer (stored when it may be).
   * `load` returns null for an unknown, expired or revoked session.
   */
  async lookup(key: string, load: () => Promise<{ user: AuthUser; expiresAt: Date } | null>): Promise<AuthUser | null> {
    if (this.ttlMs === 0) return (await load())?.user ?? null;
    if (!this.listening) this.startListening();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now && this.listening) return hit.user;
    if (hit) this.entries.delete(key);
    const epoch = this.epoch;
    const found = await load();
    if (found && this.listening && epoch === this.epoch) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { user: found.user, until: Math.min(now + this.ttlMs, found.expiresAt.getTime()) });
    }
    return found?.user ?? null;
  }

  /** Drops a user's entries on this instance now (the others hear it from the trigger). */
  forgetUser(userId: string): void {
    this.epoch += 1;
    for (const [key, entry] of this.entries) if (entry.user.id === userId) this.entries.delete(key);
  }

  /** Drops one session's entry on this instance now. */
  forgetSession(sessionId: string): void {
    this.epoch += 1;
    for (const [key, entry] of this.entries) if (entry.user.sessionId === sessionId) this.entries.delete(key);
  }

  /** Whether lookups are being cached (the LISTEN connection is up); for tests and metrics. */
  get active(): boolean {
    return this.ttlMs > 0 && this.listening;
  }

  get size(): number {
    return this.entries.size;
  }

  private startListening(): void {
    if (this.closed || this.connecting) return;
    this.connecting = this.open()
      .catch((err: unknown) => {
        this.logger.warn({ err }, 'session LISTEN connection failed; lookups read Postgres until it is back');
        this.retryLater();
      })
      .finally(() => (this.connecting = undefined));
  }

  private retryLater(): void {
    if (!this.closed) setTimeout(() => this.startListening(), 2000).unref();
  }

  private async open(): Promise<void> {
    const url = (this.db.options as { url?: string }).url;
    const client = new Client({ connectionString: url });
    client.on('notification', (msg) => {
      if (msg.channel === SESSION_CHANGES_CHANNEL && msg.payload) this.forgetUser(msg.payload);
    });
    const lost = (err?: unknown) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.listening = false;
      this.epoch += 1;
      this.entries.clear();
      client.end().catch(() => undefined);
      if (!this.closed) {
        this.logger.warn({ err }, 'session LISTEN connection lost; lookups read Postgres until it is back');
        this.retryLater();
      }
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    this.client = client;
    try {
      await listenForSessionChanges(client);
    } catch (e) {
      this.client = undefined;
      await client.end().catch(() => undefined);
      throw e;
    }
    if (this.closed) {
      this.client = undefined;
      await client.end().catch(() => undefined);
      return;
    }
    // Anything read before this point may have changed unheard: start from an empty cache.
    this.epoch += 1;
    this.entries.clear();
    this.listening = true;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.listening = false;
    this.entries.clear();
    const client = this.client;
    this.client = undefined;
    await this.connecting;
    await client?.end().catch(() => undefined);
  }
}
