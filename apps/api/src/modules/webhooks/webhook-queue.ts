import { Logger as WorkerLogger, runMigrations } from 'graphile-worker';

/**
 * The webhook deliveries' graphile-worker schema, apart from the judge's (graphile_worker).
 *
 * graphile-worker's job query walks its available jobs in priority and run_at order and skips
 * those of tasks the worker does not know. In one shared schema every judge job queued and not yet
 * taken was walked by each API instance's webhook worker on every wake-up, and every `add_job`
 * wakes it (the `jobs:insert` notification is one channel for every schema): 0.4-1 µs of
 * Postgres CPU per queued judge job, per submission, per API instance (docs/performance.md). In
 * its own schema the webhook worker's query sees webhook jobs only.
 */
export const WEBHOOK_QUEUE_SCHEMA = 'goprep_webhook_queue';

/** graphile-worker's task name for one delivery attempt; the webhook worker knows no other task. */
export const WEBHOOK_TASK = 'webhook_deliver';

const quiet = new WorkerLogger(() => () => undefined);

/**
 * Creates or migrates the webhook queue's schema (graphile-worker migrates it itself). Jobs an
 * earlier version queued in the judge's schema are moved afterwards by
 * `WebhooksRepository.moveJobsFromJudgeQueue`.
 */
export async function migrateWebhookQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, schema: WEBHOOK_QUEUE_SCHEMA, logger: quiet });
}
