import type { MigrationInterface, QueryRunner } from 'typeorm';
import { statsContribution, type StatsAttemptRow, type StatsItemRow } from '../../modules/results/item-stats-contribution';

/**
 * Item statistics kept as running sums per set version (issue 17), updated in the transaction
 * that grades an attempt, so that no read computes them from the attempts (see libs/domain
 * hiring/item-sums.ts for what each table is for):
 *
 * - item_stat_cells: per (question version, slot, points) the count, the sums of item scores and
 *   of rest-of-test scores, and the sum of their products;
 * - item_stat_values: per cell, how many observations had each item score and each rest score;
 * - item_stat_breakdown: per question version, how often each option was chosen, each pair
 *   matched, each ordering position was in order or exact;
 * - set_version_stat_totals: how many counted attempts had each (total, max total), and (pending)
 *   how many submitted attempts wait for a grade;
 * - attempt_stat_contributions: what each attempt added, so that a regrade subtracts exactly
 *   that and adds the new one, and deleting an attempt (a cascade) takes it out again.
 *
 * item_stats_apply adds (sign 1) or subtracts (-1) one contribution, under a transaction-scoped
 * advisory lock per set version so concurrent submissions of one set never deadlock on its rows.
 * item_stats_replace swaps an attempt's stored contribution for a new one. All arithmetic is on
 * numeric, so sums are exact and a contribution subtracted leaves exactly zero.
 *
 * The backfill runs every counted attempt through the same function the API uses. The snapshot
 * table of 1764400000000 (set_version_statistics) is no longer read or written; it stays, empty of
 * use, because 1764500000000's repair (re-run by its test) updates it.
 */
export class IncrementalItemStatistics1764803000000 implements MigrationInterface {
  name = 'IncrementalItemStatistics1764803000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE item_stat_cells (
        set_version_id uuid NOT NULL REFERENCES question_set_versions(id) ON DELETE CASCADE,
        question_version_id uuid NOT NULL,
        slot integer NOT NULL,
        points numeric NOT NULL,
        n integer NOT NULL,
        sum_score numeric NOT NULL,
        sum_rest numeric NOT NULL,
        sum_score_rest numeric NOT NULL,
        PRIMARY KEY (set_version_id, question_version_id, slot, points)
      )`);
    await q.query(`
      CREATE TABLE item_stat_values (
        set_version_id uuid NOT NULL REFERENCES question_set_versions(id) ON DELETE CASCADE,
        question_version_id uuid NOT NULL,
        slot integer NOT NULL,
        points numeric NOT NULL,
        kind text NOT NULL CHECK (kind IN ('score', 'rest')),
        value numeric NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (set_version_id, question_version_id, slot, points, kind, value)
      )`);
    await q.query(`
      CREATE TABLE item_stat_breakdown (
        set_version_id uuid NOT NULL REFERENCES question_set_versions(id) ON DELETE CASCADE,
        question_version_id uuid NOT NULL,
        kind text NOT NULL,
        key text NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (set_version_id, question_version_id, kind, key)
      )`);
    await q.query(`
      CREATE TABLE set_version_stat_totals (
        set_version_id uuid NOT NULL REFERENCES question_set_versions(id) ON DELETE CASCADE,
        pending boolean NOT NULL,
        total numeric NOT NULL,
        max_total numeric NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (set_version_id, pending, total, max_total)
      )`);
    await q.query(`
      CREATE TABLE attempt_stat_contributions (
        attempt_id uuid PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
        set_version_id uuid NOT NULL,
        contribution jsonb NOT NULL
      )`);
    // One contribution's items with each one's rest-of-test score (the attempt's item total minus the item).
    await q.query(`
      CREATE FUNCTION item_stats_rows(c jsonb) RETURNS TABLE (q uuid, slot integer, points numeric, score numeric, rest numeric) LANGUAGE sql IMMUTABLE AS $$
        SELECT x.q, x.slot, x.points, x.score, sum(x.score) OVER () - x.score
          FROM jsonb_to_recordset(coalesce(c->'items', '[]'::jsonb)) AS x(q uuid, slot integer, points numeric, score numeric)
      $$`);
    await q.query(`
      CREATE FUNCTION item_stats_apply(sv uuid, c jsonb, sgn integer) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        is_pending boolean;
      BEGIN
        IF c IS NULL OR jsonb_typeof(c) <> 'object' THEN
          RETURN;
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('item-stats:' || sv::text, 0));
        is_pending := coalesce((c->>'pending')::boolean, false);
        INSERT INTO set_version_stat_totals AS t (set_version_id, pending, total, max_total, count)
        VALUES (sv, is_pending, CASE WHEN is_pending THEN 0 ELSE (c->>'total')::numeric END, CASE WHEN is_pending THEN 0 ELSE (c->>'max')::numeric END, sgn)
        ON CONFLICT (set_version_id, pending, total, max_total) DO UPDATE SET count = t.count + EXCLUDED.count;
        DELETE FROM set_version_stat_totals WHERE set_version_id = sv AND count = 0;
        IF is_pending THEN
          RETURN;
        END IF;
        INSERT INTO item_stat_cells AS s (set_version_id, question_version_id, slot, points, n, sum_score, sum_rest, sum_score_rest)
        SELECT sv, q, slot, points, sgn * count(*), sgn * sum(score), sgn * sum(rest), sgn * sum(score * rest)
          FROM item_stats_rows(c) GROUP BY q, slot, points
        ON CONFLICT (set_version_id, question_version_id, slot, points) DO UPDATE
          SET n = s.n + EXCLUDED.n, sum_score = s.sum_score + EXCLUDED.sum_score, sum_rest = s.sum_rest + EXCLUDED.sum_rest,
              sum_score_rest = s.sum_score_rest + EXCLUDED.sum_score_rest;
        INSERT INTO item_stat_values AS v (set_version_id, question_version_id, slot, points, kind, value, count)
        SELECT sv, q, slot, points, kind, value, sgn * count(*)
          FROM item_stats_rows(c) r CROSS JOIN LATERAL (VALUES ('score', r.score), ('rest', r.rest)) AS o(kind, value)
         GROUP BY q, slot, points, kind, value
        ON CONFLICT (set_version_id, question_version_id, slot, points, kind, value) DO UPDATE SET count = v.count + EXCLUDED.count;
        INSERT INTO item_stat_breakdown AS b (set_version_id, question_version_id, kind, key, count)
        SELECT sv, x.q, x.kind, x.key, sgn * count(*)
          FROM jsonb_to_recordset(coalesce(c->'breakdown', '[]'::jsonb)) AS x(q uuid, kind text, key text)
         GROUP BY x.q, x.kind, x.key
        ON CONFLICT (set_version_id, question_version_id, kind, key) DO UPDATE SET count = b.count + EXCLUDED.count;
        IF sgn < 0 THEN
          DELETE FROM item_stat_cells WHERE set_version_id = sv AND n = 0;
          DELETE FROM item_stat_values WHERE set_version_id = sv AND count = 0;
          DELETE FROM item_stat_breakdown WHERE set_version_id = sv AND count = 0;
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION item_stats_replace(a uuid, sv uuid, c jsonb) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        prev jsonb;
      BEGIN
        SELECT contribution INTO prev FROM attempt_stat_contributions WHERE attempt_id = a;
        IF prev IS NOT DISTINCT FROM c THEN
          RETURN;
        END IF;
        IF c IS NULL THEN
          -- The delete trigger subtracts the old contribution.
          DELETE FROM attempt_stat_contributions WHERE attempt_id = a;
          RETURN;
        END IF;
        IF prev IS NOT NULL THEN
          PERFORM item_stats_apply(sv, prev, -1);
        END IF;
        PERFORM item_stats_apply(sv, c, 1);
        INSERT INTO attempt_stat_contributions (attempt_id, set_version_id, contribution) VALUES (a, sv, c)
        ON CONFLICT (attempt_id) DO UPDATE SET contribution = EXCLUDED.contribution;
      END $$`);
    // The sums of some set versions recomputed from their stored contributions in a few set-based
    // statements: the backfill's way (adding 10,000 attempts one by one in one transaction would
    // update each sum row 10,000 times, and Postgres walks every dead version of a row it updates
    // again in the same transaction).
    await q.query(`
      CREATE FUNCTION item_stats_rebuild(svs uuid[]) RETURNS void LANGUAGE sql AS $$
        DELETE FROM item_stat_cells WHERE set_version_id = ANY(svs);
        DELETE FROM item_stat_values WHERE set_version_id = ANY(svs);
        DELETE FROM item_stat_breakdown WHERE set_version_id = ANY(svs);
        DELETE FROM set_version_stat_totals WHERE set_version_id = ANY(svs);
        INSERT INTO set_version_stat_totals (set_version_id, pending, total, max_total, count)
        SELECT set_version_id, p, CASE WHEN p THEN 0 ELSE (contribution->>'total')::numeric END, CASE WHEN p THEN 0 ELSE (contribution->>'max')::numeric END, count(*)
          FROM attempt_stat_contributions, LATERAL (SELECT coalesce((contribution->>'pending')::boolean, false) AS p) AS x
         WHERE set_version_id = ANY(svs) GROUP BY 1, 2, 3, 4;
        INSERT INTO item_stat_cells (set_version_id, question_version_id, slot, points, n, sum_score, sum_rest, sum_score_rest)
        SELECT c.set_version_id, r.q, r.slot, r.points, count(*), sum(r.score), sum(r.rest), sum(r.score * r.rest)
          FROM attempt_stat_contributions c CROSS JOIN LATERAL item_stats_rows(c.contribution) r
         WHERE c.set_version_id = ANY(svs) GROUP BY 1, 2, 3, 4;
        INSERT INTO item_stat_values (set_version_id, question_version_id, slot, points, kind, value, count)
        SELECT c.set_version_id, r.q, r.slot, r.points, o.kind, o.value, count(*)
          FROM attempt_stat_contributions c CROSS JOIN LATERAL item_stats_rows(c.contribution) r
          CROSS JOIN LATERAL (VALUES ('score', r.score), ('rest', r.rest)) AS o(kind, value)
         WHERE c.set_version_id = ANY(svs) GROUP BY 1, 2, 3, 4, 5, 6;
        INSERT INTO item_stat_breakdown (set_version_id, question_version_id, kind, key, count)
        SELECT c.set_version_id, x.q, x.kind, x.key, count(*)
          FROM attempt_stat_contributions c CROSS JOIN LATERAL jsonb_to_recordset(coalesce(c.contribution->'breakdown', '[]'::jsonb)) AS x(q uuid, kind text, key text)
         WHERE c.set_version_id = ANY(svs) GROUP BY 1, 2, 3, 4;
      $$`);
    await q.query(`
      CREATE FUNCTION attempt_stat_contribution_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM question_set_versions WHERE id = OLD.set_version_id) THEN
          PERFORM item_stats_apply(OLD.set_version_id, OLD.contribution, -1);
        END IF;
        RETURN OLD;
      END $$`);
    await q.query(
      `CREATE TRIGGER attempt_stat_contribution_deleted AFTER DELETE ON attempt_stat_contributions FOR EACH ROW EXECUTE FUNCTION attempt_stat_contribution_deleted()`,
    );

    await backfillItemStatistics((sql, params) => q.query(sql, params) as Promise<Array<Record<string, unknown>>>);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS attempt_stat_contribution_deleted ON attempt_stat_contributions`);
    await q.query(`DROP FUNCTION IF EXISTS attempt_stat_contribution_deleted()`);
    await q.query(`DROP FUNCTION IF EXISTS item_stats_replace(uuid, uuid, jsonb)`);
    await q.query(`DROP FUNCTION IF EXISTS item_stats_apply(uuid, jsonb, integer)`);
    await q.query(`DROP FUNCTION IF EXISTS item_stats_rebuild(uuid[])`);
    await q.query(`DROP FUNCTION IF EXISTS item_stats_rows(jsonb)`);
    for (const table of ['attempt_stat_contributions', 'set_version_stat_totals', 'item_stat_breakdown', 'item_stat_values', 'item_stat_cells']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}

/** Runs one statement and answers its rows (a QueryRunner's query, or a pg client's). */
export type RowsQuery = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/**
 * Stores the contribution of every counted attempt (submitted, of a set version, not beyond its
 * invite's allowance) that has none yet, 500 at a time, then recomputes the sums of the set versions
 * it touched from all their contributions (item_stats_rebuild). Answers how many attempts it added.
 * Exported for the bench, which attaches its seeded attempts to a set version after migrating.
 */
export async function backfillItemStatistics(query: RowsQuery): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let total = 0;
  const versions = new Set<string>();
  for (;;) {
    const attempts = (await query(
      `SELECT a.id, a.set_version_id, a.state, a.beyond_allowance, a.score::text AS score, a.max_score::text AS max_score FROM attempts a
        WHERE a.set_version_id IS NOT NULL AND a.state = 'submitted' AND NOT a.beyond_allowance AND a.id > $1
          AND NOT EXISTS (SELECT 1 FROM attempt_stat_contributions s WHERE s.attempt_id = a.id)
        ORDER BY a.id LIMIT 500`,
      [after],
    )) as unknown as Array<StatsAttemptRow & { id: string; set_version_id: string }>;
    if (attempts.length === 0) break;
    const items = (await query(
      `SELECT i.attempt_id, i.position, i.question_version_id, i.points::text AS points, an.score::text AS score, an.status, v.answer_key, an.response
         FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id
         LEFT JOIN answers an ON an.attempt_id = i.attempt_id AND an.position = i.position
        WHERE i.attempt_id = ANY($1::uuid[]) ORDER BY i.attempt_id, i.position`,
      [attempts.map((a) => a.id)],
    )) as unknown as Array<StatsItemRow & { attempt_id: string }>;
    const byAttempt = new Map<string, StatsItemRow[]>();
    for (const item of items) byAttempt.set(item.attempt_id, [...(byAttempt.get(item.attempt_id) ?? []), item]);
    await query(
      `INSERT INTO attempt_stat_contributions (attempt_id, set_version_id, contribution)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[]) ON CONFLICT (attempt_id) DO NOTHING`,
      [attempts.map((a) => a.id), attempts.map((a) => a.set_version_id), attempts.map((a) => JSON.stringify(statsContribution(a, byAttempt.get(a.id) ?? [])))],
    );
    for (const a of attempts) versions.add(a.set_version_id);
    total += attempts.length;
    after = attempts[attempts.length - 1]?.id ?? after;
  }
  if (versions.size > 0) await query(`SELECT item_stats_rebuild($1::uuid[])`, [[...versions]]);
  return total;
}
