import { join } from 'node:path';
import type { AppConfig } from '../config/env';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';

/**
 * DATABASE_URL when set; otherwise the embedded Postgres under DATA_DIR (started here).
 * `reuseRunning` lets a CLI share the server a running app already started.
 */
export async function resolveDatabase(
  config: AppConfig,
  log: (line: string) => void,
  opts: { reuseRunning?: boolean } = {},
): Promise<RunningPostgres> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, owned: false, stop: async () => undefined };
  return startEmbeddedPostgres({
    dataDir: join(config.dataDir, 'postgres'),
    port: config.EMBEDDED_PG_PORT,
    database: 'goprep',
    log,
    reuseRunning: opts.reuseRunning ?? false,
  });
}
