/**
 * Load benchmarks (issues 8 and 17): goprep's production build vs a bare node:http + pg baseline
 * doing the same SQL, one after the other in the same run, loopback only: throughput closed-loop at
 * 64 connections, then latency open-loop (a fixed schedule, latency from the scheduled send time) at
 * 50 % and 80 % of the baseline's measured capacity (BENCH_OPEN_SECONDS per target, default 6).
 *
 *   npm run bench -- load     (BENCH_DURATION=9 s per target, in 3 alternating slices, after 2 s warm-up)
 *
 * Needs the build (`npx nx run-many -t build -p api web`) and a seeded cluster (`npm run bench:seed`;
 * seeded at the default scale when missing).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../support/free-port';
import { ApiSession, responseFor, type ItemView } from '../support/api-session';
import { API_USER_PASSWORD, pool } from './lib/api';
import { BENCH_DATA_DIR, BENCH_JUDGE_RUNS_PER_MINUTE, fmt, requireBuild, ROOT, SEED_MARKER, startBenchApp, table, withClient } from './lib/common';
import { cpuSeconds } from './lib/cpu';
import { openLoop, type OpenLoopResult } from './lib/open-loop';
import { summariseProfiles } from './lib/profile';
import { formatStalls, readStallEvents, summariseStalls } from './lib/stalls';

const CONNECTIONS = 64;
const USERS = 64;
const DURATION = Number(process.env['BENCH_DURATION'] ?? 9);
const ROUNDS = 3;
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 2);
const TARGET_RATIO = 0.9;
/** Open loop (issue 17): goprep p99 <= 50 ms at 50 % of the baseline's capacity, <= 2x the baseline's p99 at 80 %. */
const OPEN_LOADS = [0.5, 0.8] as const;
const OPEN_SECONDS = Number(process.env['BENCH_OPEN_SECONDS'] ?? 6);
/** BENCH_OPEN_MAX_SOCKETS=N caps the open loop's connections per target (uncapped by default); see lib/open-loop.ts. */
const OPEN_MAX_SOCKETS = Number(process.env['BENCH_OPEN_MAX_SOCKETS'] ?? Infinity);
const TARGET_OPEN_P99_MS = 50;
const TARGET_OPEN_P99_FACTOR = 2;
/**
 * BENCH_STALLS=<dir>: both servers log their garbage collections (>= 5 ms) and event-loop stalls
 * (>= 20 ms) there (lib/stall-hook.cjs), every open-loop turn writes each request's scheduled send
 * time and latency there (open-<scenario>-<target>-<load>.json), and each open-loop line is followed
 * by what each server did during that turn (lib/stalls.ts).
 */
const STALLS_DIR = process.env['BENCH_STALLS'] ? resolve(process.env['BENCH_STALLS']) : undefined;
const API_NODE_OPTIONS = process.env['BENCH_API_NODE_OPTIONS'] ?? '';

/** NODE_OPTIONS preloading the named hooks of tests/bench/lib. */
function preloads(...hooks: Array<string | undefined>): string {
  return hooks
    .filter((h): h is string => h !== undefined)
    .map((h) => `--require ${join(__dirname, h)}`)
    .join(' ');
}

function writeOpenTrace(dir: string, scenario: string, target: string, load: number, result: OpenLoopResult): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `open-${scenario.replace(/[^a-z0-9]+/gi, '-')}-${target}-${Math.round(load * 100)}.json`);
  writeFileSync(file, JSON.stringify({ scenario, target, load, rate: result.rate, p99: result.p99, requests: result.requests }));
}
const SEARCH_TERMS = ['goroutine leak', 'channel close', 'happens before', 'garbage collector pacer', 'context cancel', 'escape heap', 'mutex', 'trace'];

interface Learner {
  user: ApiSession;
  attemptId: string;
  items: Array<ItemView & { position: number }>;
  cards: Array<ItemView & { questionId: string }>;
  /** Judge runs of this learner (queued: the bench starts no runner), fetched by the run fetch scenario. */
  runIds: string[];
  k: number;
}

/** A bank code task and its starter files: what the judge scenarios submit. */
export interface JudgeTask {
  questionId: string;
  files: Record<string, string>;
}

interface Request {
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Scenario {
  name: string;
  next(): Request;
}

export interface LoadResult {
  scenario: string;
  target: 'goprep' | 'baseline';
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Postgres execution time and statements per request (pg_stat_statements), when available. */
  dbMsPerRequest?: number;
  /** Non-2xx responses by status code. */
  statusCodes?: Record<string, number>;
  statementsPerRequest?: number;
  /** Session-cookie lookups that reached Postgres per request (goprep's and the baseline's statement both match). */
  sessionLookupsPerRequest?: number;
  /** Database backends busy (a statement running or a transaction open) during the target's slices: mean and max of 25 ms samples. */
  busyBackendsMean?: number;
  busyBackendsMax?: number;
  /**
   * CPU milliseconds (user + system, every thread of the server process) per request over the
   * target's slices, from /proc: unlike req/s it hardly moves when other processes share the cores.
   */
  cpuMsPerRequest?: number;
  /** Open-loop runs at fractions of the baseline's closed-loop capacity (same run). */
  open?: Array<{ load: number; result: OpenLoopResult }>;
}

/** A server under test; `pid` is its process, for the CPU it spends per request. */
interface Target {
  target: LoadResult['target'];
  url: string;
  pid?: number | undefined;
}

export function scenarios(learners: Learner[], task: JudgeTask): Scenario[] {
  let turn = 0;
  const nextLearner = () => learners[turn++ % learners.length]!;
  return [
    {
      name: 'answer save (PUT attempt item)',
      next: () => {
        const l = nextLearner();
        const item = l.items[l.k++ % l.items.length]!;
        return {
          method: 'PUT',
          path: `/api/attempts/${l.attemptId}/items/${item.position}/answer`,
          headers: l.user.headers(),
          body: JSON.stringify({ response: responseFor(item, l.k), timeSpentMs: l.k * 100 }),
        };
      },
    },
    {
      name: 'attempt delivery (GET, 20 items)',
      next: () => {
        const l = nextLearner();
        return { method: 'GET', path: `/api/attempts/${l.attemptId}`, headers: { cookie: l.user.cookie } };
      },
    },
    {
      name: 'drill due queue (GET)',
      next: () => {
        const l = nextLearner();
        return { method: 'GET', path: '/api/drills/due', headers: { cookie: l.user.cookie } };
      },
    },
    {
      name: 'drill review submission (POST)',
      next: () => {
        const l = nextLearner();
        const card = l.cards[l.k++ % l.cards.length]!;
        return {
          method: 'POST',
          path: '/api/drills/reviews',
          headers: l.user.headers(),
          body: JSON.stringify({ reviewId: randomUUID(), questionId: card.questionId, response: responseFor(card, l.k), durationMs: 9000 }),
        };
      },
    },
    {
      name: 'bank search (GET ?q=)',
      next: () => {
        const l = nextLearner();
        const q = SEARCH_TERMS[l.k++ % SEARCH_TERMS.length]!;
        return { method: 'GET', path: `/api/questions?q=${encodeURIComponent(q)}`, headers: { cookie: l.user.cookie } };
      },
    },
    {
      // A code task's "Run": the files checked, the rate limit counted, the run and its queue job
      // inserted by one statement that returns the run (no runner: the jobs stay queued).
      name: 'judge submission (POST run)',
      next: () => {
        const l = nextLearner();
        return { method: 'POST', path: '/api/judge/runs', headers: l.user.headers(), body: JSON.stringify({ questionId: task.questionId, files: task.files }) };
      },
    },
    {
      name: 'judge run fetch (GET run)',
      next: () => {
        const l = nextLearner();
        const id = l.runIds[l.k++ % l.runIds.length]!;
        return { method: 'GET', path: `/api/judge/runs/${id}`, headers: { cookie: l.user.cookie } };
      },
    },
  ];
}

/**
 * Removes the queued judge jobs from the bench cluster (no runner takes them), so a scenario starts
 * from an empty queue (its own jobs still pile up during it, alike for goprep and the baseline), or,
 * with `BENCH_JUDGE_BACKLOG=N`, from N queued judge jobs that no runner takes: the backlog of a
 * judge that is behind. With the webhook deliveries in the judge's queue schema (until 7
 * December) every enqueue woke the API's webhook worker, whose job query walked every available
 * job of other tasks, so a backlog made each submission dearer (docs/performance.md, "Judge
 * submission and run fetch").
 */
export async function resetJudgeQueue(dbUrl: string): Promise<void> {
  const backlog = Number(process.env['BENCH_JUDGE_BACKLOG'] ?? 0);
  await withClient(dbUrl, async (c) => {
    await c.query(`SELECT graphile_worker.complete_jobs(array(SELECT id FROM graphile_worker.jobs WHERE task_identifier = 'judge'))`);
    if (backlog > 0) {
      await c.query(
        `SELECT count(*) FROM graphile_worker.add_jobs(array(
           SELECT ('judge', json_build_object('runId', 'backlog-' || i), NULL, NULL, NULL, 'backlog-' || i, 0, NULL)::graphile_worker.job_spec
             FROM generate_series(1, $1::int) i))`,
        [backlog],
      );
    }
  });
}

/** The first live bank code task with a judge spec, and its starter files. */
export async function judgeTask(dbUrl: string): Promise<JudgeTask> {
  const { rows } = await withClient(dbUrl, (c) =>
    c.query<{ id: string; starter: Record<string, string> }>(
      `SELECT q.id, s.starter FROM questions q
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         JOIN judge_task_specs s ON s.question_version_id = v.id
        WHERE q.organization_id IS NULL AND q.retired_at IS NULL ORDER BY q.id LIMIT 1`,
    ),
  );
  const row = rows[0];
  if (!row) throw new Error('the bench cluster has no bank code task with a judge spec');
  return { questionId: row.id, files: row.starter };
}

function cannon(url: string, scenario: Scenario, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          const r = scenario.next();
          return { ...req, method: r.method, path: r.path, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) };
        },
      },
    ],
  });
}

/** Statement time per request from pg_stat_statements (when the cluster preloads it), else null. */
async function dbTime(dbUrl: string, reset: boolean): Promise<{ ms: number; calls: number; lookups: number } | null> {
  return withClient(dbUrl, async (c) => {
    try {
      if (reset) {
        await c.query('SELECT pg_stat_statements_reset()');
        return null;
      }
      const { rows } = await c.query<{ ms: number; calls: string; lookups: string }>(
        `SELECT COALESCE(sum(total_exec_time), 0)::float8 AS ms, COALESCE(sum(calls), 0) AS calls,
                COALESCE(sum(calls) FILTER (WHERE query ILIKE '%FROM sessions s%JOIN users u%'), 0) AS lookups
           FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      return { ms: rows[0]!.ms, calls: Number(rows[0]!.calls), lookups: Number(rows[0]!.lookups) };
    } catch {
      return null;
    }
  });
}

/**
 * Samples, every 25 ms while `during` runs, how many backends of the database are busy (running a
 * statement or inside a transaction) and how many clients wait for a lock: what a request waits on
 * when the pool (20 connections on both sides) is the limit. Only one target runs at a time, so the
 * other's connections are idle.
 */
async function sampleBackends<T>(dbUrl: string, during: Promise<T>): Promise<{ value: T; busyMean: number; busyMax: number }> {
  return withClient(dbUrl, async (c) => {
    let done = false;
    const samples: number[] = [];
    const sampler = (async () => {
      while (!done) {
        const { rows } = await c.query<{ busy: number }>(
          `SELECT count(*)::int AS busy FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')`,
        );
        samples.push(rows[0]!.busy);
        await new Promise((r) => setTimeout(r, 25));
      }
    })().catch((e: unknown) => console.error(`backend sampling stopped: ${String(e)}`));
    const value = await Promise.resolve(during).finally(() => (done = true));
    await sampler;
    return { value, busyMean: samples.reduce((a, b) => a + b, 0) / (samples.length || 1), busyMax: Math.max(0, ...samples) };
  });
}

/**
 * The machine is shared, so goprep and the baseline run in alternating slices (ROUNDS of each)
 * and both see the same background load. req/s = all requests / all seconds; p50 is the median of
 * the slices' p50, p99 the worst slice's p99 (conservative).
 */
async function measurePair(name: string, targets: Target[], scenario: Scenario, dbUrl: string): Promise<LoadResult[]> {
  for (const t of targets) await cannon(t.url, scenario, WARMUP);
  const slices = new Map<LoadResult['target'], Array<{ r: autocannon.Result; db: { ms: number; calls: number; lookups: number } | null; busyMean: number; busyMax: number; cpu: number | null }>>();
  const seconds = Math.max(1, Math.round(DURATION / ROUNDS));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const t of round % 2 === 0 ? targets : [...targets].reverse()) {
      await dbTime(dbUrl, true);
      const cpuBefore = cpuSeconds(t.pid);
      const { value: r, busyMean, busyMax } = await sampleBackends(dbUrl, cannon(t.url, scenario, seconds));
      const cpuAfter = cpuSeconds(t.pid);
      const db = await dbTime(dbUrl, false);
      const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      slices.set(t.target, [...(slices.get(t.target) ?? []), { r, db, busyMean, busyMax, cpu }]);
    }
  }
  return targets.map(({ target }) => {
    const runs = slices.get(target) ?? [];
    const total = runs.reduce((n, x) => n + x.r.requests.total, 0) || 1;
    const p50s = runs.map((x) => x.r.latency.p50).sort((a, b) => a - b);
    const codes = new Map<string, number>();
    for (const x of runs) for (const [code, stat] of Object.entries(x.r.statusCodeStats ?? {})) if (!code.startsWith('2')) codes.set(code, (codes.get(code) ?? 0) + (stat.count ?? 0));
    const db = runs.every((x) => x.db) ? runs.reduce((a, x) => ({ ms: a.ms + x.db!.ms, calls: a.calls + x.db!.calls, lookups: a.lookups + x.db!.lookups }), { ms: 0, calls: 0, lookups: 0 }) : null;
    return {
      scenario: name,
      target,
      rps: total / runs.reduce((n, x) => n + x.r.duration, 0),
      p50: p50s[Math.floor(p50s.length / 2)] ?? 0,
      p99: Math.max(...runs.map((x) => x.r.latency.p99)),
      non2xx: runs.reduce((n, x) => n + x.r.non2xx, 0),
      errors: runs.reduce((n, x) => n + x.r.errors, 0),
      timeouts: runs.reduce((n, x) => n + x.r.timeouts, 0),
      statusCodes: Object.fromEntries(codes),
      busyBackendsMean: runs.reduce((n, x) => n + x.busyMean, 0) / (runs.length || 1),
      busyBackendsMax: Math.max(0, ...runs.map((x) => x.busyMax)),
      ...(runs.every((x) => x.cpu !== null) ? { cpuMsPerRequest: (runs.reduce((n, x) => n + x.cpu!, 0) * 1000) / total } : {}),
      ...(db ? { dbMsPerRequest: db.ms / total, statementsPerRequest: db.calls / total, sessionLookupsPerRequest: db.lookups / total } : {}),
    };
  });
}

/**
 * Open loop at each fraction of the baseline's measured capacity: goprep and the baseline at the
 * same fixed rate, one after the other (order alternating), latency from the scheduled send time.
 */
async function measureOpen(targets: Target[], scenario: Scenario, capacity: number): Promise<Map<LoadResult['target'], Array<{ load: number; result: OpenLoopResult }>>> {
  const out = new Map<LoadResult['target'], Array<{ load: number; result: OpenLoopResult }>>();
  // BENCH_OPEN_SECONDS=0: throughput ratios only (no open-loop turns).
  for (const [k, load] of (OPEN_SECONDS > 0 ? OPEN_LOADS : []).entries()) {
    const rate = Math.max(1, Math.round(capacity * load));
    for (const t of k % 2 === 0 ? targets : [...targets].reverse()) {
      const result = await openLoop(t.url, () => scenario.next(), rate, OPEN_SECONDS, { maxSockets: OPEN_MAX_SOCKETS });
      if (STALLS_DIR) {
        writeOpenTrace(STALLS_DIR, scenario.name, t.target, load, result);
        // The hook writes its lines once a second: wait for this turn's last ones.
        await new Promise((r) => setTimeout(r, 1200));
      }
      out.set(t.target, [...(out.get(t.target) ?? []), { load, result }]);
    }
  }
  return out;
}

function openLine(g: LoadResult, b: LoadResult): string {
  return (g.open ?? [])
    .map(({ load, result: go }) => {
      const base = b.open?.find((o) => o.load === load)?.result;
      if (!base) return '';
      const ok = load <= 0.5 ? go.p99 <= TARGET_OPEN_P99_MS : go.p99 <= TARGET_OPEN_P99_FACTOR * base.p99;
      return (
        `    open loop ${Math.round(load * 100)} % (${fmt.int(go.rate)} req/s): goprep p50 ${go.p50} p99 ${go.p99} max ${go.max} ms` +
        ` | baseline p50 ${base.p50} p99 ${base.p99} max ${base.max} ms | ${ok ? 'target ok' : 'TARGET MISSED'}` +
        (go.errors + go.non2xx + base.errors + base.non2xx > 0 ? ` | non-2xx/errors ${go.non2xx}/${go.errors} vs ${base.non2xx}/${base.errors}` : '') +
        (Math.max(go.sendLagP99, base.sendLagP99) > 5 ? ` | generator lag p99 ${go.sendLagP99}/${base.sendLagP99} ms` : '') +
        ` | connections opened ${fmt.int(go.connections)}/${fmt.int(base.connections)}` +
        (STALLS_DIR
          ? `\n      goprep:   ${formatStalls(summariseStalls(readStallEvents(STALLS_DIR, 'goprep'), go.requests))}` +
            `\n      baseline: ${formatStalls(summariseStalls(readStallEvents(STALLS_DIR, 'baseline'), base.requests))}`
          : '')
      );
    })
    .filter(Boolean)
    .join('\n');
}

export async function setupLearners(base: string, task: JudgeTask): Promise<Learner[]> {
  const tag = Date.now().toString(36);
  const emails = Array.from({ length: USERS }, (_, i) => `bench-${tag}-${i}@load.goprep.test`);
  return pool(emails, 4, async (email, i) => {
    const user = await ApiSession.register(base, email, API_USER_PASSWORD);
    const attempt = await user.ok<{ id: string; items: Array<ItemView & { position: number }> }>('POST', '/api/attempts', {
      mode: 'quick',
      topics: ['memory-model', 'goroutine-leaks', 'gc-tuning', 'channels', 'context', 'sync', 'scheduler'],
      count: 20,
      timeLimitMinutes: 180,
    });
    await user.ok('POST', '/api/drills/deck', { topic: ['channels', 'goroutine-leaks', 'memory-model', 'context'][i % 4] });
    const due = await user.ok<{ cards: Array<{ questionId: string; question: ItemView }> }>('GET', '/api/drills/due');
    // Flashcards and essays are self-rated (another request shape): the load reviews the graded types.
    const cards = due.cards.filter((c) => c.question.type !== 'flashcard' && c.question.type !== 'essay').map((c) => ({ ...c.question, questionId: c.questionId }));
    if (attempt.items.length !== 20 || cards.length === 0) throw new Error(`setup of ${email}: ${attempt.items.length} items, ${cards.length} cards`);
    const runIds: string[] = [];
    for (let n = 0; n < 2; n += 1) runIds.push((await user.ok<{ id: string }>('POST', '/api/judge/runs', { questionId: task.questionId, files: task.files })).id);
    return { user, attemptId: attempt.id, items: attempt.items, cards, runIds, k: 0 };
  });
}

/** BENCH_BASELINE=<file> runs another copy of the baseline (an older one, to compare before and after a change in one session). */
/** Stops the baseline server (SIGTERM, up to 5 s) if it is still running. */
export async function stopBaseline(baseline: ChildProcess | undefined): Promise<void> {
  if (!baseline || baseline.exitCode !== null) return;
  const exited = new Promise((r) => baseline.once('exit', r));
  baseline.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
}

export function startBaseline(port: number, dbUrl: string): Promise<ChildProcess> {
  const script = process.env['BENCH_BASELINE'] ? resolve(process.env['BENCH_BASELINE']) : join(__dirname, 'baseline-server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, String(port), dbUrl], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JUDGE_RUNS_PER_MINUTE: BENCH_JUDGE_RUNS_PER_MINUTE,
      ...(STALLS_DIR ? { NODE_OPTIONS: preloads('lib/stall-hook.cjs'), BENCH_STALLS_DIR: STALLS_DIR, BENCH_STALLS_NAME: 'baseline' } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('baseline did not start')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('baseline ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
  });
}

export async function runLoad(): Promise<LoadResult[]> {
  requireBuild();
  if (!existsSync(SEED_MARKER)) {
    console.log('no seeded bench cluster yet: seeding at the default scale');
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'seed.ts')], { cwd: ROOT, stdio: 'inherit' });
    if (seeded.status !== 0) throw new Error('bench:seed failed');
  }
  const seed = JSON.parse(readFileSync(SEED_MARKER, 'utf8')) as { scale: Record<string, number> };
  // BENCH_PROFILE=<dir>: the API is CPU-profiled (a .cpuprofile written when it stops), summarised below.
  const profileDir = process.env['BENCH_PROFILE'] ? resolve(process.env['BENCH_PROFILE']) : undefined;
  const { app, dbUrl } = await startBenchApp({
    // BENCH_API_NODE_OPTIONS: Node or V8 flags for the API process only (a runtime setting measured against the same baseline).
    ...(profileDir || STALLS_DIR || API_NODE_OPTIONS
      ? { NODE_OPTIONS: [preloads(profileDir ? 'lib/cpu-profile-hook.cjs' : undefined, STALLS_DIR ? 'lib/stall-hook.cjs' : undefined), API_NODE_OPTIONS].filter(Boolean).join(' ') }
      : {}),
    ...(profileDir ? { BENCH_PROFILE_DIR: profileDir } : {}),
    ...(STALLS_DIR ? { BENCH_STALLS_DIR: STALLS_DIR, BENCH_STALLS_NAME: 'goprep' } : {}),
  });
  await withClient(dbUrl, (c) => c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').then(() => undefined, () => undefined));
  let baseline: ChildProcess | undefined;
  try {
    console.log(
      `load: ${CONNECTIONS} connections, ${USERS} users, ${DURATION} s per target in ${ROUNDS} alternating slices after ${WARMUP} s warm-up; data ${JSON.stringify(seed.scale)}`,
    );
    const task = await judgeTask(dbUrl);
    const learners = await setupLearners(app.url, task);
    const port = await freePort();
    baseline = await startBaseline(port, dbUrl);
    const baseUrl = `http://127.0.0.1:${port}`;
    const results: LoadResult[] = [];
    const only = process.env['BENCH_ONLY'];
    for (const scenario of scenarios(learners, task).filter((s) => !only || s.name.includes(only))) {
      if (scenario.name.startsWith('judge')) await resetJudgeQueue(dbUrl);
      const targets: Target[] = [
        { target: 'goprep', url: app.url, pid: app.pid },
        { target: 'baseline', url: baseUrl, pid: baseline.pid },
      ];
      const [g, b] = (await measurePair(scenario.name, targets, scenario, dbUrl)) as [LoadResult, LoadResult];
      const open = await measureOpen(targets, scenario, b.rps);
      g.open = open.get('goprep') ?? [];
      b.open = open.get('baseline') ?? [];
      results.push(g, b);
      const ratio = g.rps / b.rps;
      console.log(
        `  ${scenario.name.padEnd(34)} goprep ${fmt.int(g.rps).padStart(6)} req/s p50 ${g.p50} ms p99 ${g.p99} ms | baseline ${fmt.int(b.rps).padStart(6)} req/s p50 ${b.p50} ms p99 ${b.p99} ms | ratio ${ratio.toFixed(2)}` +
          (g.dbMsPerRequest !== undefined && b.dbMsPerRequest !== undefined
            ? ` | db ms/req ${g.dbMsPerRequest.toFixed(2)} vs ${b.dbMsPerRequest.toFixed(2)}, statements/req ${g.statementsPerRequest?.toFixed(1)} vs ${b.statementsPerRequest?.toFixed(1)}, session lookups/req ${g.sessionLookupsPerRequest?.toFixed(2)} vs ${b.sessionLookupsPerRequest?.toFixed(2)}`
            : '') +
          (g.cpuMsPerRequest !== undefined && b.cpuMsPerRequest !== undefined
            ? ` | server CPU ms/req ${g.cpuMsPerRequest.toFixed(2)} vs ${b.cpuMsPerRequest.toFixed(2)} (CPU ratio ${(b.cpuMsPerRequest / g.cpuMsPerRequest).toFixed(2)})`
            : '') +
          ` | busy backends mean/max ${g.busyBackendsMean?.toFixed(1)}/${g.busyBackendsMax} vs ${b.busyBackendsMean?.toFixed(1)}/${b.busyBackendsMax} (pool 20)` +
          (g.non2xx + g.errors + b.non2xx + b.errors > 0 ? ` | non-2xx/errors/timeouts ${g.non2xx}/${g.errors}/${g.timeouts} ${JSON.stringify(g.statusCodes)} vs ${b.non2xx}/${b.errors}/${b.timeouts} ${JSON.stringify(b.statusCodes)}` : ''),
      );
      console.log(openLine(g, b));
    }
    console.log('\n' + summary(results));
    // Each open-loop request's latency is in the traces (BENCH_STALLS), not in the summary.
    const stored = results.map((r) => ({ ...r, open: r.open?.map((o) => ({ load: o.load, result: { ...o.result, requests: undefined } })) }));
    writeFileSync(join(BENCH_DATA_DIR, 'load-results.json'), JSON.stringify({ at: new Date().toISOString(), results: stored }, null, 2));
    return results;
  } finally {
    await stopBaseline(baseline);
    await app.stop();
    if (profileDir) console.log(`\n${summariseProfiles(profileDir)}`);
  }
}

export function summary(results: LoadResult[]): string {
  const rows: Array<Record<string, string>> = [];
  for (let i = 0; i + 1 < results.length; i += 2) {
    const g = results[i]!;
    const b = results[i + 1]!;
    const ratio = g.rps / b.rps;
    const open = (load: number, of: LoadResult) => of.open?.find((o) => o.load === load)?.result;
    const g50 = open(0.5, g);
    const b50 = open(0.5, b);
    const g80 = open(0.8, g);
    const b80 = open(0.8, b);
    const openOk = g50 && g80 && b80 ? g50.p99 <= TARGET_OPEN_P99_MS && g80.p99 <= TARGET_OPEN_P99_FACTOR * b80.p99 : undefined;
    rows.push({
      scenario: g.scenario,
      'goprep req/s': fmt.int(g.rps),
      'baseline req/s': fmt.int(b.rps),
      ratio: ratio.toFixed(2),
      'open 50 % p99 ms (goprep / base)': g50 && b50 ? `${g50.p99} / ${b50.p99}` : '-',
      'open 80 % p99 ms (goprep / base)': g80 && b80 ? `${g80.p99} / ${b80.p99}` : '-',
      targets: `${ratio >= TARGET_RATIO ? 'ratio ok' : 'RATIO MISSED'}, ${openOk === undefined ? 'open loop not run' : openOk ? 'open loop ok' : 'OPEN LOOP MISSED'}`,
      'non-2xx': String(g.non2xx + g.errors),
    });
  }
  return table(rows);
}

if (require.main === module) {
  runLoad().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
