import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const MAIN = resolve(ROOT, 'apps/runner/src/main.ts');

/**
 * The judge data dir every suite's runners use: JUDGE_DATA_DIR, else `<repo>/.data/judge`, the one
 * the judge's unit specs and `npm run bank -- verify` warm earlier in `npm test`. Warming only
 * adds to its build-cache template (one stamp per task set), so a suite's fixture task finds the
 * race-built standard library there instead of compiling it again (~45 s of CPU per empty dir).
 */
export const SHARED_JUDGE_DATA_DIR = process.env['JUDGE_DATA_DIR'] ?? resolve(ROOT, '.data', 'judge');

export interface RunningRunner {
  readonly runnerId: string;
  readonly pid: number;
  /** Everything the runner printed, for diagnosing a failure. */
  output(): string;
  /** Not exited yet. */
  alive(): boolean;
  /** Resolves with the exit code (null after a signal). */
  exited: Promise<number | null>;
  /** Resolves once the runner logged `text`. */
  waitFor(text: string, timeoutMs: number): Promise<void>;
  /** SIGTERM: the graceful stop. */
  stop(): Promise<void>;
  /** kill -9, as a crash or a lost machine would. */
  kill9(): Promise<void>;
}

/**
 * A real judge runner process (apps/runner, run from source through tsx: the same code as the
 * build), on the given database, with the real sandbox (bubblewrap + Go).
 */
export function startRunner(runnerId: string, env: Record<string, string>): RunningRunner {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, RUNNER_ID: runnerId, RUNNER_METRICS_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const waiters: Array<{ text: string; done: () => void }> = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const w of [...waiters]) {
      if (output.includes(w.text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done();
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    runnerId,
    pid: child.pid ?? -1,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    exited,
    waitFor: (text, timeoutMs) =>
      new Promise<void>((done, fail) => {
        if (output.includes(text)) return done();
        const timer = setTimeout(() => fail(new Error(`runner did not log "${text}" within ${timeoutMs} ms:\n${output}`)), timeoutMs);
        waiters.push({ text, done: () => (clearTimeout(timer), done()) });
        void exited.then((code) => {
          clearTimeout(timer);
          fail(new Error(`runner exited (${code}) before logging "${text}":\n${output}`));
        });
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
