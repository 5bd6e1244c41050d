import { IncrementalItemStatistics1764803000000, SetStatisticsService } from '@goprep/api/testing';
import type { AnswerKey } from '@goprep/domain';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { rightAnswer } from './support/answers';
import { expectSameFigures } from './support/figures';
import { answeredAttempt, autoGradedQuestions, bankQuestions, essayPosition, fixed, manager, publishedWithInvites, type BankQuestion } from './support/hiring';
import { createTestApp, type Browser, type TestApp } from './support/test-app';

/*
 * Item statistics are running sums updated in the grading transaction (migration 1764803000000).
 * The oracle is the direct computation over every attempt (SetStatisticsService.fromScratch, the
 * query and maths the endpoint used before): after any sequence of submissions, grades, regrades
 * and attempts beyond an invite's allowance, the endpoint must give the same figures.
 */
const ENV = { ATTEMPT_SWEEP_INTERVAL_MS: '0', PUBLIC_URL: 'http://goprep.test' };

interface Breakdown {
  id: string;
  count: number;
  exact: number | null;
  of: number;
}
interface ItemStats {
  key: string;
  type: string;
  attempts: number;
  facility: { value: number | null };
  discriminationIndex: { value: number | null };
  breakdown: Breakdown[];
}
interface Stats {
  excludedPending: number;
  set: { attempts: number; meanScore: number | null };
  items: ItemStats[];
}

/** A response per question type with a controllable share of right parts (matching pairs, ordering items). */
function partialAnswer(key: AnswerKey, pick: number[]): Record<string, unknown> {
  const bit = (i: number): boolean => ((pick[i % pick.length] ?? 0) & 1) === 1;
  switch (key.type) {
    case 'single':
      return bit(0) ? rightAnswer(key) : { choice: 'no-such-option' };
    case 'multi':
      return { choices: key.correct.filter((_, i) => bit(i)).concat(bit(5) ? [] : ['no-such-option']) };
    case 'matching':
      // Each left item paired right or with another pair's choice.
      return { pairs: Object.fromEntries(key.pairs.map((p, i) => [p.left, bit(i) ? p.right : (key.pairs[(i + 1) % key.pairs.length]?.right ?? 'x')])) };
    case 'ordering': {
      // A permutation of the key drawn from `pick` (a Lehmer code of pick >> 1: all 0 and 1 give the key's order).
      const left = [...key.order];
      return { order: key.order.map((_, i) => left.splice(((pick[i % pick.length] ?? 0) >> 1) % left.length, 1)[0]) };
    }
    case 'essay':
      return bit(0) ? rightAnswer(key) : { text: '' };
    default:
      return rightAnswer(key);
  }
}

type Op =
  | { kind: 'submit'; pick: number[] }
  | { kind: 'grade'; which: number; halves: number }
  | { kind: 'exclude'; which: number; halves: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('submit' as const), pick: fc.array(fc.nat(7), { minLength: 6, maxLength: 6 })}) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('grade' as const), which: fc.nat(50), halves: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('exclude' as const), which: fc.nat(50), halves: fc.integer({ min: 0, max: 4 }) }) },
);

describe('hiring: item statistics kept incrementally', () => {
  let t: TestApp;
  let m: Browser;
  let orgId: string;
  let questions: BankQuestion[];
  let service: SetStatisticsService;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp(ENV);
    ({ b: m, orgId } = await manager(t, 'stats@sums.example', 'Sums Inc'));
    questions = [...(await autoGradedQuestions(t)), ...(await bankQuestions(t, 'essay', 1))];
    service = t.app.get(SetStatisticsService);
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t?.close();
  });

  /** A published set of the five questions (points 1, 2, 3, 2, 2) with `n` one-attempt invites. */
  const freshSet = (title: string, n: number): Promise<{ setId: string; version: number; versionId: string; links: string[] }> => {
    const points = [1, 2, 3, 2, 2];
    return publishedWithInvites(t, m, orgId, { title, reviewPolicy: 'none', items: questions.map((q, i) => fixed(q, points[i])) }, n, 'sums.example');
  };

  /** A candidate takes the set with answers drawn from `pick`. */
  async function take(link: string, pick: number[]): Promise<string> {
    const { b, attemptId } = await answeredAttempt(t, link, (key) => partialAnswer(key, pick));
    expect((await b.post('/api/candidate/attempt/submit')).status).toBe(200);
    return attemptId;
  }

  async function check(set: { setId: string; version: number; versionId: string }): Promise<Stats> {
    const read = (await m.get(`/api/orgs/${orgId}/sets/${set.setId}/versions/${set.version}/statistics`).expect(200)).body as Stats;
    expectSameFigures(read, await service.fromScratch(db.manager, set.versionId, set.setId, set.version));
    return read;
  }

  it('should give the direct computation\'s figures through pending essays, grades and a regrade, with the matching and ordering breakdowns', async () => {
    const set = await freshSet('Sums walkthrough', 4);
    // All right (the essay waits for a person); then a partly right one.
    const first = await take(set.links[0]!, [1, 1, 1, 1, 1, 1]);
    const second = await take(set.links[1]!, [1, 0, 3, 2, 5, 0]);
    const pendingOnly = await check(set);
    expect(pendingOnly).toMatchObject({ excludedPending: 2, set: { attempts: 0 }, items: [] });

    // A grade of 0 leaves the attempt's score as it was, yet it brings the attempt into the figures.
    expect((await m.put(`/api/orgs/${orgId}/results/${second}/items/${await essayPosition(t, second)}/grade`, { score: 0 })).status).toBe(200);
    expect(await check(set)).toMatchObject({ excludedPending: 1, set: { attempts: 1 } });
    expect((await m.put(`/api/orgs/${orgId}/results/${first}/items/${await essayPosition(t, first)}/grade`, { score: 2 })).status).toBe(200);
    const graded = await check(set);
    expect(graded).toMatchObject({ excludedPending: 0, set: { attempts: 2 } });

    // The first candidate matched and ordered everything: every pair and position counts once for it.
    const matching = graded.items.find((i) => i.type === 'matching')!;
    const ordering = graded.items.find((i) => i.type === 'ordering')!;
    const matchingKey = questions[2]!.key as Extract<AnswerKey, { type: 'matching' }>;
    const orderingKey = questions[3]!.key as Extract<AnswerKey, { type: 'ordering' }>;
    expect(matching.breakdown.map((b) => b.id)).toEqual(matchingKey.pairs.map((p) => p.left));
    expect(ordering.breakdown.map((b) => b.id)).toEqual(orderingKey.order);
    expect(matching.breakdown.every((b) => b.of === 2 && b.count >= 1)).toBe(true);
    expect(ordering.breakdown.every((b) => b.of === 2 && b.count >= 1 && (b.exact ?? 0) >= 1)).toBe(true);
    // Facility from the fractional scores: one full and one partial matching answer lie strictly between 50 and 100 %.
    expect(matching.facility.value).toBeGreaterThan(50);
    expect(matching.facility.value).toBeLessThan(100);
    expect(ordering.breakdown.some((b) => b.count < 2 || (b.exact ?? 0) < 2)).toBe(true);

    // A regrade subtracts the old contribution and adds the new one.
    const before = await t.sql<{ n: number }>(`SELECT sum(n)::int AS n FROM item_stat_cells WHERE set_version_id = $1`, [set.versionId]);
    expect((await m.put(`/api/orgs/${orgId}/results/${first}/items/${await essayPosition(t, first)}/grade`, { score: 1 })).status).toBe(200);
    const regraded = await check(set);
    expect(regraded.set.meanScore).not.toBe(graded.set.meanScore);
    expect(await t.sql<{ n: number }>(`SELECT sum(n)::int AS n FROM item_stat_cells WHERE set_version_id = $1`, [set.versionId])).toEqual(before);

    // No read computes anything: the figures come from the sums even with every attempt row gone from view.
    await t.sql(`UPDATE attempts SET state = 'abandoned' WHERE set_version_id = $1`, [set.versionId]);
    const fromSums = (await m.get(`/api/orgs/${orgId}/sets/${set.setId}/versions/${set.version}/statistics`).expect(200)).body as Stats;
    expectSameFigures(fromSums, regraded);
    await t.sql(`UPDATE attempts SET state = 'submitted' WHERE set_version_id = $1`, [set.versionId]);
  });

  it('should equal the direct computation after any sequence of submissions, grades, regrades and excluded attempts, and the backfill should rebuild the same sums', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 9 }), async (ops) => {
        run += 1;
        const set = await freshSet(`Sums property ${run}`, ops.length);
        const attempts: string[] = [];
        for (const [i, op] of ops.entries()) {
          if (op.kind === 'submit') attempts.push(await take(set.links[i]!, op.pick));
          else if (attempts.length > 0) {
            const attemptId = attempts[op.which % attempts.length]!;
            // Marked beyond the allowance after the fact: its next grade takes it out of the figures.
            if (op.kind === 'exclude') await t.sql(`UPDATE attempts SET beyond_allowance = true WHERE id = $1`, [attemptId]);
            const res = await m.put(`/api/orgs/${orgId}/results/${attemptId}/items/${await essayPosition(t, attemptId)}/grade`, { score: op.halves / 2 });
            expect(res.status).toBe(200);
          }
          await check(set);
        }
        const counted = await t.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM attempts WHERE set_version_id = $1 AND state = 'submitted' AND NOT beyond_allowance`,
          [set.versionId],
        );
        const stats = await check(set);
        expect(stats.set.attempts + stats.excludedPending).toBe(counted[0]!.n);
      }),
      { numRuns: 4 },
    );

    // The migration's backfill, run again over everything the property left behind, rebuilds exactly the incremental sums.
    const snapshot = async (): Promise<unknown[]> => [
      await t.sql(`SELECT set_version_id, question_version_id, slot, points::text, n, sum_score::text, sum_rest::text, sum_score_rest::text FROM item_stat_cells ORDER BY 1, 2, 3, 4`),
      await t.sql(`SELECT set_version_id, question_version_id, slot, points::text, kind, value::text, count FROM item_stat_values ORDER BY 1, 2, 3, 4, 5, 6`),
      await t.sql(`SELECT set_version_id, question_version_id, kind, key, count FROM item_stat_breakdown ORDER BY 1, 2, 3, 4`),
      await t.sql(`SELECT set_version_id, pending, total::text, max_total::text, count FROM set_version_stat_totals ORDER BY 1, 2, 3, 4`),
    ];
    const incremental = await snapshot();
    expect((incremental[0] as unknown[]).length).toBeGreaterThan(0);
    const runner = db.createQueryRunner();
    try {
      const migration = new IncrementalItemStatistics1764803000000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    // numeric text may differ in trailing zeros only; compare as numbers through JSON of the parsed rows.
    const normalise = (rows: unknown[]): unknown =>
      JSON.parse(JSON.stringify(rows), (_k, v: unknown) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v));
    expect(normalise(await snapshot())).toEqual(normalise(incremental));
  });
});
