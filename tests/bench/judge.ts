/**
 * `npm run bench -- judge` (or `npx tsx tests/bench/judge.ts`): the judge end to end on this
 * machine, the production build of the API plus real runner processes (apps/runner from source via
 * tsx, bubblewrap + Go), on one throwaway embedded Postgres:
 *
 * - warm latency: sequential submissions of a bank task's reference solution, POST /api/judge/runs
 *   to the verdict event on GET /api/judge/runs/:id/events; p50/p95 (plus the runner's own time);
 * - throughput with 1 runner and with 2 runners: a burst of jobs, jobs per minute to the last verdict;
 * - simultaneous submissions from distinct learners: every one judged, none lost, one verdict each,
 *   checked in judge_runs and the queue.
 *
 * Only the measured task's spec is kept in the throwaway database, so a runner warms that task
 * alone (warming the whole bank is `npm run bank -- judge-warm`). The build cache is kept in
 * .data/judge-bench between runs. Options: --latency n (25), --warmup n (3), --throughput n (40),
 * --burst n (50), --task id via BENCH_JUDGE_TASK (gl-unlock-on-error-task).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { ApiSession } from '../support/api-session';
import { startApp } from '../support/app-process';
import { freePort } from '../support/free-port';
import { percentile } from '../support/percentile';
import { startRunner, type RunningRunner } from '../support/runner-process';
import { embeddedUrl, fmt, numberArgs, requireBuild, ROOT, table, withClient } from './lib/common';

const TASK = process.env['BENCH_JUDGE_TASK'] ?? 'gl-unlock-on-error-task';
const JUDGE_DATA_DIR = resolve(ROOT, '.data/judge-bench');
const PASSWORD = 'bench-judge-password-2026';

interface Run {
  id: string;
  state: 'queued' | 'running' | 'done';
  verdict: string | null;
}

export interface JudgeBenchResult {
  latency: { n: number; p50: number; p95: number; max: number; runnerP50: number; runnerP95: number };
  throughput: Array<{ runners: number; jobs: number; seconds: number; perMinute: number }>;
  burst: { submitted: number; judged: number; lost: number; duplicateVerdicts: number; seconds: number; verdicts: Record<string, number> };
  loadStart: number[];
  loadEnd: number[];
}

/** The reference solution of a bank code task, read from its folder (the bench is server-side). */
function referenceFiles(taskId: string): Record<string, string> {
  const bank = resolve(ROOT, 'libs/question-bank/bank');
  for (const topic of readdirSync(bank, { withFileTypes: true })) {
    if (!topic.isDirectory()) continue;
    const dir = join(bank, topic.name, taskId, 'solution');
    try {
      return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    } catch {
      /* not in this topic */
    }
  }
  throw new Error(`no code task ${taskId} with a solution folder in the bank`);
}

/** Reads the run's server-sent events until the verdict; resolves with the last run seen. */
async function verdictOf(session: ApiSession, runId: string, timeoutMs: number): Promise<Run> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  let last: Run | undefined;
  try {
    const res = await fetch(`${session.base}/api/judge/runs/${runId}/events`, { headers: { cookie: session.cookie }, signal: abort.signal });
    if (res.status !== 200 || !res.body) throw new Error(`events of ${runId}: ${res.status}`);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (block.startsWith('event: run') && data) last = JSON.parse(data.slice('data: '.length)) as Run;
        if (last?.state === 'done') {
          abort.abort();
          return last;
        }
      }
    }
  } finally {
    clearTimeout(timer);
  }
  if (last?.state !== 'done') throw new Error(`run ${runId} ended its event stream without a verdict (${JSON.stringify(last)})`);
  return last;
}

async function submit(session: ApiSession, files: Record<string, string>): Promise<string> {
  const reply = await session.call<Run>('POST', '/api/judge/runs', { questionId: TASK, files });
  if (reply.status !== 201) throw new Error(`POST /api/judge/runs -> ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.id;
}

const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');

export async function runJudgeBench(argv = process.argv.slice(2).filter((a) => a !== 'judge')): Promise<JudgeBenchResult> {
  requireBuild();
  const opts = numberArgs({ latency: 25, warmup: 3, throughput: 40, burst: 50 }, argv);
  const files = referenceFiles(TASK);
  const loadStart = loadavg();
  console.log(`judge bench: task ${TASK}, ${cpus().length} cores, load average at start ${la(loadStart)}`);

  const pgPort = await freePort();
  const app = await startApp({ env: { EMBEDDED_PG_PORT: String(pgPort), JUDGE_RUNS_PER_MINUTE: '10000', LOGIN_MAX_ATTEMPTS_PER_IP: '100000' } });
  const dbUrl = embeddedUrl(pgPort);
  const runners: RunningRunner[] = [];
  const runner = (id: string, warm: boolean) => {
    const r = startRunner(id, { DATABASE_URL: dbUrl, JUDGE_DATA_DIR, LOG_LEVEL: 'warn', ...(warm ? {} : { RUNNER_SKIP_WARM: 'true' }) });
    runners.push(r);
    return r;
  };
  const sql = <T>(text: string, params: unknown[] = []) => withClient(dbUrl, async (c) => (await c.query(text, params)).rows as T[]);

  try {
    const kept = await sql<{ id: string }>(
      `DELETE FROM judge_task_specs WHERE question_version_id NOT IN
         (SELECT v.id FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version WHERE q.id = $1)
       RETURNING question_version_id AS id`,
      [TASK],
    );
    const [left] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM judge_task_specs');
    if (left!.n !== 1) throw new Error(`task ${TASK} has no judge spec in the database`);
    console.log(`kept the spec of ${TASK} only (${kept.length} others dropped from this throwaway database)`);

    const t0 = performance.now();
    const r1 = runner('bench-runner-1', true);
    await r1.waitFor('ready: taking judge jobs', 900_000);
    console.log(`runner 1 ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (cache warm for ${TASK})`);

    const learner = await ApiSession.register(app.url, 'bench-judge-0@example.test', PASSWORD);

    // (a) Warm latency, one submission at a time.
    for (let i = 0; i < opts.warmup; i++) await verdictOf(learner, await submit(learner, files), 120_000);
    const latencies: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i < opts.latency; i++) {
      const started = performance.now();
      const id = await submit(learner, files);
      const run = await verdictOf(learner, id, 120_000);
      latencies.push(performance.now() - started);
      ids.push(id);
      if (run.verdict !== 'passed') throw new Error(`reference solution judged ${run.verdict} (run ${id})`);
    }
    const own = await sql<{ ms: number }>('SELECT duration_ms AS ms FROM judge_runs WHERE id = ANY($1::uuid[])', [ids]);
    const sorted = [...latencies].sort((a, b) => a - b);
    const runnerSorted = own.map((r) => r.ms).sort((a, b) => a - b);
    const latency = {
      n: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1)!,
      runnerP50: percentile(runnerSorted, 50),
      runnerP95: percentile(runnerSorted, 95),
    };
    console.log(
      `\n(a) warm latency, submit -> verdict event, ${latency.n} sequential runs after ${opts.warmup} warm-up:\n` +
        `    p50 ${fmt.ms(latency.p50)}, p95 ${fmt.ms(latency.p95)}, max ${fmt.ms(latency.max)}; ` +
        `runner's own time (duration_ms) p50 ${fmt.ms(latency.runnerP50)}, p95 ${fmt.ms(latency.runnerP95)}`,
    );

    // (b) Throughput: a burst of jobs queued at once, until the last verdict.
    const burstOf = async (n: number, sessions: ApiSession[]) => {
      const started = performance.now();
      const runIds = await Promise.all(Array.from({ length: n }, (_, i) => submit(sessions[i % sessions.length]!, files)));
      for (;;) {
        const [row] = await sql<{ done: number }>(`SELECT count(*) FILTER (WHERE state = 'done')::int AS done FROM judge_runs WHERE id = ANY($1::uuid[])`, [runIds]);
        if (row!.done === n) break;
        if (performance.now() - started > 900_000) throw new Error(`only ${row!.done}/${n} judged after 15 minutes`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return { runIds, seconds: (performance.now() - started) / 1000 };
    };
    const throughput: JudgeBenchResult['throughput'] = [];
    {
      const { seconds } = await burstOf(opts.throughput, [learner]);
      throughput.push({ runners: 1, jobs: opts.throughput, seconds, perMinute: (opts.throughput / seconds) * 60 });
    }
    const r2 = runner('bench-runner-2', false);
    await r2.waitFor('ready: taking judge jobs', 900_000);
    {
      const { seconds } = await burstOf(opts.throughput, [learner]);
      throughput.push({ runners: 2, jobs: opts.throughput, seconds, perMinute: (opts.throughput / seconds) * 60 });
    }
    console.log(
      `\n(b) throughput, ${opts.throughput} jobs queued at once, to the last verdict:\n` +
        table(throughput.map((t) => ({ runners: t.runners, jobs: t.jobs, seconds: t.seconds.toFixed(1), 'jobs/min': t.perMinute.toFixed(1) }))) +
        `\n    2 runners / 1 runner: ${(throughput[1]!.perMinute / throughput[0]!.perMinute).toFixed(2)}x`,
    );

    // (c) Simultaneous submissions from distinct learners, with 2 runners.
    const learners: ApiSession[] = [];
    for (let i = 1; i <= opts.burst; i++) learners.push(await ApiSession.register(app.url, `bench-judge-${i}@example.test`, PASSWORD));
    const { runIds, seconds } = await burstOf(opts.burst, learners);
    const rows = await sql<{ id: string; state: string; verdict: string | null; attempt_count: number }>(
      'SELECT id, state, verdict, attempt_count FROM judge_runs WHERE id = ANY($1::uuid[])',
      [runIds],
    );
    const [queued] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ANY($1::text[])', [runIds]);
    const verdicts: Record<string, number> = {};
    for (const r of rows) verdicts[r.verdict ?? 'none'] = (verdicts[r.verdict ?? 'none'] ?? 0) + 1;
    const judged = rows.filter((r) => r.state === 'done' && r.verdict !== null).length;
    const burst = {
      submitted: runIds.length,
      judged,
      lost: runIds.length - judged,
      // A verdict is written once per run: a second judging shows as attempt_count > 1.
      duplicateVerdicts: rows.filter((r) => r.attempt_count !== 1).length,
      seconds,
      verdicts,
    };
    console.log(
      `\n(c) ${opts.burst} simultaneous submissions from ${opts.burst} learners, 2 runners: ${burst.judged}/${burst.submitted} judged in ${seconds.toFixed(1)} s ` +
        `(${((burst.judged / seconds) * 60).toFixed(1)} jobs/min), lost ${burst.lost}, judged more than once ${burst.duplicateVerdicts}, ` +
        `jobs left in the queue ${queued!.n}, verdicts ${JSON.stringify(verdicts)}`,
    );
    if (burst.lost > 0 || burst.duplicateVerdicts > 0 || queued!.n > 0 || rows.length !== runIds.length) throw new Error('simultaneous submissions: a run was lost or judged twice');

    const loadEnd = loadavg();
    console.log(`\nload average at start ${la(loadStart)}, at end ${la(loadEnd)}`);
    return { latency, throughput, burst, loadStart, loadEnd };
  } finally {
    for (const r of runners) await r.stop();
    await app.stop();
  }
}

if (require.main === module) {
  runJudgeBench().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
