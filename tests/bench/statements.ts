/**
 * Statements (= round trips: node-pg sends each statement, BEGIN and COMMIT included, as its own
 * write and waits for its answer) per request of each load scenario, goprep and the baseline, from
 * pg_stat_statements around requests sent one at a time, so that no request of one target is counted
 * in the other's window (the load benchmark's per-slice counts have that flaw under overload). Prints
 * the statements each request ran, by text.
 *
 *   npm run bench -- statements      (BENCH_STATEMENT_REQUESTS per scenario and target, default 200;
 *                                     BENCH_SYSCALLS=1 also counts each server's system calls with strace)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { requireBuild, startBenchApp, withClient } from './lib/common';
import { resetJudgeQueue, judgeTask, scenarios, setupLearners, startBaseline, stopBaseline, type Scenario } from './load';

const REQUESTS = Number(process.env['BENCH_STATEMENT_REQUESTS'] ?? 200);

export interface StatementCount {
  scenario: string;
  target: 'goprep' | 'baseline';
  requests: number;
  statementsPerRequest: number;
  sessionLookupsPerRequest: number;
  /** The job queues' polling (graphile_worker, goprep_webhook_queue), left out of statementsPerRequest. */
  backgroundPerRequest: number;
  /** CPU ms per request of the server process (goprep's API or the baseline) and of Postgres (all backends), /proc tick resolution (10 ms). */
  cpuMsPerRequest: { serverMs: number; dbMs: number };
  byStatement: Array<{ query: string; perRequest: number }>;
  /** BENCH_SYSCALLS=1: the server's system calls per request (every thread), by name, from `strace -c`. */
  syscallsPerRequest?: Record<string, number>;
}

const SYSCALLS = process.env['BENCH_SYSCALLS'] === '1';
const TRACED = 'write,writev,sendto,sendmsg,read,readv,recvfrom,recvmsg,epoll_wait,epoll_pwait,epoll_ctl,futex,setsockopt,getsockopt';

/**
 * Attaches `strace -f -c` to every thread of a running server; `stop` detaches it and returns the
 * calls counted in between, by system call.
 */
async function traceSyscalls(pid: number): Promise<{ stop(): Promise<Record<string, number>> }> {
  const out = join(mkdtempSync(join(tmpdir(), 'goprep-strace-')), 'summary');
  const strace = spawn('strace', ['-f', '-c', '-q', '-e', `trace=${TRACED}`, '-o', out, '-p', String(pid)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let failed = false;
  strace.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // No strace installed: spawn reports it here (apt-get install strace).
  strace.once('error', (error) => {
    failed = true;
    stderr += String(error);
  });
  const exited = new Promise<unknown>((resolve) => {
    strace.once('exit', resolve);
    strace.once('error', resolve);
  });
  // strace reports nothing when it is attached; give it a moment, and fail if it could not attach.
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (failed || strace.exitCode !== null) throw new Error(`strace could not attach to ${pid} (installed? ptrace rights?): ${stderr}`);
  return {
    async stop() {
      strace.kill('SIGINT');
      await exited;
      const calls: Record<string, number> = {};
      // The -c table: "% time  seconds  usecs/call  calls  [errors]  syscall".
      for (const line of readFileSync(out, 'utf8').split('\n')) {
        const m = /^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?([a-z_0-9]+)\s*$/.exec(line);
        if (m && m[2] !== 'total') calls[m[2]!] = Number(m[1]);
      }
      return calls;
    },
  };
}

/** CPU seconds (user + system) of a process, and of its exited children once waited for. */
function cpuOf(pid: number, withExitedChildren = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14-17 of proc(5) (utime, stime, cutime, cstime) are 11-14 after the command name.
    const own = Number(f[11]) + Number(f[12]);
    return (withExitedChildren ? own + Number(f[13]) + Number(f[14]) : own) / 100;
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** Postgres' CPU seconds: the postmaster, its live backends, and the ones that exited. */
function postgresCpu(postmaster: number): number {
  let total = cpuOf(postmaster, true);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (parentOf(Number(name)) === postmaster) total += cpuOf(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

async function sendOneByOne(url: string, scenario: Scenario, n: number): Promise<number> {
  let failed = 0;
  for (let i = 0; i < n; i += 1) {
    const r = scenario.next();
    const res = await fetch(url + r.path, { method: r.method, headers: { ...r.headers, ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: r.body });
    await res.arrayBuffer();
    if (!res.ok) failed += 1;
  }
  return failed;
}

async function count(dbUrl: string, scenario: Scenario, target: StatementCount['target'], url: string, pids: { server: number; postmaster: number }): Promise<StatementCount> {
  await withClient(dbUrl, (c) => c.query('SELECT pg_stat_statements_reset()'));
  const tracer = SYSCALLS ? await traceSyscalls(pids.server) : undefined;
  const before = { server: cpuOf(pids.server), db: postgresCpu(pids.postmaster) };
  const failed = await sendOneByOne(url, scenario, REQUESTS);
  const cpu = { serverMs: ((cpuOf(pids.server) - before.server) * 1000) / REQUESTS, dbMs: ((postgresCpu(pids.postmaster) - before.db) * 1000) / REQUESTS };
  const syscalls = tracer ? await tracer.stop() : undefined;
  if (failed > 0) throw new Error(`${target} ${scenario.name}: ${failed} of ${REQUESTS} requests failed`);
  const rows = await withClient(dbUrl, async (c) =>
    (
      await c.query<{ query: string; calls: string }>(
        `SELECT query, calls FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'
          ORDER BY calls DESC, query`,
      )
    ).rows,
  );
  // The job queue's polling runs on its own clock, not per request: counted apart.
  // A request's own enqueue (a judge run's or a webhook delivery's add_job) is the request's statement, not polling.
  const background = rows
    .filter((r) => /graphile_worker|goprep_webhook_queue/.test(r.query) && !/\.add_job\(/.test(r.query))
    .reduce((n, r) => n + Number(r.calls), 0);
  const total = rows.reduce((n, r) => n + Number(r.calls), 0) - background;
  const lookups = rows.filter((r) => /FROM sessions s.*JOIN users u/is.test(r.query)).reduce((n, r) => n + Number(r.calls), 0);
  return {
    scenario: scenario.name,
    target,
    requests: REQUESTS,
    statementsPerRequest: total / REQUESTS,
    sessionLookupsPerRequest: lookups / REQUESTS,
    backgroundPerRequest: background / REQUESTS,
    cpuMsPerRequest: cpu,
    ...(syscalls ? { syscallsPerRequest: Object.fromEntries(Object.entries(syscalls).map(([name, calls]) => [name, calls / REQUESTS])) } : {}),
    byStatement: rows.map((r) => ({ query: r.query.replace(/\s+/g, ' ').slice(0, 110), perRequest: Number(r.calls) / REQUESTS })),
  };
}

export async function runStatements(): Promise<StatementCount[]> {
  requireBuild();
  const { app, dbUrl } = await startBenchApp();
  // The embedded Postgres is the API process' child.
  const postmaster = Number(readFileSync(join(app.dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const apiPid = parentOf(postmaster);
  let baseline: ChildProcess | undefined;
  try {
    await withClient(dbUrl, (c) => c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements'));
    const task = await judgeTask(dbUrl);
    const learners = await setupLearners(app.url, task);
    const port = await freePort();
    baseline = await startBaseline(port, dbUrl);
    const only = process.env['BENCH_ONLY'];
    const out: StatementCount[] = [];
    for (const scenario of scenarios(learners, task).filter((s) => !only || s.name.includes(only))) {
      for (const [target, url, server] of [['goprep', app.url, apiPid], ['baseline', `http://127.0.0.1:${port}`, baseline.pid!]] as const) {
        if (scenario.name.startsWith('judge')) await resetJudgeQueue(dbUrl);
        const r = await count(dbUrl, scenario, target, url, { server, postmaster });
        out.push(r);
        console.log(
          `  ${scenario.name.padEnd(34)} ${target.padEnd(8)} ${r.statementsPerRequest.toFixed(2)} statements/request (session lookups ${r.sessionLookupsPerRequest.toFixed(2)}; job-queue polling ${r.backgroundPerRequest.toFixed(2)} left out), CPU ms/request ${target} ${r.cpuMsPerRequest.serverMs.toFixed(2)} + Postgres ${r.cpuMsPerRequest.dbMs.toFixed(2)}, ${REQUESTS} requests one at a time`,
        );
        for (const s of r.byStatement.filter((x) => x.perRequest >= 0.01)) console.log(`      ${s.perRequest.toFixed(2)}  ${s.query}`);
        if (r.syscallsPerRequest) {
          const by = Object.entries(r.syscallsPerRequest).filter(([, n]) => n >= 0.05).sort((a, b) => b[1] - a[1]);
          console.log(`      system calls per request: ${by.map(([name, n]) => `${name} ${n.toFixed(2)}`).join(', ')}`);
        }
      }
    }
    return out;
  } finally {
    await stopBaseline(baseline);
    await app.stop();
  }
}
