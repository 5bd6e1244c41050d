import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { E2E_SECRETS_KEY } from '../../../support/app-process';

const ROOT = resolve(__dirname, '..', '..', '..', '..');

/**
 * `npm run admin -- <args>` against the app the suite's global setup started (its own data folder
 * and Postgres, handed over in E2E_DATA_DIR / E2E_PG_PORT). Returns what the command printed.
 */
export function runAdmin(args: string[]): string {
  const dataDir = process.env['E2E_DATA_DIR'];
  const pgPort = process.env['E2E_PG_PORT'];
  if (!dataDir || !pgPort) throw new Error('E2E_DATA_DIR/E2E_PG_PORT are not set: this spec needs the app started by the global setup.');
  const run = spawnSync(process.execPath, [resolve(ROOT, 'apps/api/dist/cli/admin.js'), ...args], {
    cwd: ROOT,
    // The app's key: the command opens the same database (and would move secrets of an older key to it).
    env: { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: pgPort, DATABASE_URL: '', LOG_LEVEL: 'warn', SECRETS_KEY: E2E_SECRETS_KEY },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`admin ${args[0] ?? ''} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}
