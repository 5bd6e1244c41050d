import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withDataDirLock } from './data-lock';
import { COMPILE_LIMITS, goEnv } from './judge';
import { GOROOT, moduleFilesOf, SANDBOX_UID } from './sandbox';
import { callTool, type HarnessAnswer } from './tool';
import type { Sandbox, TaskSpec } from './types';

/** Bumped when what warming builds changes, so old stamps no longer count. */
const WARM_VERSION = 2;

/** What the judge's harness imports besides the tests' own imports. */
const HARNESS_IMPORTS = ['encoding/json', 'os', 'testing', 'go.uber.org/goleak'];

/**
 * Pre-warms the build-cache template: for each task, builds a test binary importing everything its
 * tests, its allow-list and the harness import, with and without -race, and vets it, in the sandbox (so the
 * cache holds exactly what the judge's builds ask for), then makes that cache the read-only
 * template every job copies. Cold, the standard library compiles with -race once (~45 s here).
 * Skipped (returns false) when the template was already warmed for exactly these tasks' imports and
 * tests, unless opts.force.
 */
export async function warmCache(
  tasks: TaskSpec[],
  sandbox: Sandbox,
  onProgress: (done: number, total: number) => void,
  opts: { force?: boolean } = {},
): Promise<boolean> {
  // Warming starts from a copy of the current template, so the template only grows: one stamp per
  // task set warmed (the real bank, a fixture bank) keeps a restart from warming again.
  const digest = createHash('sha256')
    .update(JSON.stringify([WARM_VERSION, tasks.map((task) => [task.imports, task.checks, Object.values(task.visibleTests), Object.values(task.hiddenTests)])]))
    .digest('hex');
  // One warming at a time per data dir: a second process waits, then finds the stamp (same tasks)
  // or warms on top of the first one's template (other tasks) instead of racing it to adoptCache.
  return withDataDirLock(sandbox.dataDir, 'warm', () => warmLocked(tasks, sandbox, onProgress, digest, opts.force === true));
}

async function warmLocked(
  tasks: TaskSpec[],
  sandbox: Sandbox,
  onProgress: (done: number, total: number) => void,
  digest: string,
  force: boolean,
): Promise<boolean> {
  const stamp = join(sandbox.dataDir, 'cache-template.stamps', digest);
  if (!force && existsSync(join(sandbox.dataDir, 'cache-template')) && existsSync(stamp)) {
    onProgress(tasks.length + 1, tasks.length + 1);
    return false;
  }
  const work = await sandbox.newWorkDir();
  try {
    const src = join(work.path, 'src');
    const { goMod, goSum } = moduleFilesOf(sandbox);
    const write = (name: string, content: string): void => {
      writeFileSync(join(src, name), content, { mode: 0o644 });
      chownSync(join(src, name), SANDBOX_UID, SANDBOX_UID);
    };
    write('go.mod', goMod);
    write('go.sum', goSum);
    const programImports = ['fmt', 'sync', 'time', 'runtime', 'os', 'os/exec', 'net', 'context', 'sync/atomic', 'errors', 'strings', 'sort'];
    const total = tasks.length + 1;
    onProgress(0, total);
    const build = async (imports: string[]): Promise<void> => {
      const unique = [...new Set(imports)].sort();
      write('warm_test.go', `package warm\n\nimport (\n${unique.map((path) => `\t_ ${JSON.stringify(path)}\n`).join('')}\t"testing"\n)\n\nfunc TestWarm(t *testing.T) {}\n`);
      // go vet keeps its own facts about every dependency: warm them too.
      for (const args of [['test', '-c', '-race', '-o', '/work/bin/warm.test', '.'], ['test', '-c', '-o', '/work/bin/warm.test', '.'], ['vet', '.']]) {
        const outcome = await sandbox.run({
          argv: [join(GOROOT, 'bin', 'go'), ...args],
          workDir: work.path,
          writableWork: true,
          cwd: '/work/src',
          env: goEnv(),
          limits: { ...COMPILE_LIMITS, wallSeconds: 900, cpuSeconds: 1800 },
        });
        if (outcome.exitCode !== 0) throw new Error(`warming (go ${args.join(' ')}) failed: ${(outcome.stderr + outcome.stdout).slice(0, 2000)}`);
      }
    };
    await build([...HARNESS_IMPORTS, ...programImports]);
    onProgress(1, total);
    for (const [index, task] of tasks.entries()) {
      const harness = await callTool<HarnessAnswer>(sandbox.toolPath, 'harness', {
        package: task.package,
        nonce: 'warm',
        leak: task.checks.leak,
        tests: { ...task.visibleTests, ...task.hiddenTests },
      });
      const ownPackage = (path: string) => path.startsWith('goprep.dev/');
      await build([...HARNESS_IMPORTS, ...task.imports, ...harness.imports].filter((path) => !ownPackage(path)));
      onProgress(index + 2, total);
    }
    await sandbox.adoptCache(work);
    mkdirSync(join(sandbox.dataDir, 'cache-template.stamps'), { recursive: true });
    writeFileSync(stamp, `${new Date().toISOString()}\n`);
    return true;
  } finally {
    await work.dispose();
  }
}
