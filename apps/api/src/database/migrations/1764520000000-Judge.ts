import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The judge (issue 14). The queue itself is graphile-worker's own schema (graphile_worker,
 * migrated by graphile-worker); these tables hold what goprep needs around it:
 * - judge_task_specs: what the runner needs to judge a code-task version, including the hidden
 *   tests and the reference solution. Server-side only: no delivery or review query reads it.
 * - judge_runs: one row per submission. A verdict is written once: the runner's update is
 *   guarded by `state <> 'done'`, and the check ties `done` to a verdict. A hidden-mode run (final
 *   judging of an attempt item; a candidate's attempt has no user) is applied to the item's grade
 *   once, marked by applied_at.
 * - judge_runner_status: one row per runner process, its heartbeat and cache-warming progress;
 *   a runner whose heartbeat stops has its queue locks released so another runner retries.
 */
export class Judge1764520000000 implements MigrationInterface {
  name = 'Judge1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE judge_task_specs (
        question_version_id uuid PRIMARY KEY REFERENCES question_versions(id) ON DELETE CASCADE,
        spec jsonb NOT NULL,
        starter jsonb NOT NULL,
        solution jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE judge_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        attempt_id uuid,
        position integer,
        question_id text NOT NULL,
        question_version_id uuid NOT NULL REFERENCES question_versions(id),
        version integer NOT NULL,
        mode text NOT NULL CHECK (mode IN ('visible', 'hidden', 'playground')),
        code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
        files jsonb NOT NULL,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done')),
        verdict text CHECK (verdict IN ('passed', 'failed', 'compile-error', 'rejected', 'time-limit',
          'memory-limit', 'output-limit', 'internal-error')),
        score real CHECK (score BETWEEN 0 AND 1),
        tests jsonb,
        race_report text,
        leak_report text,
        compile_output text,
        message text,
        limit_killed text,
        queued_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        duration_ms integer,
        runner_id text,
        worker_id text,
        attempt_count integer NOT NULL DEFAULT 0,
        applied_at timestamptz,
        CHECK ((state = 'done') = (verdict IS NOT NULL)),
        CHECK (user_id IS NOT NULL OR attempt_id IS NOT NULL),
        CHECK (applied_at IS NULL OR (mode = 'hidden' AND state = 'done')),
        CHECK ((attempt_id IS NULL) = (position IS NULL)),
        FOREIGN KEY (attempt_id, position) REFERENCES attempt_items(attempt_id, position) ON DELETE CASCADE
      )`);
    await q.query('CREATE INDEX judge_runs_user_idx ON judge_runs (user_id, queued_at DESC)');
    await q.query('CREATE INDEX judge_runs_item_idx ON judge_runs (attempt_id, position, queued_at DESC) WHERE attempt_id IS NOT NULL');
    await q.query(`CREATE INDEX judge_runs_open_idx ON judge_runs (queued_at) WHERE state <> 'done'`);
    // Verdicts of final judging not yet applied to their attempt's grade.
    await q.query(`CREATE INDEX judge_runs_unapplied_idx ON judge_runs (finished_at) WHERE mode = 'hidden' AND state = 'done' AND applied_at IS NULL`);
    await q.query(`
      CREATE TABLE judge_runner_status (
        runner_id text PRIMARY KEY,
        hostname text NOT NULL,
        pid integer NOT NULL,
        state text NOT NULL CHECK (state IN ('warming', 'ready', 'stopped', 'dead')),
        warm_done integer NOT NULL DEFAULT 0,
        warm_total integer NOT NULL DEFAULT 0,
        jobs_done integer NOT NULL DEFAULT 0,
        message text NOT NULL DEFAULT '',
        started_at timestamptz NOT NULL DEFAULT now(),
        heartbeat_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE judge_runner_status');
    await q.query('DROP TABLE judge_runs');
    await q.query('DROP TABLE judge_task_specs');
  }
}
