import { hostname } from 'node:os';
import { Pool } from 'pg';
import { Logger as WorkerLogger, run, runMigrations, type JobHelpers, type Runner as WorkerRunner } from 'graphile-worker';
import { judgeSubmission, runPlayground, warmCache, type JudgeResult, type Sandbox } from '@goprep/judge';
import type { RunnerConfig } from './config';
import { RunnerMetrics } from './metrics';
import { JUDGE_TASK, RunnerRepository } from './runner.repository';

export type Log = (line: string) => void;

function internalError(message: string): JudgeResult {
  return { verdict: 'internal-error', score: 0, tests: [], message, durationMs: 0 };
}

/**
 * One judge runner: heartbeats in judge_runner_status, warms the build cache, then takes `judge`
 * jobs from the graphile-worker queue and stores one verdict per run.
 *
 * Crash safety: the verdict is written by a single guarded UPDATE (state <> 'done'), so a job
 * that is delivered again (its runner was killed, or died between storing the verdict and
 * completing the job) never changes a stored verdict. A killed runner's job stays locked in the
 * queue; any live runner that sees the dead runner's heartbeat stop releases the lock, and the job
 * is retried (graphile-worker counts the attempt).
 */
export class JudgeRunner {
  private readonly pool: Pool;
  private readonly repo: RunnerRepository;
  readonly metrics: RunnerMetrics;
  private worker: WorkerRunner | undefined;
  private timers: NodeJS.Timeout[] = [];
  private stopping = false;
  private state: 'warming' | 'ready' = 'warming';

  constructor(
    private readonly config: RunnerConfig,
    private readonly sandbox: Sandbox,
    private readonly log: Log,
  ) {
    this.pool = new Pool({ connectionString: config.DATABASE_URL, max: config.JUDGE_CONCURRENCY + 4 });
    // A dropped connection must not crash the runner: the pool replaces it, the job in hand fails and is retried.
    this.pool.on('error', (err) => log(`database connection error: ${err.message}`));
    this.pool.on('connect', (client) => client.on('error', (err) => log(`database connection error: ${err.message}`)));
    this.repo = new RunnerRepository(this.pool);
    this.metrics = new RunnerMetrics(() => this.repo.queueDepth());
  }

  async start(): Promise<void> {
    const quiet = new WorkerLogger(() => () => undefined);
    await runMigrations({ pgPool: this.pool, logger: quiet });
    await this.repo.register(this.config.runnerId, hostname(), process.pid);
    this.log(`registered as ${this.config.runnerId}`);
    this.every(this.config.RUNNER_HEARTBEAT_MS, () => this.repo.heartbeat(this.config.runnerId), 'heartbeat');
    this.every(this.config.RUNNER_SWEEP_MS, () => this.sweep(), 'sweep');
    await this.sweep();
    if (this.config.RUNNER_METRICS_PORT > 0) {
      // Metrics are for operators; a taken port must not keep the judge from working.
      await this.metrics
        .listen(this.config.RUNNER_METRICS_PORT)
        .then((port) => this.log(`metrics on http://0.0.0.0:${port}/metrics`))
        .catch((e: unknown) => this.log(`metrics not served: ${e instanceof Error ? e.message : String(e)}`));
    }
    if (!this.config.RUNNER_SKIP_WARM) await this.warm();
    if (this.stopping) return;
    this.state = 'ready';
    await this.repo.heartbeat(this.config.runnerId, { state: 'ready' });
    this.worker = await run({
      pgPool: this.pool,
      concurrency: this.config.JUDGE_CONCURRENCY,
      noHandleSignals: true,
      pollInterval: 1000,
      logger: new WorkerLogger((scope) => (level, message) => {
        if (level === 'error' || level === 'warning') this.log(`queue ${level}: ${message}${scope.jobId ? ` (job ${scope.jobId})` : ''}`);
      }),
      taskList: { [JUDGE_TASK]: (payload, helpers) => this.judge(payload, helpers) },
    });
    this.log(`ready: taking judge jobs (concurrency ${this.config.JUDGE_CONCURRENCY})`);
  }

  /** Builds every live task once so that a judge run finds a warm cache; jobs queue meanwhile. */
  private async warm(): Promise<void> {
    const tasks = await this.repo.currentTaskSpecs();
    this.log(`warming the build cache for ${tasks.length} task(s); jobs wait in the queue meanwhile`);
    await this.repo.heartbeat(this.config.runnerId, { state: 'warming', warmDone: 0, warmTotal: tasks.length, message: 'warming the build cache' });
    const started = Date.now();
    try {
      // The judge counts its own warming steps (several per task); progress is reported in those.
      let steps = tasks.length;
      await warmCache(tasks, this.sandbox, (done: number, total: number) => {
        steps = total;
        this.log(`warming: ${done}/${total}`);
        void this.repo.heartbeat(this.config.runnerId, { warmDone: done, warmTotal: total }).catch(() => undefined);
      });
      await this.repo.heartbeat(this.config.runnerId, { warmDone: steps, warmTotal: steps, message: `cache warm in ${Math.round((Date.now() - started) / 1000)} s` });
      this.log(`build cache warm (${Math.round((Date.now() - started) / 1000)} s)`);
    } catch (e) {
      // A cold cache only makes the first runs slow; judging stays correct, so go on.
      const message = `warming failed: ${e instanceof Error ? e.message : String(e)}`;
      this.log(message);
      await this.repo.heartbeat(this.config.runnerId, { message });
    }
  }

  private async judge(payload: unknown, helpers: JobHelpers): Promise<void> {
    const runId = (payload as { runId?: unknown } | null)?.runId;
    if (typeof runId !== 'string') {
      this.log(`job ${helpers.job.id}: no run id in the payload; dropped`);
      return;
    }
    const claimed = await this.repo.claim(runId, this.config.runnerId, helpers.job.locked_by);
    if (!claimed) return; // already judged (or the run is gone): nothing more to do, the job completes
    const started = Date.now();
    let result: JudgeResult;
    const spec = await this.repo.taskSpec(claimed.question_version_id);
    // A playground run of a code task uses its spec; of a code-output / code-lines question, the program alone.
    const { mode, files } = claimed;
    const work =
      mode === 'playground'
        ? () => runPlayground(spec, files, this.sandbox)
        : spec
          ? () => judgeSubmission(spec, files, mode, this.sandbox)
          : undefined;
    if (!work) {
      result = internalError('This question version has no judge task spec.');
    } else {
      try {
        result = await work();
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        this.log(`run ${runId}: judge failed (attempt ${helpers.job.attempts}/${helpers.job.max_attempts}): ${message}`);
        // Let the queue retry; the last attempt stores an internal error instead of losing the run.
        if (helpers.job.attempts < helpers.job.max_attempts) throw e;
        result = internalError('The judge failed on this submission; please try again.');
      }
    }
    const stored = await this.repo.finish(runId, result);
    if (!stored) return;
    await this.repo.countJob(this.config.runnerId).catch(() => undefined);
    this.metrics.wait.observe({ verdict: result.verdict }, stored.waitSeconds);
    this.metrics.run.observe({ verdict: result.verdict }, (Date.now() - started) / 1000);
    if (result.limitKilled) this.metrics.kills.inc({ limit: result.limitKilled });
    this.log(`run ${runId}: ${result.verdict} (score ${result.score.toFixed(2)}, ${Date.now() - started} ms)`);
  }

  private async sweep(): Promise<void> {
    const released = await this.repo.releaseDeadRunners(this.config.RUNNER_DEAD_AFTER_MS);
    if (released.length > 0) {
      this.metrics.released.inc(released.length);
      this.log(`released the jobs of dead runner worker(s) ${released.join(', ')} for a retry`);
    }
    const abandoned = await this.repo.closeAbandonedRuns();
    if (abandoned.length > 0) this.log(`closed run(s) the queue gave up on: ${abandoned.join(', ')}`);
  }

  private every(ms: number, fn: () => Promise<void>, what: string): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy || this.stopping) return;
      busy = true;
      fn()
        .catch((e: unknown) => this.log(`${what} failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => (busy = false));
    }, ms);
    this.timers.push(timer);
  }

  /** Graceful stop: finishes the job in hand, marks this runner stopped. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.timers.forEach(clearInterval);
    await this.worker?.stop().catch((e: unknown) => this.log(`queue stop failed: ${String(e)}`));
    await this.repo.heartbeat(this.config.runnerId, { state: 'stopped', message: 'stopped' }).catch(() => undefined);
    await this.metrics.close();
    await this.pool.end();
    await this.sandbox.close().catch(() => undefined);
    this.log(`stopped (${this.state === 'ready' ? 'was ready' : 'was warming'})`);
  }
}
