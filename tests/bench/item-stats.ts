/**
 * `npm run bench -- item-stats` (issue 17): the read time of a set version's item statistics,
 * computed from every attempt (what a read cost before the running sums: the results module's rows
 * query plus @goprep/domain's computation) against read from the running sums (the four statements
 * of ResultsRepository.statisticsSums plus item-sums.ts), alternating in the same run so that the
 * ratio is measured under the same load. Also the one-off backfill of the seeded set's attempts
 * (migration 1764803000000's function), which is what every submit pays per attempt.
 *
 * Runs on the default-scale cluster (.data/bench, seeded on first use by `npm run bench`), whose
 * seeded set of 20 items has 10,000 attempts; checks both give the same figures before timing.
 */
import { loadavg } from 'node:os';
import type { Client } from 'pg';
import { itemStatistics, itemStatisticsFromSums, setStatistics, setStatisticsFromSums, type ItemSums, type StatsAttempt } from '@goprep/domain';
import { backfillItemStatistics } from '../../apps/api/src/database/migrations/1764803000000-IncrementalItemStatistics';
import { percentile } from '../support/percentile';
import { benchSetVersion } from './explain';
import { fmt, startBenchApp, table, withClient } from './lib/common';

const ROUNDS = Number(process.env['BENCH_ITEM_STATS_ROUNDS'] ?? 10);

/** SetStatisticsService.fromScratch's query (ResultsRepository.statisticsSource). */
const FROM_SCRATCH_ROWS = `SELECT a.id AS attempt_id, a.score AS total, a.max_score AS max_total, i.position, i.question_version_id AS version_id, an.score, i.points,
              EXISTS (SELECT 1 FROM answers p WHERE p.attempt_id = a.id AND p.status = 'pending') AS pending
         FROM attempts a JOIN attempt_items i ON i.attempt_id = a.id
         LEFT JOIN answers an ON an.attempt_id = i.attempt_id AND an.position = i.position
        WHERE a.set_version_id = $1 AND a.state = 'submitted' AND NOT a.beyond_allowance
        ORDER BY a.id, i.position`;

/** ResultsRepository.statisticsSums, statement by statement. */
const SUMS_CELLS = `SELECT question_version_id, slot, points::float8 AS points, n, sum_score::float8 AS sum_score, sum_rest::float8 AS sum_rest, sum_score_rest::float8 AS sum_score_rest
           FROM item_stat_cells WHERE set_version_id = $1 AND n > 0`;
const SUMS_VALUES = `SELECT question_version_id, slot, points::float8 AS points, kind, value::float8 AS value, count
           FROM item_stat_values WHERE set_version_id = $1 AND count > 0`;
const SUMS_TOTALS = `SELECT pending, total::float8 AS total, max_total::float8 AS max_total, count FROM set_version_stat_totals WHERE set_version_id = $1 AND count > 0`;
const SUMS_BREAKDOWN = `SELECT question_version_id, kind, key, count FROM item_stat_breakdown WHERE set_version_id = $1 AND count > 0`;

type ScratchRow = { attempt_id: string; total: string; max_total: string; position: number; version_id: string; score: string | null; points: string; pending: boolean };

async function fromScratch(c: Client, versionId: string): Promise<{ items: ReturnType<typeof itemStatistics>; set: ReturnType<typeof setStatistics>; rows: number }> {
  const rows = (await c.query<ScratchRow>(FROM_SCRATCH_ROWS, [versionId])).rows;
  const attempts = new Map<string, StatsAttempt & { items: StatsAttempt['items'][number][] }>();
  for (const r of rows) {
    if (r.pending) continue;
    const a = attempts.get(r.attempt_id) ?? { attemptId: r.attempt_id, score: Number(r.total), maxScore: Number(r.max_total), items: [] };
    a.items.push({ slot: r.position, questionKey: r.version_id, score: r.score === null ? 0 : Number(r.score), max: Number(r.points) });
    attempts.set(r.attempt_id, a);
  }
  const input = { attempts: [...attempts.values()] };
  return { items: itemStatistics(input), set: setStatistics(input), rows: rows.length };
}

async function fromSums(c: Client, versionId: string): Promise<{ items: ReturnType<typeof itemStatistics>; set: ReturnType<typeof setStatistics>; rows: number }> {
  // One after the other on this one client (the API sends them at once over its pool: this is the slower way).
  const [cells, values, totals, breakdown] = [
    await c.query(SUMS_CELLS, [versionId]),
    await c.query(SUMS_VALUES, [versionId]),
    await c.query(SUMS_TOTALS, [versionId]),
    await c.query(SUMS_BREAKDOWN, [versionId]),
  ];
  const sums: ItemSums = {
    cells: cells!.rows.map((r) => ({ questionKey: r.question_version_id, slot: r.slot, points: r.points, n: r.n, sumScore: r.sum_score, sumRest: r.sum_rest, sumScoreRest: r.sum_score_rest })),
    values: values!.rows.map((r) => ({ questionKey: r.question_version_id, slot: r.slot, points: r.points, kind: r.kind, value: r.value, count: r.count })),
    totals: totals!.rows.filter((r) => !r.pending).map((r) => ({ total: r.total, maxTotal: r.max_total, count: r.count })),
  };
  const rows = cells!.rows.length + values!.rows.length + totals!.rows.length + breakdown!.rows.length;
  return { items: itemStatisticsFromSums(sums), set: setStatisticsFromSums(sums), rows };
}

const time = async <T>(fn: () => Promise<T>): Promise<number> => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

export async function runItemStats(): Promise<{ before: number; after: number; ratio: number }> {
  const { app, dbUrl } = await startBenchApp({ ATTEMPT_SWEEP_INTERVAL_MS: '0' });
  try {
    return await withClient(dbUrl, async (c) => {
      const versionId = await benchSetVersion(c);
      // The seeded attempts are attached to the version after the migrations ran: add them to the sums as the
      // migration's backfill does (TRUNCATE, unlike DELETE, fires no per-row trigger, so a rerun starts clean).
      await c.query(`TRUNCATE attempt_stat_contributions`);
      const query = async (sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>> => (await c.query(sql, params)).rows as Array<Record<string, unknown>>;
      const backfillStarted = performance.now();
      await c.query('BEGIN');
      const added = await backfillItemStatistics(query);
      await c.query('COMMIT');
      const backfillMs = performance.now() - backfillStarted;
      await c.query('ANALYZE item_stat_cells, item_stat_values, item_stat_breakdown, set_version_stat_totals');

      const scratch = await fromScratch(c, versionId);
      const sums = await fromSums(c, versionId);
      const worst = Math.max(
        ...scratch.items.map((item, i) => Math.abs((item.discriminationIndex.value ?? 0) - (sums.items[i]?.discriminationIndex.value ?? NaN))),
        Math.abs((scratch.set.cic.value ?? 0) - (sums.set.cic.value ?? NaN)),
      );
      if (!(worst < 1e-6) || scratch.items.length !== sums.items.length) throw new Error(`the sums disagree with the direct computation (largest difference ${worst})`);

      const before: number[] = [];
      const after: number[] = [];
      const load = loadavg()[0] ?? 0;
      for (let round = 0; round < ROUNDS; round++) {
        before.push(await time(() => fromScratch(c, versionId)));
        after.push(await time(() => fromSums(c, versionId)));
      }
      before.sort((a, b) => a - b);
      after.sort((a, b) => a - b);
      const b50 = percentile(before, 50);
      const a50 = percentile(after, 50);
      console.log(
        `item statistics of one set version: ${scratch.set.attempts} attempts x ${scratch.items.length} items (${scratch.rows} rows read before, ${sums.rows} after); ` +
          `${ROUNDS} alternating rounds, load average ${load.toFixed(1)} -> ${(loadavg()[0] ?? 0).toFixed(1)}`,
      );
      console.log(
        table([
          { read: 'before: every attempt (rows query + JS)', p50: fmt.ms(b50), max: fmt.ms(before[before.length - 1] ?? 0) },
          { read: 'after: running sums (4 statements + JS)', p50: fmt.ms(a50), max: fmt.ms(after[after.length - 1] ?? 0) },
        ]),
      );
      // What a regrade writes: the attempt's contribution subtracted (the delete trigger) and added again, one transaction each.
      const sample = (await c.query<{ attempt_id: string; contribution: unknown }>(`SELECT attempt_id, contribution FROM attempt_stat_contributions WHERE set_version_id = $1 ORDER BY attempt_id LIMIT 100`, [versionId])).rows;
      const regrades: number[] = [];
      for (const row of sample) {
        regrades.push(
          await time(async () => {
            await c.query('BEGIN');
            await c.query(`SELECT item_stats_replace($1, $2, NULL)`, [row.attempt_id, versionId]);
            await c.query(`SELECT item_stats_replace($1, $2, $3::jsonb)`, [row.attempt_id, versionId, JSON.stringify(row.contribution)]);
            await c.query('COMMIT');
          }),
        );
      }
      regrades.sort((a, b) => a - b);
      const again = await fromSums(c, versionId);
      if (Math.abs((again.set.cic.value ?? 0) - (sums.set.cic.value ?? NaN)) > 1e-9) throw new Error('the sums changed after subtracting and adding the same attempts');
      console.log(`ratio before / after (p50): ${(b50 / a50).toFixed(1)}x`);
      console.log(
        `write side: a regrade (subtract + add, ${regrades.length} attempts) p50 ${fmt.ms(percentile(regrades, 50))}, p99 ${fmt.ms(percentile(regrades, 99))}; ` +
          `backfill of ${added} attempts ${fmt.ms(backfillMs)} (${fmt.ms(backfillMs / Math.max(1, added))} per attempt)`,
      );
      return { before: b50, after: a50, ratio: b50 / a50 };
    });
  } finally {
    await app.stop();
  }
}

if (require.main === module) {
  runItemStats().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
