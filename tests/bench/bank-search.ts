/**
 * Bank search in English and in Chinese (issue 15) at the bank sizes that matter: the shipped bank
 * and a synthetic bank N times larger (every question, version and zh-CN translation copied under
 * new ids). The search reads questions, question_versions, topics and question_version_translations
 * only, so the review and attempt volume of the scale seed does not enter it (the saved EXPLAIN
 * ANALYZE plans show the tables it touches); a throwaway cluster with the real bank is enough.
 *
 *   npm run bench -- bank-search                 (--copies 20 --samples 300)
 *
 * Measured two ways, English and Chinese queries side by side:
 *  - GET /api/questions?q=... on the production build, as a reader whose content language is zh-CN
 *    (count + page + the translation join of the titles), client p50/p99;
 *  - the two statements the service sends, timed from a pg client, with their EXPLAIN (ANALYZE,
 *    BUFFERS) saved in docs/performance/plans-bank-search/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { ApiSession } from '../support/api-session';
import { percentile } from '../support/percentile';
import { fmt, numberArgs, requireBuild, ROOT, startBenchApp, table, withClient } from './lib/common';

const PLANS_DIR = join(ROOT, 'docs/performance/plans-bank-search');

/** Queries a reader types; the Chinese ones carry their grams as search-grams.ts computes them. */
const ENGLISH = ['goroutine leak', 'channel close', 'happens before', 'garbage collector pacer', 'context cancel', 'escape heap', 'mutex', 'trace'];
const CHINESE: Array<[string, string[]]> = [
  ['内置函数', ['内置', '置函', '函数']],
  ['运行时 panic', ['运行', '行时', 'panic']],
  ['缓冲区', ['缓冲', '冲区']],
  ['逃逸分析', ['逃逸', '逸分', '分析']],
  ['垃圾回收', ['垃圾', '圾回', '回收']],
  ['内存模型', ['内存', '存模', '模型']],
];

/**
 * The statements of QuestionsService.list (apps/api/src/modules/questions/questions.service.ts) for
 * `?q=` with a zh-CN reader, kept textually close to the service, parameters in the same order.
 */
const FROM = `FROM questions q
      JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
      JOIN topics t ON t.id = q.topic_id`;
const WHERE_EN = `q.retired_at IS NULL AND q.organization_id IS NULL AND v.search @@ websearch_to_tsquery('english', $1)`;
const WHERE_ZH = `q.retired_at IS NULL AND q.organization_id IS NULL AND (v.search @@ websearch_to_tsquery('english', $1)
            OR v.id = ANY (ARRAY(SELECT tg.version_id FROM question_version_translations tg WHERE tg.search_grams @> $2::text[])))`;
const page = (where: string, localeParam: string) => `SELECT q.id, v.title, v.topic_id, v.type, v.difficulty, v.tags, (v.code IS NOT NULL) AS has_code,
              v.content_hash AS tr_content_hash, tr.source_hash AS tr_source_hash, tr.title AS tr_title ${FROM}
      LEFT JOIN question_version_translations tr ON tr.version_id = v.id AND tr.locale = ${localeParam} WHERE ${where}
        ORDER BY ts_rank(v.search, websearch_to_tsquery('english', $1)) DESC, q.id LIMIT 20 OFFSET 0`;
const STATEMENTS = {
  en: { count: `SELECT count(*)::int AS total ${FROM} WHERE ${WHERE_EN}`, page: page(WHERE_EN, '$2') },
  zh: { count: `SELECT count(*)::int AS total ${FROM} WHERE ${WHERE_ZH}`, page: page(WHERE_ZH, '$3') },
};

interface Row {
  bank: string;
  query: string;
  runs: number;
  'http p50': string;
  'http p99': string;
  'sql p50': string;
  'sql p99': string;
  'plan ms': string;
  matches: string;
}

/** Copies every bank question (current version and its translations) `copies - 1` times under `<id>~<n>`. */
async function enlarge(c: Client, copies: number): Promise<void> {
  const columns = (
    await c.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_name = 'question_versions' AND column_name NOT IN ('id', 'question_id', 'search') AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    )
  ).rows.map((r) => `"${r.column_name}"`);
  const trColumns = (
    await c.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'question_version_translations' AND column_name <> 'version_id' ORDER BY ordinal_position`,
    )
  ).rows.map((r) => `"${r.column_name}"`);
  await c.query('BEGIN');
  await c.query(
    `INSERT INTO questions (id, topic_id, organization_id, current_version)
     SELECT q.id || '~' || n, q.topic_id, NULL, q.current_version FROM questions q CROSS JOIN generate_series(2, $1) AS n
      WHERE q.organization_id IS NULL AND q.retired_at IS NULL`,
    [copies],
  );
  await c.query(
    `INSERT INTO question_versions (question_id, ${columns.join(', ')})
     SELECT v.question_id || '~' || n, ${columns.map((col) => `v.${col}`).join(', ')}
       FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version CROSS JOIN generate_series(2, $1) AS n
      WHERE q.organization_id IS NULL AND q.retired_at IS NULL AND q.id NOT LIKE '%~%'`,
    [copies],
  );
  await c.query(
    `INSERT INTO question_version_translations (version_id, ${trColumns.join(', ')})
     SELECT copy.id, ${trColumns.map((col) => `tr.${col}`).join(', ')}
       FROM question_version_translations tr
       JOIN question_versions v ON v.id = tr.version_id
       JOIN question_versions copy ON copy.question_id LIKE v.question_id || '~%' AND copy.version = v.version
      WHERE v.question_id NOT LIKE '%~%'`,
  );
  await c.query('COMMIT');
  // VACUUM as autovacuum would on a running server: besides the statistics it moves the GIN
  // index's pending list (every copied translation's grams) into the index. With ANALYZE alone the
  // planner prices the long pending list and scans all translations instead (43 ms vs 2 ms).
  await c.query('VACUUM ANALYZE questions, question_versions, question_version_translations');
}

async function explain(c: Client, sql: string, params: unknown[]): Promise<{ plan: string; ms: number }> {
  const { rows } = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  return { plan, ms: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN) };
}

async function measure(c: Client, http: ApiSession, bank: string, samples: number, slug: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const lang of ['en', 'zh'] as const) {
    const queries = lang === 'en' ? ENGLISH.map((q) => ({ q, params: [q, 'zh-CN'] })) : CHINESE.map(([q, grams]) => ({ q, params: [q, grams, 'zh-CN'] }));
    const countParams = (params: unknown[]) => params.slice(0, lang === 'en' ? 1 : 2);
    // Warm up once per query (plans cached, pages in shared buffers), as a running server would be.
    for (const { q, params } of queries) {
      await http.ok('GET', `/api/questions?q=${encodeURIComponent(q)}`);
      await c.query(STATEMENTS[lang].count, countParams(params));
      await c.query(STATEMENTS[lang].page, params);
    }
    const httpTimes: number[] = [];
    const sqlTimes: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      const { q, params } = queries[i % queries.length]!;
      const reply = await http.call('GET', `/api/questions?q=${encodeURIComponent(q)}`);
      if (reply.status !== 200) throw new Error(`GET /api/questions?q=${q} -> ${reply.status}`);
      httpTimes.push(reply.ms);
      const t = performance.now();
      await c.query(STATEMENTS[lang].count, countParams(params));
      await c.query(STATEMENTS[lang].page, params);
      sqlTimes.push(performance.now() - t);
    }
    httpTimes.sort((a, b) => a - b);
    sqlTimes.sort((a, b) => a - b);
    const first = queries[0]!;
    const count = await explain(c, STATEMENTS[lang].count, countParams(first.params));
    const paged = await explain(c, STATEMENTS[lang].page, first.params);
    const matches = (await c.query<{ total: number }>(STATEMENTS[lang].count, countParams(first.params))).rows[0]!.total;
    writeFileSync(
      join(PLANS_DIR, `${slug}-${lang}.txt`),
      `-- bank search (${bank}), ${lang === 'en' ? 'English' : 'Chinese'} query "${first.q}" for a zh-CN reader: count, then page\n-- ${new Date().toISOString()}\n` +
        `${STATEMENTS[lang].count}\n\n${count.plan}\n\n${STATEMENTS[lang].page}\n\n${paged.plan}\n`,
    );
    rows.push({
      bank,
      query: lang === 'en' ? `English (${ENGLISH.length} queries)` : `Chinese (${CHINESE.length} queries)`,
      runs: samples,
      'http p50': fmt.ms(percentile(httpTimes, 50)),
      'http p99': fmt.ms(percentile(httpTimes, 99)),
      'sql p50': fmt.ms(percentile(sqlTimes, 50)),
      'sql p99': fmt.ms(percentile(sqlTimes, 99)),
      'plan ms': `${count.ms.toFixed(2)} + ${paged.ms.toFixed(2)}`,
      matches: `${matches} for "${first.q}"`,
    });
  }
  return rows;
}

export async function runBankSearch(argv = process.argv.slice(2)): Promise<Row[]> {
  requireBuild();
  const { copies, samples } = numberArgs({ copies: 20, samples: 300 }, argv.filter((a) => a !== 'bank-search'));
  mkdirSync(PLANS_DIR, { recursive: true });
  // A throwaway cluster: migrated, the bank and its translations loaded by the app at start.
  const dataDir = mkdtempSync(join(tmpdir(), 'goprep-bank-search-'));
  const { app, dbUrl } = await startBenchApp({ ATTEMPT_SWEEP_INTERVAL_MS: '0' }, dataDir);
  try {
    const http = await ApiSession.register(app.url, 'bank-search@bench.goprep.test', 'bench-Password-2026!');
    await http.ok('PATCH', '/api/me/settings', { contentLanguage: 'zh-CN' });
    return await withClient(dbUrl, async (c) => {
      const size = async () =>
        (
          await c.query<{ questions: number; translations: number }>(
            `SELECT (SELECT count(*)::int FROM questions WHERE organization_id IS NULL AND retired_at IS NULL) AS questions,
                    (SELECT count(*)::int FROM question_version_translations) AS translations`,
          )
        ).rows[0]!;
      // A running server's tables have been vacuumed and analysed by autovacuum; a cluster created a minute ago not yet.
      await c.query('VACUUM ANALYZE questions, question_versions, question_version_translations, topics');
      const shipped = await size();
      const rows = await measure(c, http, `shipped: ${shipped.questions} questions, ${shipped.translations} zh-CN`, samples, 'shipped');
      const t = performance.now();
      await enlarge(c, copies);
      const big = await size();
      console.log(`bank-search: enlarged the bank ${copies}x in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      rows.push(...(await measure(c, http, `${copies}x: ${big.questions} questions, ${big.translations} zh-CN`, samples, `x${copies}`)));
      console.log(table(rows as unknown as Array<Record<string, string | number>>));
      console.log('target: p99 <= 20 ms; plans in docs/performance/plans-bank-search/');
      return rows;
    });
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runBankSearch().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
