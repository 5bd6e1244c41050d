import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { listenOn } from './judge.repository';

/** The channel the runner notifies with a run id whenever that run changes state. */
export const JUDGE_CHANNEL = 'judge_runs';

type Listener = () => void;

/**
 * One LISTEN connection per API process, shared by every open event stream: a notification for
 * a run wakes only the streams of that run. Connected on first use and reconnected after a
 * failure; while reconnecting, streams are woken once the connection is back so that nothing
 * notified in between is missed (they re-read the row).
 */
@Injectable()
export class JudgeEventsService implements OnModuleDestroy {
  private readonly logger = new Logger('JudgeEvents');
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Woken by every run's change (the grading of final runs). */
  private readonly everyRun = new Set<Listener>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly db: DataSource) {}

  /** Resolves once LISTEN is active; `onChange` runs on every change of the run until unsubscribed. */
  async subscribe(runId: string, onChange: Listener): Promise<() => void> {
    let set = this.listeners.get(runId);
    if (!set) this.listeners.set(runId, (set = new Set()));
    set.add(onChange);
    const unsubscribe = () => {
      const current = this.listeners.get(runId);
      current?.delete(onChange);
      if (current?.size === 0) this.listeners.delete(runId);
    };
    try {
      await this.connect();
    } catch (e) {
      unsubscribe();
      throw e;
    }
    return unsubscribe;
  }

  /** `onChange` runs on every change of any run until unsubscribed. */
  async subscribeAll(onChange: Listener): Promise<() => void> {
    this.everyRun.add(onChange);
    try {
      await this.connect();
    } catch (e) {
      this.everyRun.delete(onChange);
      throw e;
    }
    return () => this.everyRun.delete(onChange);
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const url = (this.db.options as { url?: string }).url;
    const client = new Client({ connectionString: url });
    client.on('notification', (msg) => {
      if (msg.channel !== JUDGE_CHANNEL || !msg.payload) return;
      for (const listener of this.listeners.get(msg.payload) ?? []) listener();
      for (const listener of this.everyRun) listener();
    });
    client.on('error', (err) => {
      if (!this.closed) this.logger.warn({ err }, 'judge LISTEN connection failed; reconnecting');
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      if (!this.closed && (this.listeners.size > 0 || this.everyRun.size > 0)) setTimeout(() => void this.reconnect(), 1000).unref();
    });
    await client.connect();
    await listenOn(client, JUDGE_CHANNEL);
    this.client = client;
  }

  private async reconnect(): Promise<void> {
    try {
      await this.connect();
      for (const set of this.listeners.values()) for (const listener of set) listener();
      for (const listener of this.everyRun) listener();
    } catch (err) {
      this.logger.warn({ err }, 'judge LISTEN reconnect failed; retrying');
      if (!this.closed) setTimeout(() => void this.reconnect(), 2000).unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
