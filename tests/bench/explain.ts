/**
 * Query plans and latencies at scale (issue 8): EXPLAIN (ANALYZE, BUFFERS) of the hot queries on
 * the seeded cluster, saved under docs/performance/, plus client-side p50/p99 over many learners.
 *
 *   npm run bench -- explain                               (the default-scale cluster, .data/bench)
 *   BENCH_DATA_DIR=.data/bench-full npm run bench -- explain   (after a full-scale bench:seed)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';
import { itemStatistics, setStatistics, type StatsAttempt } from '@goprep/domain';
import { percentile } from '../support/percentile';
import { fmt, ROOT, SEED_MARKER, startBenchApp, table, withClient } from './lib/common';
import { BENCH_SET_ID } from './seed';

const PLANS_DIR = join(ROOT, 'docs/performance');
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 300);

/** The SQL of the routes (kept textually equal to the services, parameters in the same order). */
const DUE_CARDS = `SELECT c.id, c.question_id, c.state, c.due, c.stability, c.difficulty, c.scheduled_days, c.learning_steps,
  c.reps, c.lapses, c.last_review, c.suspended, c.leech, v.question_id, v.version, v.title, v.topic_id, v.difficulty AS question_difficulty, v.type, v.prompt, v.code, v.unit,
  v.expected_seconds, (SELECT jsonb_agg(jsonb_build_object('id', o->>'id', 'text', o->>'text') ORDER BY n)
                         FROM jsonb_array_elements(v.options) WITH ORDINALITY AS e(o, n)) AS options,
  v.content_hash AS tr_content_hash, tr.source_hash AS tr_source_hash, tr.title AS tr_title,
  tr.prompt AS tr_prompt, tr.options AS tr_options, tr.unit AS tr_unit
   FROM srs_cards c
   JOIN questions q ON q.id = c.question_id
   JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
   LEFT JOIN question_version_translations tr ON tr.version_id = v.id AND tr.locale = $3
  WHERE c.user_id = $1 AND NOT c.suspended AND (c.state = 'new' OR c.due < $2) AND q.retired_at IS NULL AND q.organization_id IS NULL`;
const INTRODUCED_TODAY = `SELECT reviewed_at, state_before FROM srs_reviews
  WHERE user_id = $1 AND undone_at IS NULL AND reviewed_at >= $2 AND reviewed_at < $3 AND state_before->>'state' = 'new'`;
const ATTEMPT_HISTORY = `SELECT a.id, a.user_id, a.mode, a.config, a.seed, a.state, a.started_at, a.deadline_at, a.submitted_at,
  a.finished_at, a.overdue_policy, a.submit_grace_seconds, a.review_policy, a.score, a.max_score, a.result,
  (SELECT count(*)::int FROM attempt_items i WHERE i.attempt_id = a.id) AS item_count
  FROM attempts a WHERE a.user_id = $1 ORDER BY a.started_at DESC, a.id LIMIT 100`;
const DRILL_STATS_REVIEWS = `SELECT r.reviewed_at, r.rating, r.state_before->>'state' AS before_state, q.topic_id
  FROM srs_reviews r JOIN questions q ON q.id = r.question_id
  WHERE r.user_id = $1 AND r.undone_at IS NULL AND r.reviewed_at >= $2 AND r.reviewed_at <= $3`;
const BANK_SEARCH_COUNT = `SELECT count(*)::int AS total FROM questions q
  JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
  JOIN topics t ON t.id = q.topic_id
  WHERE q.retired_at IS NULL AND q.organization_id IS NULL AND v.search @@ websearch_to_tsquery('english', $1)`;
const BANK_SEARCH_PAGE = `SELECT q.id, v.title, v.topic_id, v.type, v.difficulty, v.tags, (v.code IS NOT NULL) AS has_code FROM questions q
  JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
  JOIN topics t ON t.id = q.topic_id
  WHERE q.retired_at IS NULL AND q.organization_id IS NULL AND v.search @@ websearch_to_tsquery('english', $1)
  ORDER BY ts_rank(v.search, websearch_to_tsquery('english', $1)) DESC, q.id LIMIT 20 OFFSET 0`;
/**
 * Item statistics computed from every attempt (what the results module did before the running sums
 * of migration 1764803000000; `npm run bench -- item-stats` compares the two reads): every item of
 * every submitted attempt of one published set version; the figures are then computed in JS by
 * @goprep/domain (itemStatistics, setStatistics), timed separately below.
 */
const ITEM_STATISTICS_ROWS = `SELECT a.id AS attempt_id, a.score AS total, a.max_score AS max_total, i.position, i.question_version_id AS version_id, an.score, i.points,
        EXISTS (SELECT 1 FROM answers p WHERE p.attempt_id = a.id AND p.status = 'pending') AS pending
   FROM attempts a JOIN attempt_items i ON i.attempt_id = a.id
   LEFT JOIN answers an ON an.attempt_id = i.attempt_id AND an.position = i.position
  WHERE a.set_version_id = $1 AND a.state = 'submitted'
  ORDER BY a.id, i.position`;
/** The bank search for a query with Chinese in it: English text search, or a translation holding every character pair (search-grams.ts). */
const BANK_SEARCH_ZH_WHERE = `q.retired_at IS NULL AND q.organization_id IS NULL AND (v.search @@ websearch_to_tsquery('english', $1)
            OR v.id = ANY (ARRAY(SELECT tg.version_id FROM question_version_translations tg WHERE tg.search_grams @> $2::text[])))`;
const BANK_SEARCH_ZH_COUNT = `SELECT count(*)::int AS total FROM questions q
  JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
  JOIN topics t ON t.id = q.topic_id
  WHERE ${BANK_SEARCH_ZH_WHERE}`;
const BANK_SEARCH_ZH_PAGE = `SELECT q.id, v.title, v.topic_id, v.type, v.difficulty, v.tags, (v.code IS NOT NULL) AS has_code FROM questions q
  JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
  JOIN topics t ON t.id = q.topic_id
  WHERE ${BANK_SEARCH_ZH_WHERE}
  ORDER BY ts_rank(v.search, websearch_to_tsquery('english', $1)) DESC, q.id LIMIT 20 OFFSET 0`;
/** Chinese queries with their grams as apps/api/src/modules/questions/search-grams.ts computes them. */
const SEARCH_TERMS_ZH: Array<[string, string[]]> = [
  ['内置函数', ['内置', '置函', '函数']],
  ['运行时 panic', ['运行', '行时', 'panic']],
  ['缓冲区', ['缓冲', '冲区']],
  ['逃逸分析', ['逃逸', '逸分', '分析']],
];

const SEARCH_TERMS = ['goroutine leak', 'channel close', 'happens before', 'garbage collector pacer', 'context cancel', 'escape heap', 'mutex', 'trace'];

interface Measured {
  query: string;
  target: string;
  runs: number;
  p50: number;
  p99: number;
  max: number;
  plan: string;
  /** Execution time in Postgres (pg_stat_statements): mean and max over the runs. */
  serverMean?: number;
  serverMax?: number;
}

async function timed(c: Client, sql: string, paramSets: unknown[][]): Promise<number[]> {
  const out: number[] = [];
  for (const params of paramSets) {
    const t = performance.now();
    await c.query(sql, params);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

async function explain(c: Client, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

/**
 * The seeded set's attempts are attached to a published question-set version (hiring schema), so
 * the measured query is exactly the results module's.
 */
export async function benchSetVersion(c: Client): Promise<string> {
  const [found] = (await c.query<{ id: string }>(`SELECT set_version_id AS id FROM attempts WHERE mode = 'set' AND set_version_id IS NOT NULL LIMIT 1`)).rows;
  if (found) return found.id;
  await c.query('BEGIN');
  const org = (await c.query<{ id: string }>(`INSERT INTO organizations (name) VALUES ('Bench org') RETURNING id`)).rows[0]!.id;
  const set = (await c.query<{ id: string }>(`INSERT INTO question_sets (org_id, title) VALUES ($1, 'Bench question set') RETURNING id`, [org])).rows[0]!.id;
  const version = (
    await c.query<{ id: string }>(
      `INSERT INTO question_set_versions (set_id, version, state, title, time_limit_seconds, published_at)
       VALUES ($1, 1, 'published', 'Bench question set', 2400, now()) RETURNING id`,
      [set],
    )
  ).rows[0]!.id;
  await c.query(`UPDATE attempts SET set_version_id = $1 WHERE mode = 'set' AND config->>'setId' = $2`, [version, BENCH_SET_ID]);
  await c.query('COMMIT');
  await c.query('ANALYZE attempts');
  return version;
}

type StatsRow = { attempt_id: string; total: string; max_total: string; position: number; version_id: string; score: string | null; points: string; pending: boolean };

/** Rows to StatsInput, as the results module does (attempts waiting for a grade left out). */
function statisticsInput(rows: StatsRow[]): { attempts: StatsAttempt[] } {
  const attempts = new Map<string, StatsAttempt>();
  for (const r of rows) {
    if (r.pending) continue;
    const a = attempts.get(r.attempt_id) ?? { attemptId: r.attempt_id, score: Number(r.total), maxScore: Number(r.max_total), items: [] };
    (a.items as StatsAttempt['items'][number][]).push({ slot: r.position, questionKey: r.version_id, score: r.score === null ? 0 : Number(r.score), max: Number(r.points) });
    attempts.set(r.attempt_id, a);
  }
  return { attempts: [...attempts.values()] };
}

/** The results module's in-memory part: rows to StatsInput, then Moodle's item and set figures. */
function computeStatistics(rows: StatsRow[]): number {
  const t = performance.now();
  const input = statisticsInput(rows);
  itemStatistics(input);
  setStatistics(input);
  return performance.now() - t;
}

export async function runExplain(): Promise<Measured[]> {
  // BENCH_DATABASE_URL: measure a database that is already running (a managed Postgres, or a seed
  // still in progress) instead of starting the bench cluster.
  const external = process.env['BENCH_DATABASE_URL'];
  const seed = existsSync(SEED_MARKER) && !external
    ? (JSON.parse(readFileSync(SEED_MARKER, 'utf8')) as { scale: Record<string, number>; bytes: number })
    : await withClient(external ?? '', async (c) => {
        const r = (
          await c.query<{ learners: string; reviews: string; attempts: string; set_attempts: string; bytes: string }>(
            `SELECT (SELECT count(*) FROM users WHERE email LIKE '%@bench.goprep.test') AS learners, (SELECT count(*) FROM srs_reviews) AS reviews,
                    (SELECT count(*) FROM attempts WHERE mode <> 'set') AS attempts, (SELECT count(*) FROM attempts WHERE mode = 'set') AS set_attempts,
                    pg_database_size(current_database()) AS bytes`,
          )
        ).rows[0]!;
        return { scale: { learners: Number(r.learners), reviews: Number(r.reviews), attempts: Number(r.attempts), setAttempts: Number(r.set_attempts) }, bytes: Number(r.bytes) };
      });
  const { app, dbUrl } = external ? { app: undefined, dbUrl: external } : await startBenchApp({ ATTEMPT_SWEEP_INTERVAL_MS: '0' });
  try {
    return await withClient(dbUrl, async (c) => {
      const scale = `${seed.scale['learners']} learners, ${seed.scale['reviews']} reviews, ${seed.scale['attempts']} attempts`;
      console.log(`explain: ${scale}; database ${(seed.bytes / 2 ** 20).toFixed(0)} MB`);
      const learners = (
        await c.query<{ id: string }>(`SELECT id FROM users WHERE email LIKE '%@bench.goprep.test' ORDER BY random() LIMIT $1`, [SAMPLES])
      ).rows.map((r) => r.id);
      // The heaviest learner (most reviews) for the saved plans: the worst case, not the typical one.
      const heavy = (await c.query<{ user_id: string; n: string }>(`SELECT user_id, count(*) AS n FROM srs_cards GROUP BY user_id ORDER BY 2 DESC LIMIT 1`)).rows[0]!;
      const now = new Date();
      const tomorrow = new Date(now.getTime() + 86_400_000);
      const dayStart = new Date(now.getTime() - 86_400_000);
      const monthAgo = new Date(now.getTime() - 30 * 86_400_000);
      const setVersion = await benchSetVersion(c);
      const specs: Array<{ name: string; sql: string; params: unknown[][]; plan: unknown[]; target: string }> = [
        { name: 'due queue: cards', sql: DUE_CARDS, params: learners.map((u) => [u, tomorrow, 'zh-CN']), plan: [heavy.user_id, tomorrow, 'zh-CN'], target: 'p99 <= 5 ms' },
        { name: 'due queue: new cards introduced today', sql: INTRODUCED_TODAY, params: learners.map((u) => [u, dayStart, tomorrow]), plan: [heavy.user_id, dayStart, tomorrow], target: 'p99 <= 5 ms' },
        { name: "learner's attempt history", sql: ATTEMPT_HISTORY, params: learners.map((u) => [u]), plan: [heavy.user_id], target: '<= 10 ms' },
        { name: "learner's drill history (30 days)", sql: DRILL_STATS_REVIEWS, params: learners.map((u) => [u, monthAgo, now]), plan: [heavy.user_id, monthAgo, now], target: '<= 10 ms' },
        { name: 'bank search: count', sql: BANK_SEARCH_COUNT, params: learners.map((_, i) => [SEARCH_TERMS[i % SEARCH_TERMS.length]]), plan: ['goroutine leak'], target: '<= 20 ms' },
        { name: 'bank search: page', sql: BANK_SEARCH_PAGE, params: learners.map((_, i) => [SEARCH_TERMS[i % SEARCH_TERMS.length]]), plan: ['goroutine leak'], target: '<= 20 ms' },
        { name: 'bank search in Chinese: count', sql: BANK_SEARCH_ZH_COUNT, params: learners.map((_, i) => SEARCH_TERMS_ZH[i % SEARCH_TERMS_ZH.length]!), plan: SEARCH_TERMS_ZH[0]!, target: '<= 20 ms' },
        { name: 'bank search in Chinese: page', sql: BANK_SEARCH_ZH_PAGE, params: learners.map((_, i) => SEARCH_TERMS_ZH[i % SEARCH_TERMS_ZH.length]!), plan: SEARCH_TERMS_ZH[0]!, target: '<= 20 ms' },
        { name: `item statistics rows, ${seed.scale['setAttempts']} attempts of a set`, sql: ITEM_STATISTICS_ROWS, params: Array.from({ length: 5 }, () => [setVersion]), plan: [setVersion], target: '<= 500 ms with the JS part' },
      ];
      // One folder per scale, so the default and the full-scale plans sit side by side.
      const plansDir = join(PLANS_DIR, `plans-${seed.scale['learners']}-learners`);
      mkdirSync(plansDir, { recursive: true });
      const results: Measured[] = [];
      const stats = await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').then(
        () => c.query('SELECT pg_stat_statements_reset()').then(() => true),
        () => false,
      );
      for (const spec of specs) {
        if (stats) await c.query('SELECT pg_stat_statements_reset()');
        const times = await timed(c, spec.sql, spec.params);
        // Server side (pg_stat_statements): what the query itself costs, without the client's wait for a core.
        const server = stats
          ? (
              await c.query<{ mean: number; max: number }>(
                `SELECT (sum(total_exec_time) / sum(calls))::float8 AS mean, max(max_exec_time)::float8 AS max FROM pg_stat_statements
                  WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`,
              )
            ).rows[0]
          : undefined;
        const plan = await explain(c, spec.sql, spec.plan);
        const file = `plan-${spec.name.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '').toLowerCase()}.txt`;
        writeFileSync(
          join(plansDir, file),
          `-- ${spec.name} (${scale}; ${spec.name.startsWith('item') ? 'the results module query' : spec.name.startsWith('bank') ? 'the bank search of GET /api/questions?q=' : 'plan for the learner with the most cards'})\n-- ${new Date().toISOString()}\n${spec.sql}\n\n${plan}\n`,
        );
        results.push({
          query: spec.name,
          target: spec.target,
          runs: times.length,
          p50: percentile(times, 50),
          p99: percentile(times, 99),
          max: times[times.length - 1] ?? 0,
          plan: `plans-${seed.scale['learners']}-learners/${file}`,
          ...(server ? { serverMean: server.mean, serverMax: server.max } : {}),
        });
      }
      const rows = (await c.query(ITEM_STATISTICS_ROWS, [setVersion])).rows as Parameters<typeof computeStatistics>[0];
      const js = Array.from({ length: 5 }, () => computeStatistics(rows)).sort((a, b) => a - b);
      results.push({ query: `item statistics in JS (@goprep/domain), ${rows.length} rows`, target: '(with the rows) <= 500 ms', runs: js.length, p50: percentile(js, 50), p99: percentile(js, 99), max: js[js.length - 1] ?? 0, plan: '-' });
      console.log(
        table(results.map((r) => ({
            query: r.query,
            runs: r.runs,
            'client p50': fmt.ms(r.p50),
            'client p99': fmt.ms(r.p99),
            'server mean': r.serverMean === undefined ? '-' : fmt.ms(r.serverMean),
            'server max': r.serverMax === undefined ? '-' : fmt.ms(r.serverMax),
            target: r.target, plan: r.plan === '-' ? '-' : `docs/performance/${r.plan}` }))),
      );
      return results;
    });
  } finally {
    await app?.stop();
  }
}

if (require.main === module) {
  runExplain().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
