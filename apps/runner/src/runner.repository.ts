import type { Pool } from 'pg';
import type { JudgeResult, TaskSpec } from '@goprep/judge';

/** The channel the API listens on; the payload is the run id. */
export const JUDGE_CHANNEL = 'judge_runs';
export const JUDGE_TASK = 'judge';

export interface ClaimedRun {
  id: string;
  question_version_id: string;
  mode: 'visible' | 'hidden' | 'playground';
  files: Record<string, string>;
}

/** All SQL of the runner. */
export class RunnerRepository {
  constructor(private readonly pool: Pool) {}

  /**
   * Marks the run running under this worker, unless it already has its verdict (a job delivered
   * again after its verdict was stored but before the queue heard of it): then undefined.
   */
  async claim(runId: string, runnerId: string, workerId: string | null): Promise<ClaimedRun | undefined> {
    const { rows } = await this.pool.query<ClaimedRun>(
      `WITH r AS (
         UPDATE judge_runs SET state = 'running', started_at = coalesce(started_at, now()), runner_id = $2, worker_id = $3,
                attempt_count = attempt_count + 1
          WHERE id = $1 AND state <> 'done'
          RETURNING id, question_version_id, mode, files)
       SELECT r.*, pg_notify($4, r.id::text) FROM r`,
      [runId, runnerId, workerId, JUDGE_CHANNEL],
    );
    return rows[0];
  }

  /**
   * Stores the verdict in one statement, only over a run without one: however often a job is
   * delivered, the first verdict stays. Returns the queue wait in seconds, or undefined when
   * another delivery already stored a verdict.
   */
  async finish(runId: string, result: JudgeResult): Promise<{ waitSeconds: number } | undefined> {
    const { rows } = await this.pool.query<{ wait_seconds: number }>(
      `WITH r AS (
         UPDATE judge_runs SET state = 'done', verdict = $2, score = $3, tests = $4, race_report = $5, leak_report = $6,
                compile_output = $7, message = $8, limit_killed = $9, duration_ms = $10, finished_at = now(), program = $12
          WHERE id = $1 AND state <> 'done'
          RETURNING id, queued_at, started_at)
       SELECT extract(epoch FROM r.started_at - r.queued_at)::float8 AS wait_seconds, pg_notify($11, r.id::text) FROM r`,
      [
        runId,
        result.verdict,
        Math.min(1, Math.max(0, result.score)),
        JSON.stringify(result.tests),
        result.raceReport ?? null,
        result.leakReport ?? null,
        result.compileOutput ?? null,
        result.message,
        result.limitKilled ?? null,
        Math.round(result.durationMs),
        JUDGE_CHANNEL,
        result.program ? JSON.stringify(result.program) : null,
      ],
    );
    const row = rows[0];
    return row ? { waitSeconds: row.wait_seconds } : undefined;
  }

  async taskSpec(versionId: string): Promise<TaskSpec | undefined> {
    const { rows } = await this.pool.query<{ spec: TaskSpec }>('SELECT spec FROM judge_task_specs WHERE question_version_id = $1', [versionId]);
    return rows[0]?.spec;
  }

  /** Specs of the current version of every live task: what the build cache is warmed with. */
  async currentTaskSpecs(): Promise<TaskSpec[]> {
    const { rows } = await this.pool.query<{ spec: TaskSpec }>(
      `SELECT s.spec FROM judge_task_specs s
         JOIN question_versions v ON v.id = s.question_version_id
         JOIN questions q ON q.id = v.question_id AND q.current_version = v.version
        WHERE q.retired_at IS NULL
        ORDER BY q.id`,
    );
    return rows.map((r) => r.spec);
  }

  async register(runnerId: string, host: string, pid: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO judge_runner_status (runner_id, hostname, pid, state) VALUES ($1, $2, $3, 'warming')
       ON CONFLICT (runner_id) DO UPDATE SET hostname = $2, pid = $3, state = 'warming', warm_done = 0, warm_total = 0,
         message = '', started_at = now(), heartbeat_at = now()`,
      [runnerId, host, pid],
    );
  }

  async heartbeat(runnerId: string, patch: { state?: 'warming' | 'ready' | 'stopped'; warmDone?: number; warmTotal?: number; message?: string } = {}): Promise<void> {
    await this.pool.query(
      `UPDATE judge_runner_status SET heartbeat_at = now(), state = coalesce($2, state), warm_done = coalesce($3, warm_done),
              warm_total = coalesce($4, warm_total), message = coalesce($5, message)
        WHERE runner_id = $1`,
      [runnerId, patch.state ?? null, patch.warmDone ?? null, patch.warmTotal ?? null, patch.message ?? null],
    );
  }

  async countJob(runnerId: string): Promise<void> {
    await this.pool.query('UPDATE judge_runner_status SET jobs_done = jobs_done + 1 WHERE runner_id = $1', [runnerId]);
  }

  /**
   * Releases the queue locks of runners that stopped heartbeating (killed, machine lost), so
   * another runner retries their jobs now instead of after graphile-worker's 4-hour lock expiry.
   * Idempotent: several runners may sweep at once. Returns the released worker ids.
   */
  async releaseDeadRunners(deadAfterMs: number): Promise<string[]> {
    await this.pool.query(
      `UPDATE judge_runner_status SET state = 'dead', message = 'no heartbeat'
        WHERE state IN ('warming', 'ready') AND heartbeat_at < now() - make_interval(secs => $1)`,
      [deadAfterMs / 1000],
    );
    // Two ways a lock is orphaned: the run names the worker and that worker's runner is dead; or
    // the worker locked the job and never claimed its run (killed in between) for longer than a
    // claim can take. A live but slow runner released by mistake costs a second judging, never a
    // second verdict.
    const { rows } = await this.pool.query<{ worker: string }>(
      `SELECT DISTINCT j.locked_by AS worker
         FROM graphile_worker.jobs j
         JOIN judge_runs r ON r.id::text = j.key
         LEFT JOIN judge_runner_status s ON s.runner_id = r.runner_id
        WHERE j.task_identifier = $1 AND j.locked_by IS NOT NULL
          AND ((r.worker_id = j.locked_by AND (s.runner_id IS NULL OR s.state IN ('dead', 'stopped')))
            OR (r.worker_id IS DISTINCT FROM j.locked_by AND j.locked_at < now() - make_interval(secs => $2)))`,
      [JUDGE_TASK, deadAfterMs / 1000],
    );
    const workers = rows.map((r) => r.worker);
    if (workers.length > 0) await this.pool.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [workers]);
    return workers;
  }

  /**
   * Runs the queue gave up on (every attempt failed, e.g. a runner killed again and again) or
   * whose job is gone: they get an internal-error verdict instead of staying "running" forever.
   * The API inserts a run and its job in one transaction, so a run without a job is never new.
   */
  async closeAbandonedRuns(): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `WITH abandoned AS (
         SELECT r.id FROM judge_runs r
          WHERE r.state <> 'done'
            AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j
                             WHERE j.key = r.id::text AND (j.attempts < j.max_attempts OR j.locked_at IS NOT NULL))
          FOR UPDATE SKIP LOCKED),
       closed AS (
         UPDATE judge_runs r SET state = 'done', verdict = 'internal-error', score = 0, tests = '[]'::jsonb, finished_at = now(),
                message = 'The judge could not finish this run after several attempts; please run it again.'
           FROM abandoned a WHERE r.id = a.id AND r.state <> 'done'
          RETURNING r.id)
       SELECT id, pg_notify($1, id::text) FROM closed`,
      [JUDGE_CHANNEL],
    );
    return rows.map((r) => r.id);
  }

  async queueDepth(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = $1 AND locked_at IS NULL AND attempts < max_attempts',
      [JUDGE_TASK],
    );
    return rows[0]?.n ?? 0;
  }
}
