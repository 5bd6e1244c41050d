import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openSandbox } from './sandbox';
import type { Sandbox, TaskSpec } from './types';
import { warmCache } from './warm';

/** The fixture task of the judge's own tests (src/__fixtures__/counter). */
export function counterTask(overrides: Partial<TaskSpec> = {}): TaskSpec {
  const dir = join(__dirname, '__fixtures__', 'counter');
  return {
    id: 'counter',
    package: 'counter',
    files: ['counter.go'],
    imports: ['sync', 'time', 'fmt'],
    checks: { race: true, leak: true, vet: false },
    limits: { timeSeconds: 4, memoryMb: 384 },
    scoring: 'partial',
    visibleTests: { 'visible_test.go': readFileSync(join(dir, 'tests', 'visible_test.go'), 'utf8') },
    hiddenTests: { 'hidden_test.go': readFileSync(join(dir, 'tests', 'hidden_test.go'), 'utf8') },
    ...overrides,
  };
}

export function counterFile(which: 'solution' | 'starter'): string {
  return readFileSync(join(__dirname, '__fixtures__', 'counter', which, 'counter.go'), 'utf8');
}

/** The shared data dir (JUDGE_DATA_DIR or <repo>/.data/judge), so the warm cache is reused across runs. */
export function testDataDir(): string {
  return process.env['JUDGE_DATA_DIR'] ?? resolve(__dirname, '..', '..', '..', '.data', 'judge');
}

/** A sandbox that remembers the work dirs it handed out, warmed for the fixture task if it never was. */
export async function openTestSandbox(): Promise<{ sandbox: Sandbox; workDirs: string[] }> {
  const sandbox = await openSandbox({ dataDir: testDataDir() });
  if (!existsSync(join(sandbox.dataDir, 'cache-template'))) await warmCache([counterTask()], sandbox, () => undefined);
  const workDirs: string[] = [];
  const create = sandbox.newWorkDir.bind(sandbox);
  sandbox.newWorkDir = async () => {
    const dir = await create();
    workDirs.push(dir.path);
    return dir;
  };
  return { sandbox, workDirs };
}

/** Processes whose command line mentions `marker` (a sandboxed process that outlived its job). */
export function processesMentioning(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) found.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}
