import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

const ROOT = resolve(__dirname, '..', '..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');
/** The SECRETS_KEY of apps started here: 32 bytes, the same for every start so a restart reads what the last run sealed. */
export const E2E_SECRETS_KEY = createHash('sha256').update('goprep e2e apps').digest('base64');

export interface RunningApp {
  url: string;
  /** The embedded Postgres the app uses (with the embedded default credentials), e.g. for a judge runner beside it. */
  databaseUrl: string;
  /** The data folder (the embedded Postgres lives in `<dataDir>/postgres`). */
  dataDir: string;
  /** The API process's id (for measuring its CPU time). */
  pid: number | undefined;
  /** Everything the process printed, for diagnosing a failure. */
  output(): string;
  /** Ctrl+C: a clean stop, Postgres included; removes the data folder unless it was passed in. */
  stop(): Promise<void>;
  /** kill -9, as a crash would: Postgres is left running, the data folder is kept. */
  crash(): Promise<void>;
}

export interface StartAppOptions {
  env?: Record<string, string>;
  /** Reuse a data folder (and its Postgres cluster) instead of a fresh one; it is never removed. */
  dataDir?: string;
}

/**
 * Runs the production build (`apps/api/dist/main.js` serving `apps/web/dist`) as `npm start` does,
 * on free ports, with a throwaway embedded Postgres. Build first: `npx nx run-many -t build -p api web`.
 */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npx nx run-many -t build -p api web\` first.`);
  const env = options.env ?? {};
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'goprep-app-'));
  // A given PORT lets a test restart the app where its browsers are connected.
  const port = Number(env['PORT'] ?? (await freePort()));
  const pgPort = Number(env['EMBEDDED_PG_PORT'] ?? (await freePort()));
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      PUBLIC_URL: url,
      // The process suites test the API; the judge runner has its own suite (judge.e2e-spec).
      JUDGE_EMBEDDED_RUNNER: 'false',
      // Production refuses to start without one; a fixed key keeps a restart on the same data readable.
      SECRETS_KEY: E2E_SECRETS_KEY,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const ready = new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`app did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('[goprep] ready:')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`app exited with code ${code} before it was ready:\n${output}`));
    });
  });
  try {
    await ready;
  } catch (e) {
    if (child.exitCode === null) child.kill('SIGKILL');
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    url,
    // The embedded cluster's superuser and password (apps/api/src/database/embedded-postgres.ts) and the default database.
    databaseUrl: `postgres://postgres:goprep-local@127.0.0.1:${pgPort}/goprep`,
    dataDir,
    pid: child.pid,
    output: () => output,
    crash: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      let timer: NodeJS.Timeout | undefined;
      // An upper bound only: a clean stop (Postgres's shutdown checkpoint included) took over 20 s on
      // a machine at load 18, and a SIGKILL then left Postgres running.
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 90_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
