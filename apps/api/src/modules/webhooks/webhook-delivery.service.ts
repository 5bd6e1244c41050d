import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Logger as WorkerLogger, run, type Runner } from 'graphile-worker';
import { Pool, type PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { SecretBox } from '../../common/crypto/secret-box';
import { AppConfigService } from '../../config/app-config.service';
import { sendWebhook, type SendOutcome } from './webhook-sender';
import { resolveWebhookTarget, WebhookTargetError } from './webhook-target';
import { WEBHOOK_QUEUE_SCHEMA, WEBHOOK_TASK } from './webhook-queue';
import { WebhooksRepository, type AttemptRecord } from './webhooks.repository';

/** Wait before retry number `attempt` (1 = the first retry): doubling from the base, capped. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** How long the app's shutdown waits for the webhook queue's connections to close. */
const CLOSE_WAIT_MS = 5_000;
/** Stranded jobs (below) are looked for once per this many polls: every minute by default. */
const POLLS_PER_MOVE = 30;

/** `application_name` of the webhook queue's connections (pg_stat_activity). */
export const WEBHOOK_POOL_NAME = 'goprep-webhook-queue';

/**
 * Sends webhook deliveries from graphile-worker in the API process, from a queue schema of their
 * own (`WEBHOOK_QUEUE_SCHEMA`; the judge's jobs are in graphile_worker), so neither side's job
 * query walks the other's jobs. One job is one attempt; the next attempt is a new job at its
 * `run_at`, queued in the transaction that records the failure.
 */
@Injectable()
export class WebhookDeliveryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private runner?: Runner;
  private pool?: Pool;
  /** The pool's connections that have not reported their end yet. */
  private readonly connections = new Set<PoolClient>();
  private moveTimer?: NodeJS.Timeout;
  private moving = false;

  constructor(
    private readonly db: DataSource,
    private readonly repo: WebhooksRepository,
    private readonly config: AppConfigService,
    private readonly box: SecretBox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Not for OpenAPI generation or CLIs that never connect.
    if (!this.config.get('WEBHOOK_WORKER') || !this.db.isInitialized) return;
    // The queue's own pool, owned here rather than by graphile-worker: graphile-worker 0.17 removes
    // its pool's error listener and then ends the pool without waiting, so a connection Postgres
    // closed after stop() (a test dropping its database, Postgres stopping right after the app)
    // raised an unhandled 'error' and killed the process. Here the listeners stay for the pool's
    // whole life and the app's shutdown waits for every connection to end (`closeConnections`).
    const pool = new Pool({ connectionString: (this.db.options as { url: string }).url, max: 4, application_name: WEBHOOK_POOL_NAME });
    pool.on('error', (err) => this.logger.warn(`webhook queue connection: ${err.message}`));
    pool.on('connect', (client) => {
      client.on('error', (err) => this.logger.warn(`webhook queue connection: ${err.message}`));
      this.connections.add(client);
      client.once('end', () => this.connections.delete(client));
    });
    this.pool = pool;
    this.runner = await run({
      pgPool: pool,
      schema: WEBHOOK_QUEUE_SCHEMA,
      concurrency: 4,
      noHandleSignals: true,
      pollInterval: this.config.get('WEBHOOK_POLL_INTERVAL_MS'),
      logger: new WorkerLogger(() => (level, message) => {
        if (level === 'error') this.logger.warn(`webhook queue: ${message}`);
      }),
      taskList: {
        [WEBHOOK_TASK]: async (payload) => {
          const deliveryId = (payload as { deliveryId?: unknown } | null)?.deliveryId;
          if (typeof deliveryId === 'string') await this.attempt(deliveryId);
        },
      },
    });
    // During a rolling upgrade an instance of the version before the queue's own schema can still
    // queue a retry in graphile_worker after this one has started (and moved the jobs there at
    // start); nothing would take it until the next start. So the move runs now and then too.
    this.moveTimer = setInterval(() => void this.moveStrandedJobs(), POLLS_PER_MOVE * this.config.get('WEBHOOK_POLL_INTERVAL_MS'));
    this.moveTimer.unref();
  }

  private async moveStrandedJobs(): Promise<void> {
    if (this.moving) return;
    this.moving = true;
    try {
      const moved = await this.repo.moveJobsFromJudgeQueue();
      if (moved > 0) this.logger.log(`moved ${moved} webhook job(s) queued by an earlier version`);
    } catch (err) {
      this.logger.warn(`webhook queue: moving earlier jobs failed: ${(err as Error).message}`);
    } finally {
      this.moving = false;
    }
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.moveTimer);
    this.moveTimer = undefined;
    await this.runner?.stop();
    this.runner = undefined;
    await this.closeConnections();
  }

  /**
   * Ends the pool and waits until each of its connections has closed. pg-pool's `end()` resolves
   * once no connection is checked out, while the idle ones are still ending; on a busy machine their
   * backends were still listed by Postgres after the app's close (seen in the API e2e suite beside
   * two busy loops). A connection that never reports its end is given up after `CLOSE_WAIT_MS`.
   */
  private async closeConnections(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    if (!pool) return;
    await pool.end();
    // Every connection has been asked to end; those still in the set have not reported it yet.
    const ending = [...this.connections].map((client) => new Promise<void>((resolve) => client.once('end', () => resolve())));
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = await Promise.race([
      Promise.all(ending).then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), CLOSE_WAIT_MS))),
    ]);
    clearTimeout(timer);
    if (gaveUp) this.logger.warn(`webhook queue: ${this.connections.size} connection(s) still closing after ${CLOSE_WAIT_MS} ms`);
  }

  /** One attempt of one delivery; a delivery that is no longer pending (or gone) is left alone. */
  async attempt(deliveryId: string): Promise<void> {
    const work = await this.repo.deliveryWork(deliveryId);
    if (!work || work.status !== 'pending') return;
    const attemptNo = work.round_attempts + 1;
    let outcome: SendOutcome;
    let final = false;
    if (!work.enabled) {
      outcome = { status: null, responseBody: null, durationMs: 0, error: 'The endpoint is disabled.' };
      final = true;
    } else {
      try {
        const target = await resolveWebhookTarget(work.url, this.config.get('WEBHOOK_ALLOW_PRIVATE_TARGETS'));
        outcome = await sendWebhook(target, { messageId: work.message_id, body: work.body, secret: this.box.open(work.secret) }, this.config.get('WEBHOOK_TIMEOUT_MS'));
      } catch (e) {
        if (!(e instanceof WebhookTargetError)) throw e;
        outcome = { status: null, responseBody: null, durationMs: 0, error: e.message };
        // An address that became internal or a URL that no longer parses will not get better by waiting; a DNS failure may.
        final = e.problem !== 'unresolvable';
      }
    }
    const ok = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    const exhausted = attemptNo >= this.config.get('WEBHOOK_MAX_ATTEMPTS');
    const record: AttemptRecord = {
      responseStatus: outcome.status,
      responseBody: outcome.responseBody,
      durationMs: outcome.durationMs,
      error: outcome.error,
      status: ok ? 'succeeded' : final || exhausted ? 'failed' : 'pending',
      retryAt: null,
    };
    if (record.status === 'pending') {
      record.retryAt = new Date(Date.now() + retryDelayMs(attemptNo, this.config.get('WEBHOOK_RETRY_BASE_MS'), this.config.get('WEBHOOK_RETRY_MAX_DELAY_MS')));
    }
    await this.repo.recordAttempt(deliveryId, record);
  }
}
