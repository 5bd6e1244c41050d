/**
 * One judge runner's warm-up of the e2e fixture task (tests/api-e2e's tally task) on a given data
 * dir, as the first runner of a suite does it: `npx tsx tests/bench/judge-warm.ts <data dir>`.
 * An empty dir pays the race build of the standard library; the dir the judge's unit specs and
 * `bank verify` warmed only adds the task's own packages. Prints wall time and, when it can (root on
 * cgroup v1), the CPU time of everything it started, the sandboxed Go builds included (they are
 * not in this process's rusage: see docs/performance.md, "Test suite time").
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { openSandbox, warmCache, type TaskSpec } from '@goprep/judge';
import { TALLY_SPEC } from '../api-e2e/src/support/judge-fixture';

const CPUACCT = '/sys/fs/cgroup/cpuacct';

/** A new cpuacct group holding this process (and so everything it starts) and the group it came from; undefined where there is none. */
function cpuGroup(): { dir: string; from: string } | undefined {
  if (!existsSync(join(CPUACCT, 'cpuacct.usage'))) return undefined;
  const line = readFileSync('/proc/self/cgroup', 'utf8')
    .split('\n')
    .find((l) => l.split(':')[1]?.split(',').includes('cpuacct'));
  const from = join(CPUACCT, line?.split(':')[2] ?? '/');
  const dir = join(from, `goprep-judge-warm-${process.pid}`);
  try {
    mkdirSync(dir);
    writeFileSync(join(dir, 'cgroup.procs'), String(process.pid));
    return { dir, from };
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const dataDir = resolve(process.argv[2] ?? '.data/judge');
  const group = cpuGroup();
  const load = loadavg()[0]!.toFixed(1);
  const started = Date.now();
  const sandbox = await openSandbox({ dataDir });
  const prepared = Date.now();
  const warmed = await warmCache([TALLY_SPEC as TaskSpec], sandbox, () => undefined);
  const done = Date.now();
  let cpu = 'CPU not measured (needs root and cgroup v1 cpuacct)';
  if (group) {
    cpu = `CPU ${(Number(readFileSync(join(group.dir, 'cpuacct.usage'), 'utf8')) / 1e9).toFixed(1)} s`;
    // Back to the group it came from, so the empty one can be removed.
    writeFileSync(join(group.from, 'cgroup.procs'), String(process.pid));
    rmdirSync(group.dir);
  }
  console.log(
    `${dataDir}: prepare ${((prepared - started) / 1000).toFixed(1)} s, warm-up ${((done - prepared) / 1000).toFixed(1)} s (${warmed ? 'warmed' : 'already warm'}), ${cpu}, load ${load} -> ${loadavg()[0]!.toFixed(1)}`,
  );
}

void main();
