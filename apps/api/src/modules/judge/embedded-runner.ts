import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../../config/env';

export interface EmbeddedRunner {
  stop(): Promise<void>;
}

/**
 * `npm start` runs one judge runner beside the API, on the same database, as a child process:
 * untrusted code never runs in the API process, and a runner that cannot open its sandbox exits
 * on its own while the API keeps serving (task screens then say the judge is unavailable).
 */
export function startEmbeddedRunner(config: AppConfig, databaseUrl: string, say: (line: string) => void): EmbeddedRunner | undefined {
  const entry = join(config.repoRoot, 'apps/runner/dist/main.js');
  if (!existsSync(entry)) {
    say(`judge runner not built (${entry} missing): code tasks stay queued until a runner starts`);
    return undefined;
  }
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: config.repoRoot,
    // The runner's cache lives beside the embedded Postgres unless set otherwise.
    env: { JUDGE_DATA_DIR: join(config.dataDir, 'judge'), ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited = false;
  child.once('exit', (code, signal) => {
    exited = true;
    if (code !== 0) say(`judge runner exited (${signal ?? `code ${code}`}); code tasks stay queued until a runner starts`);
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
