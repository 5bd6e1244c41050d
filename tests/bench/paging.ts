/**
 * The paged lists at hiring scale (issue 17, "paging in SQL ... show the plans at full scale"):
 * every statement each list request runs, with its real plan (EXPLAIN ANALYZE, BUFFERS) and time,
 * for the first page and a deep page of the five paged lists:
 *
 *   GET /api/orgs/:org/questions       an organization with 2,000 private questions
 *   GET /api/orgs/:org/sets            300 question sets
 *   GET /api/orgs/:org/sets/:set/invites   a set with 10,000 invites ...
 *   GET /api/orgs/:org/sets/:set/results   ... of which 8,000 started and 7,000 submitted
 *   GET /api/drills/deck               the seeded learner with the most cards
 *
 *   npm run bench -- paging  [--org-questions 2000 --sets 300 --invites 10000 --started 8000 --submitted 7000]
 *
 * The hiring data is made once through the API itself (a manager, an org, questions, sets, a
 * published set, invites, candidates who start and submit) on the bench cluster (`npm run
 * bench:seed` first) and remembered in `<cluster>/paging.json`. The plans are not copies of the
 * services' SQL: Postgres's own auto_explain logs the plan of every statement the running API sends
 * during each request (`session_preload_libraries` on the database, the API restarted with
 * LOG_LEVEL=debug so the server's log reaches its output), and the settings are removed afterwards.
 * Plans go to docs/performance/plans-paging/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';
import type { RunningApp } from '../support/app-process';
import { ApiSession, responseFor, type ItemView } from '../support/api-session';
import { cpuSeconds, treeCpuSeconds } from './lib/cpu';
import { API_USER_PASSWORD, pool } from './lib/api';
import { loggedPlans, planNodes, postgresLog, renderPlan } from './lib/plan-log';
import {
  BENCH_DATA_DIR,
  numberArgs,
  requireBuild,
  ROOT,
  SEED_MARKER,
  SEED_PASSWORD,
  startBenchApp,
  table,
  withClient,
} from './lib/common';

const PLANS_DIR = join(ROOT, 'docs/performance/plans-paging');
const MARKER = join(BENCH_DATA_DIR, 'paging.json');
const CONCURRENCY = 8;
const SEQ_SCAN_ROWS = 1000;

interface PagingSeed {
  managerEmail: string;
  orgId: string;
  setId: string;
  counts: Record<string, number>;
}

const secs = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

/** The hiring data, made through the API as a manager and candidates would make it. */
async function seedHiring(base: string, c: Client, counts: Record<string, number>): Promise<PagingSeed> {
  const managerEmail = `paging-manager-${Date.now()}@example.com`;
  const manager = await ApiSession.register(base, managerEmail, API_USER_PASSWORD);
  const { id: orgId } = await manager.ok<{ id: string }>('POST', '/api/orgs', { name: 'Paging bench org' });
  const t0 = performance.now();
  await pool(
    Array.from({ length: counts['orgQuestions']! }, (_, i) => i),
    CONCURRENCY,
    (i) =>
      manager.ok('POST', `/api/orgs/${orgId}/questions`, {
        title: `Paging essay ${i}: a bounded worker pool`,
        topic: 'channels',
        subtopic: 'worker-pools',
        type: 'essay',
        difficulty: 1 + (i % 5),
        tags: ['design'],
        go_version: '1.26',
        expected_seconds: 600,
        references: ['https://go.dev/ref/spec#Channel_types'],
        prompt: `Design worker pool number ${i} with a bounded queue and graceful shutdown.`,
        explanation: 'A good answer bounds the queue with a buffered channel and closes it to stop the workers.',
        rubric: ['bounded queue', 'shutdown without leaks'],
      }),
  );
  console.log(`paging seed: ${counts['orgQuestions']} org questions in ${secs(t0)}`);
  await pool(
    Array.from({ length: counts['sets']! - 1 }, (_, i) => i),
    CONCURRENCY,
    (i) => manager.ok('POST', `/api/orgs/${orgId}/sets`, { title: `Paging set ${i}` }),
  );
  // The set everyone is invited to: five single-choice bank questions.
  const bank = (
    await c.query<{ id: string }>(
      `SELECT q.id FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.organization_id IS NULL AND q.retired_at IS NULL AND v.type = 'single' ORDER BY q.id LIMIT 5`,
    )
  ).rows;
  const { id: setId } = await manager.ok<{ id: string }>('POST', `/api/orgs/${orgId}/sets`, { title: 'Paging screen' });
  await manager.ok('PUT', `/api/orgs/${orgId}/sets/${setId}/draft`, {
    title: 'Paging screen',
    instructions: 'Answer every question.',
    timeLimitSeconds: 1800,
    shuffleOptions: true,
    overduePolicy: 'auto-submit',
    submitGraceSeconds: 0,
    reviewPolicy: 'score',
    items: bank.map((q) => ({ kind: 'fixed', questionId: q.id, points: 1 })),
  });
  await manager.ok('POST', `/api/orgs/${orgId}/sets/${setId}/publish`);
  const t1 = performance.now();
  const links: string[] = [];
  for (let from = 0; from < counts['invites']!; from += 500) {
    const n = Math.min(500, counts['invites']! - from);
    const created = await manager.ok<{ invites: Array<{ link: string }> }>(
      'POST',
      `/api/orgs/${orgId}/sets/${setId}/invites`,
      {
        invitees: Array.from({ length: n }, (_, i) => ({
          name: `Candidate ${from + i}`,
          email: `candidate-${from + i}@example.com`,
        })),
        expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
      },
    );
    links.push(...created.invites.map((i) => i.link));
  }
  console.log(`paging seed: ${links.length} invites in ${secs(t1)}`);
  const t2 = performance.now();
  await pool(links.slice(0, counts['started']), CONCURRENCY, async (link, i) => {
    const cand = new ApiSession(base);
    await cand.ok('GET', '/api/auth/csrf');
    await cand.ok('POST', '/api/candidate/session', { token: new URL(link).hash.slice(1) });
    const attempt = await cand.ok<{ items: Array<ItemView & { position: number }> }>('POST', '/api/candidate/start');
    if (i >= counts['submitted']!) return;
    // Scores spread out: candidate i answers (i mod 6) items, each with a varying option.
    for (const item of attempt.items.slice(0, i % 6)) {
      await cand.ok('PUT', `/api/candidate/attempt/items/${item.position}/answer`, {
        response: responseFor(item, i + item.position),
        timeSpentMs: 1000,
      });
    }
    await cand.ok('POST', '/api/candidate/attempt/submit');
  });
  console.log(`paging seed: ${counts['started']} candidates started, ${counts['submitted']} submitted, in ${secs(t2)}`);
  return { managerEmail, orgId, setId, counts };
}

const AUTO_EXPLAIN = {
  session_preload_libraries: 'auto_explain',
  'auto_explain.log_min_duration': '0',
  'auto_explain.log_analyze': 'on',
  'auto_explain.log_buffers': 'on',
  'auto_explain.log_format': 'json',
};

async function setAutoExplain(c: Client, on: boolean): Promise<void> {
  for (const [name, value] of Object.entries(AUTO_EXPLAIN)) {
    await c.query(on ? `ALTER DATABASE goprep SET ${name} = '${value}'` : `ALTER DATABASE goprep RESET ${name}`);
  }
}

interface Timed {
  /** Median wall time of the timed requests, client side. */
  requestMs: number;
  /** CPU per request of the API process and of Postgres (postmaster and backends). */
  apiCpuMs: number | null;
  pgCpuMs: number | null;
}

interface Measured extends Partial<Timed> {
  list: string;
  page: string;
  status: number;
  statements: number;
  dbMs: number;
  slowest: string;
  seqScans: string;
  file: string;
}

type PagedList = { list: string; who: ApiSession; path: string; size: number };

/** The five paged lists, each with the size it has in the bench data. */
function pagedLists(seed: PagingSeed, manager: ApiSession, student: ApiSession, cards: number): PagedList[] {
  const { orgId, setId } = seed;
  return [
    { list: 'org questions', who: manager, path: `/api/orgs/${orgId}/questions`, size: seed.counts['orgQuestions']! },
    { list: 'question sets', who: manager, path: `/api/orgs/${orgId}/sets`, size: seed.counts['sets']! },
    {
      list: "a set's invites",
      who: manager,
      path: `/api/orgs/${orgId}/sets/${setId}/invites`,
      size: seed.counts['invites']!,
    },
    {
      list: "a set's results (rank)",
      who: manager,
      path: `/api/orgs/${orgId}/sets/${setId}/results`,
      size: seed.counts['invites']!,
    },
    {
      list: "a set's results (submitted, by score)",
      who: manager,
      path: `/api/orgs/${orgId}/sets/${setId}/results?status=submitted&sort=score&order=desc`,
      size: seed.counts['submitted']!,
    },
    { list: `drill deck (${cards} cards)`, who: student, path: '/api/drills/deck', size: cards },
  ];
}

/** A list's first page and a deep one (the last full page but one), 100 rows each. */
function pagesOf(l: PagedList): Array<{ page: string; path: string }> {
  const deep = Math.max(0, Math.floor(l.size / 100) * 100 - 100);
  return [
    ['first 100', 'limit=100&offset=0'],
    [`100 at ${deep}`, `limit=100&offset=${deep}`],
  ].map(([page, query]) => ({ page: page!, path: `${l.path}${l.path.includes('?') ? '&' : '?'}${query}` }));
}

const TIMED_REQUESTS = 10;

/**
 * Each page requested TIMED_REQUESTS times one after the other (after one warm-up) on an API
 * without auto_explain and at the bench's log level: the median wall time and the CPU per request
 * of the API process and of Postgres, which is what a manager's page costs the server.
 */
async function timeLists(app: RunningApp, lists: PagedList[]): Promise<Map<string, Timed>> {
  const postmaster = Number(readFileSync(join(app.dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const timed = new Map<string, Timed>();
  for (const l of lists) {
    for (const { page, path } of pagesOf(l)) {
      await l.who.ok('GET', path);
      const walls: number[] = [];
      const api0 = cpuSeconds(app.pid);
      const pg0 = treeCpuSeconds(postmaster);
      for (let i = 0; i < TIMED_REQUESTS; i++) {
        const t0 = performance.now();
        await l.who.ok('GET', path);
        walls.push(performance.now() - t0);
      }
      const api1 = cpuSeconds(app.pid);
      const pg1 = treeCpuSeconds(postmaster);
      const perRequest = (a: number | null, b: number | null) => (a === null || b === null ? null : ((b - a) * 1000) / TIMED_REQUESTS);
      walls.sort((x, y) => x - y);
      timed.set(`${l.list}|${page}`, {
        requestMs: walls[Math.floor(walls.length / 2)]!,
        apiCpuMs: perRequest(api0, api1),
        pgCpuMs: perRequest(pg0, pg1),
      });
    }
  }
  return timed;
}

/** The seeded learner with the most drill cards (the deck to page through). */
async function heaviestLearner(c: Client): Promise<{ email: string; cards: number }> {
  const heavy = (
    await c.query<{ email: string; n: string }>(
      `SELECT u.email, count(*) AS n FROM srs_cards s JOIN users u ON u.id = s.user_id WHERE u.email LIKE '%@bench.goprep.test' GROUP BY u.email ORDER BY 2 DESC LIMIT 1`,
    )
  ).rows[0]!;
  return { email: heavy.email, cards: Number(heavy.n) };
}

/** The manager and the learner signed in to the app at `base`, and the lists they page through. */
async function signedIn(base: string, seed: PagingSeed, learner: { email: string; cards: number }): Promise<PagedList[]> {
  const manager = await ApiSession.login(base, seed.managerEmail, API_USER_PASSWORD);
  const student = await ApiSession.login(base, learner.email, SEED_PASSWORD);
  return pagedLists(seed, manager, student, learner.cards);
}

export async function runPaging(): Promise<Measured[]> {
  requireBuild();
  if (!existsSync(SEED_MARKER)) throw new Error(`no bench cluster at ${BENCH_DATA_DIR}: run npm run bench:seed first`);
  const counts = numberArgs({ orgQuestions: 2000, sets: 300, invites: 10000, started: 8000, submitted: 7000 });
  let seed: PagingSeed;
  let learner: { email: string; cards: number };
  let timed: Map<string, Timed>;
  const first = await startBenchApp({ ATTEMPT_SWEEP_INTERVAL_MS: '0' });
  try {
    seed = existsSync(MARKER)
      ? (JSON.parse(readFileSync(MARKER, 'utf8')) as PagingSeed)
      : await withClient(first.dbUrl, (c) => seedHiring(first.app.url, c, counts));
    writeFileSync(MARKER, JSON.stringify(seed, null, 2));
    await withClient(first.dbUrl, (c) => c.query('ANALYZE'));
    learner = await withClient(first.dbUrl, heaviestLearner);
    timed = await timeLists(first.app, await signedIn(first.app.url, seed, learner));
    await withClient(first.dbUrl, (c) => setAutoExplain(c, true));
  } finally {
    await first.app.stop();
  }
  const { app, dbUrl } = await startBenchApp({ ATTEMPT_SWEEP_INTERVAL_MS: '0', LOG_LEVEL: 'debug' });
  try {
    const { orgId, setId } = seed;
    const lists = await signedIn(app.url, seed, learner);
    mkdirSync(PLANS_DIR, { recursive: true });
    const results: Measured[] = [];
    for (const l of lists) {
      for (const { page, path } of pagesOf(l)) {
        // Warm once (plans cached, pages in memory), then the measured request.
        await l.who.call('GET', path);
        await new Promise((r) => setTimeout(r, 300));
        const from = app.output().length;
        const reply = await l.who.call('GET', path);
        await new Promise((r) => setTimeout(r, 500));
        // The API's queue workers poll graphile_worker on their own timers: not part of the request.
        const plans = loggedPlans(postgresLog(app.output().slice(from))).filter((p) => !/graphile_worker|_private_job/.test(p['Query Text']));
        const file = `${l.list
          .replace(/\(\d+ cards\)/, '')
          .replace(/[^a-z0-9]+/gi, '-')
          .replace(/-+$/, '')
          .toLowerCase()}-${page.replace(/[^a-z0-9]+/gi, '-')}.txt`;
        const text = plans
          .map(
            (p, i) =>
              `-- statement ${i + 1}: ${(p['Execution Time'] ?? p.Plan['Actual Total Time'] ?? 0).toFixed(3)} ms\n${p['Query Text'].trim()}\n\n${renderPlan(p.Plan).join('\n')}\n`,
          )
          .join('\n');
        writeFileSync(
          join(PLANS_DIR, file),
          `-- GET ${path.replace(orgId, ':org').replace(setId, ':set')} -> ${reply.status} (${new Date().toISOString()})\n-- ${plans.length} statements\n\n${text}`,
        );
        const times = plans.map((p) => p['Execution Time'] ?? p.Plan['Actual Total Time'] ?? 0);
        const slow = plans[times.indexOf(Math.max(...times))];
        const seq = plans
          .flatMap((p) => planNodes(p.Plan))
          .filter((n) => n['Node Type'] === 'Seq Scan')
          .map((n) => ({ table: n['Relation Name'] ?? '?', read: Math.round(((n['Actual Rows'] ?? 0) + (n['Rows Removed by Filter'] ?? 0)) * (n['Actual Loops'] ?? 1)) }))
          // A sequential scan of a small table is the right plan; the ones that read many rows are worth a look.
          .filter((n) => n.read >= SEQ_SCAN_ROWS)
          .map((n) => `${n.table} (${n.read})`);
        results.push({
          ...timed.get(`${l.list}|${page}`),
          list: l.list,
          page,
          status: reply.status,
          statements: plans.length,
          dbMs: times.reduce((a, b) => a + b, 0),
          slowest: slow ? `#${plans.indexOf(slow) + 1}, ${Math.max(...times).toFixed(2)} ms` : '-',
          seqScans: seq.length ? [...new Set(seq)].join(', ') : 'none',
          file: `docs/performance/plans-paging/${file}`,
        });
      }
    }
    console.log(
      table(
        results.map((r) => ({
          list: r.list,
          page: r.page,
          status: r.status,
          statements: r.statements,
          'db ms (sum)': r.dbMs.toFixed(2),
          'request ms (median)': r.requestMs?.toFixed(1) ?? '-',
          'CPU ms/req API + Postgres': `${r.apiCpuMs?.toFixed(1) ?? '-'} + ${r.pgCpuMs?.toFixed(1) ?? '-'}`,
          [`seq scans of >= ${SEQ_SCAN_ROWS} rows (rows read)`]: r.seqScans,
          'slowest statement': r.slowest,
          plans: r.file,
        })),
      ),
    );
    return results;
  } finally {
    // The cluster goes back to logging nothing per statement before the app (and its Postgres) stops.
    await withClient(dbUrl, (c) => setAutoExplain(c, false));
    await app.stop();
  }
}

if (require.main === module) {
  runPaging().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
