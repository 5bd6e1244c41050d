import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
// The bench folder is plain scripts outside the Nx graph; it reuses the e2e process helpers as they are.
import { startApp, type RunningApp } from '../../support/app-process';
import { freePort } from '../../support/free-port';

export const ROOT = resolve(__dirname, '..', '..', '..');
/** The benchmark cluster lives here (git-ignored); `npm run bench:seed` recreates it. */
export const BENCH_DATA_DIR = resolve(ROOT, process.env['BENCH_DATA_DIR'] ?? '.data/bench');
export const SEED_MARKER = join(BENCH_DATA_DIR, 'seed.json');
/** Password of every seeded learner (the bench also registers its own users through the API). */
export const SEED_PASSWORD = 'bench-password-2026';

/** The embedded Postgres credentials (apps/api/src/database/embedded-postgres.ts). */
export function embeddedUrl(port: number): string {
  return `postgres://postgres:goprep-local@127.0.0.1:${port}/goprep`;
}

export interface BenchApp {
  app: RunningApp;
  dbUrl: string;
  pgPort: number;
}

/**
 * The production build (apps/api/dist/main.js, as `npm start` runs it) on the bench cluster. The
 * login limits are lifted because the bench logs many users in from one address, and the judge's
 * run limit because the load bench submits runs as fast as it can.
 */
/**
 * The judge's runs per user per minute for bench apps and the baseline (the API's maximum): the load
 * bench submits hundreds of runs per user, where the default (20) would answer 429.
 */
export const BENCH_JUDGE_RUNS_PER_MINUTE = '10000';

export async function startBenchApp(env: Record<string, string> = {}, dataDir = BENCH_DATA_DIR): Promise<BenchApp> {
  const pgPort = Number(env['EMBEDDED_PG_PORT'] ?? (await freePort()));
  const app = await startApp({
    dataDir,
    env: {
      EMBEDDED_PG_PORT: String(pgPort),
      LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
      JUDGE_RUNS_PER_MINUTE: BENCH_JUDGE_RUNS_PER_MINUTE,
      // BENCH_LOG_LEVEL=info measures the request log's cost (issue 17); warn by default.
      LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
      ...env,
    },
  });
  return { app, pgPort, dbUrl: env['DATABASE_URL'] || embeddedUrl(pgPort) };
}

export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `--name value` pairs (numbers) with defaults. */
export function numberArgs<T extends Record<string, number>>(defaults: T, argv = process.argv.slice(2)): T {
  const out: Record<string, number> = { ...defaults };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    const key = arg.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (!(key in defaults)) throw new Error(`unknown option ${arg}; known: ${Object.keys(defaults).join(', ')}`);
    const value = Number(argv[i + 1]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${arg} needs a number`);
    out[key] = value;
    i += 1;
  }
  return out as T;
}

export function flag(name: string, argv = process.argv.slice(2)): boolean {
  return argv.includes(`--${name}`);
}

export function requireBuild(): void {
  for (const path of ['apps/api/dist/main.js', 'apps/web/dist/index.html']) {
    if (!existsSync(join(ROOT, path))) throw new Error(`${path} is missing: run \`npx nx run-many -t build -p api web\` first.`);
  }
}

export const fmt = {
  ms: (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`,
  int: (n: number) => Math.round(n).toLocaleString('en-US'),
  kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`,
};

/** Prints an aligned table. */
export function table(rows: Array<Record<string, string | number>>): string {
  if (rows.length === 0) return '';
  const keys = Object.keys(rows[0]!);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(keys), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(keys.map((k) => String(r[k] ?? ''))))].join('\n');
}
