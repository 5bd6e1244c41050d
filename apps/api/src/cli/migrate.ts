import 'reflect-metadata';
import { createApp, prepareDatabase } from '../bootstrap';
import { loadConfig } from '../config/env';
import { resolveDatabase } from '../database/database-url';

/** Applies pending migrations and loads the bank, then exits: the container entrypoint's first step. */
async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn', WEB_DIST_DIR: '' });
  const db = await resolveDatabase(config, () => undefined, { reuseRunning: true });
  const app = await createApp(config, db.url);
  try {
    const result = await prepareDatabase(app, config, { loadBank: true });
    process.stdout.write(`migrations applied: ${result.migrations.length}; bank: ${JSON.stringify(result.bank)}\n`);
  } finally {
    await app.close();
    await db.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`migration failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
