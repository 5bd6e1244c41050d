import { Logger as WorkerLogger, runMigrations } from 'graphile-worker';

const quiet = new WorkerLogger(() => () => undefined);

/**
 * graphile-worker keeps its queue in its own schema (graphile_worker) and migrates it itself.
 * The API runs those migrations at start too, so a submission can be queued (add_job) before
 * any runner has ever started.
 */
export async function migrateJudgeQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: quiet });
}
