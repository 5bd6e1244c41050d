import { hostname } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** Every setting the runner reads (the README's "Judge runners" section lists them). */
const schema = z.object({
  /** The API's Postgres: the queue, the task specs and the results live there. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://'),
  /** Where the sandbox keeps its pre-warmed build cache and module set. */
  JUDGE_DATA_DIR: z.string().min(1).default('.data/judge'),
  /** Submissions judged at once by this runner (each uses about one core). */
  JUDGE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** Port of the Prometheus metrics endpoint (/metrics); 0 = none. */
  RUNNER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** How often this runner writes its heartbeat, in ms. */
  RUNNER_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** A runner silent for this long is dead: its jobs are released for another runner to retry. */
  RUNNER_DEAD_AFTER_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
  /** How often to look for dead runners, in ms. */
  RUNNER_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** Stable name of this runner in the status table; default host-pid-random. */
  RUNNER_ID: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/).optional(),
  /** Skip warming the build cache at start (tests that warmed it already). */
  RUNNER_SKIP_WARM: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').default(false),
});

export type RunnerConfig = z.infer<typeof schema> & { runnerId: string; dataDir: string };

export class RunnerConfigError extends Error {}

export function loadRunnerConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): RunnerConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new RunnerConfigError(`Invalid runner configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const raw = parsed.data;
  return {
    ...raw,
    runnerId: raw.RUNNER_ID ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    dataDir: isAbsolute(raw.JUDGE_DATA_DIR) ? raw.JUDGE_DATA_DIR : resolve(cwd, raw.JUDGE_DATA_DIR),
  };
}
