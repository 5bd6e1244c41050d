#!/usr/bin/env node
// `npm test`: every layer of the pyramid, in order, each printing its own runner's summary.
// A failing layer does not hide the ones after it; the exit code is non-zero if any failed.
// The summary repeats the last lines each failing layer printed, so a log that keeps only its
// tail (a CI page) still says why.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';

const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR };
const steps = [
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['unit', 'npx', ['jest', '-c', 'jest.config.ts']],
  ['bank lint', 'npm', ['run', '--silent', 'bank', '--', 'lint']],
  ['bank verify', 'npm', ['run', '--silent', 'bank', '--', 'verify']],
  ['bank templates', 'npm', ['run', '--silent', 'bank', '--', 'templates']],
  ['build', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', 'runner', '--output-style=stream-without-prefixes']],
  ['openapi up to date', 'node', ['scripts/check-openapi.mjs']],
  ['api e2e', 'npx', ['jest', '-c', 'tests/api-e2e/jest.config.ts']],
  // The OpenAPI document as a fuzzer's contract (about 2 minutes, two runs side by side): a fixed seed (SCHEMATHESIS_SEED
  // explores elsewhere), failing on any 5xx or any response that contradicts the document.
  ['schemathesis', 'node', ['tests/security/schemathesis.mjs']],
  // Anki's own importer (PyPI `anki`, installed into .venv-ci on first use) reads two exports.
  ['anki import', 'node', ['tests/interop/anki-import.mjs']],
  ['web e2e', 'npx', ['jest', '-c', 'tests/web-e2e/jest.config.ts']],
];

const TAIL_LINES = 40;

// CPU seconds per layer. Where it can (root on cgroup v1), the run puts itself in a cpuacct group of
// its own, so every process a layer starts is counted, the judge's sandboxed Go builds included.
// Otherwise it reads cutime/cstime from /proc/self/stat (the CPU of the children it waited for and of
// the descendants they waited for), which misses the sandboxed processes: a cold judge warm-up
// measured 80 s of CPU in cpuacct and 2.5 s in rusage (tests/bench/judge-warm.ts).
const CPUACCT = '/sys/fs/cgroup/cpuacct';
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
const cpuGroup = (() => {
  if (!existsSync(join(CPUACCT, 'cpuacct.usage'))) return undefined;
  try {
    const line = readFileSync('/proc/self/cgroup', 'utf8')
      .split('\n')
      .find((l) => l.split(':')[1]?.split(',').includes('cpuacct'));
    const from = join(CPUACCT, line?.split(':')[2] ?? '/');
    const dir = join(from, `goprep-npm-test-${process.pid}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'cgroup.procs'), String(process.pid));
    return { dir, from };
  } catch {
    return undefined;
  }
})();
const cpuSource = cpuGroup ? 'cgroup cpuacct' : 'rusage of waited-for processes';
// On Ctrl+C or SIGTERM: pass it to the running layer, give that up to 10 s to exit, remove the group, stop.
let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    const stop = () => {
      leaveCpuGroup();
      process.exit(130);
    };
    if (!current || current.exitCode !== null || current.signalCode !== null) stop();
    current.kill(signal);
    current.once('close', stop);
    setTimeout(stop, 10_000).unref();
  });
}
function cpuSeconds() {
  try {
    if (cpuGroup) return Number(readFileSync(join(cpuGroup.dir, 'cpuacct.usage'), 'utf8')) / 1e9;
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
/** Back to the group the run came from; the group stays only if something it started still runs. */
function leaveCpuGroup() {
  if (!cpuGroup) return;
  try {
    writeFileSync(join(cpuGroup.from, 'cgroup.procs'), String(process.pid));
    rmdirSync(cpuGroup.dir);
  } catch {
    process.stderr.write(`note: ${cpuGroup.dir} was left in place (a process started by the run is still in it)\n`);
  }
}
const load = () => loadavg()[0].toFixed(1);

/** Runs one layer, passing its output through and keeping its last lines for the summary. */
function runLayer(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['inherit', 'pipe', 'pipe'], env });
    current = child;
    let tail = [];
    let partial = '';
    const keep = (chunk, sink) => {
      sink.write(chunk);
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      tail = tail.concat(lines).slice(-TAIL_LINES);
    };
    child.stdout.on('data', (chunk) => keep(chunk, process.stdout));
    child.stderr.on('data', (chunk) => keep(chunk, process.stderr));
    child.on('error', (error) => resolve({ code: 1, tail: [String(error)] }));
    child.on('close', (code) => resolve({ code, tail: partial ? [...tail, partial].slice(-TAIL_LINES) : tail }));
  });
}

const only = process.argv.slice(2);
const results = [];
for (const [name, cmd, args, opts = {}] of steps) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(' ')}\n`);
  const started = Date.now();
  const cpuBefore = cpuSeconds();
  const loadBefore = load();
  const run = await runLayer(cmd, args);
  const ok = run.code === 0;
  const cpuAfter = cpuSeconds();
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : Math.round(cpuAfter - cpuBefore);
  results.push({ name, ok, tail: run.tail, advisory: Boolean(opts.advisory), seconds: Math.round((Date.now() - started) / 1000), cpu, load: `${loadBefore} -> ${load()}` });
}

for (const r of results.filter((x) => !x.ok)) {
  process.stdout.write(`\n=== the last lines of ${r.name}, which failed\n${r.tail.join('\n')}\n`);
}

leaveCpuGroup();
process.stdout.write(`\n=== summary (wall time, CPU seconds of the layer's processes from ${cpuSource}, 1-minute load average before -> after)\n`);
for (const r of results) {
  const cpu = r.cpu === undefined ? '' : `, ${r.cpu} s CPU`;
  process.stdout.write(`${r.ok ? 'PASS' : r.advisory ? 'FINDINGS (advisory)' : 'FAIL'}  ${r.name}  (${r.seconds} s${cpu}, load ${r.load})\n`);
}
const total = (key) => results.reduce((sum, r) => sum + (r[key] ?? 0), 0);
process.stdout.write(`total: ${total('seconds')} s wall, ${total('cpu')} s CPU\n`);
const failed = results.filter((r) => !r.ok && !r.advisory).length;
const advisory = results.filter((r) => !r.ok && r.advisory).map((r) => r.name);
const passed = results.filter((r) => r.ok).length;
if (advisory.length > 0) process.stdout.write(`advisory layers with findings (not counted as passed): ${advisory.join(', ')}\n`);
process.stdout.write(`layers: ${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
