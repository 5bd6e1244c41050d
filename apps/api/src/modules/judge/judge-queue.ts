import { Logger as WorkerLogger, runMigrations } from 'graphile-worker';
import { Pool } from 'pg';

/**
 * graphile-worker keeps its queue in its own schema (graphile_worker) and migrates it itself.
 * The API runs those migrations at start too, so a submission can be queued (add_job) before
 * any runner has ever started.
 */
const quiet = new WorkerLogger(() => () => undefined);

export async function migrateJudgeQueue(databaseUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    await runMigrations({ pgPool: pool, logger: quiet });
  } finally {
    await pool.end();
  }
}
