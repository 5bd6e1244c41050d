import fc from 'fast-check';
import type { AnswerKey } from '../grading/answer-key';
import { breakdownCells, itemStatisticsFromSums, setStatisticsFromSums, sumsOf } from './item-sums';
import { itemStatistics, setStatistics, type ItemStatistics, type SetStatistics, type StatsAttempt, type StatValue } from './statistics';

/*
 * Random sets: 1-5 slots worth 1-3 points, slot 3 a pool of two questions, one question ('shared')
 * that appears in two slots at different points in some sets, scores in thirds and halves (the
 * partial credit of matching and ordering), attempts that may miss a slot.
 */
const attemptsArb: fc.Arbitrary<StatsAttempt[]> = fc
  .record({
    points: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 5 }),
    shared: fc.boolean(),
    rows: fc.array(
      fc.record({
        parts: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean(), fc.boolean()), { minLength: 5, maxLength: 5 }),
        missing: fc.integer({ min: -4, max: 4 }),
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ points, shared, rows }) =>
    rows.map((row, a) => {
      const items = points
        .map((max, s) => {
          const [steps, alt, thirds] = row.parts[s] ?? [0, false, false];
          const score = Math.min(max, thirds ? (steps * max) / 3 : steps / 2);
          const questionKey = s === 2 ? (alt ? 'pool-a' : 'pool-b') : shared && s === 4 ? 'q1' : `q${s + 1}`;
          return { slot: s + 1, questionKey, score, max };
        })
        .filter((item) => item.slot !== row.missing);
      return { attemptId: `att-${String(a).padStart(3, '0')}`, score: items.reduce((acc, i) => acc + i.score, 0), maxScore: points.reduce((x, y) => x + y, 0), items };
    }),
  );

function close(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else {
    expect(actual).not.toBeNull();
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  }
}
const closeStat = (actual: StatValue, expected: StatValue): void => {
  expect(actual.reason).toBe(expected.reason);
  close(actual.value, expected.value);
};

function sameItems(actual: ItemStatistics[], expected: ItemStatistics[]): void {
  expect(actual.map((i) => [i.key, i.slots, i.attempts, i.maxScore])).toEqual(expected.map((i) => [i.key, i.slots, i.attempts, i.maxScore]));
  actual.forEach((item, index) => {
    const want = expected[index] as ItemStatistics;
    close(item.meanScore, want.meanScore);
    closeStat(item.facility, want.facility);
    closeStat(item.standardDeviation, want.standardDeviation);
    closeStat(item.discriminationIndex, want.discriminationIndex);
    closeStat(item.discriminativeEfficiency, want.discriminativeEfficiency);
    expect([item.flags, item.verdict, item.needsChecking]).toEqual([want.flags, want.verdict, want.needsChecking]);
  });
}

function sameSet(actual: SetStatistics, expected: SetStatistics): void {
  expect([actual.attempts, actual.items]).toEqual([expected.attempts, expected.items]);
  close(actual.meanScore, expected.meanScore);
  close(actual.medianScore, expected.medianScore);
  close(actual.meanPercent, expected.meanPercent);
  for (const k of ['standardDeviation', 'standardDeviationPercent', 'skewness', 'kurtosis', 'cic', 'errorRatio', 'standardError', 'standardErrorPercent'] as const) {
    closeStat(actual[k], expected[k]);
  }
}

describe('item statistics from running sums', () => {
  it('should give the figures of the direct computation for any set of attempts', () => {
    fc.assert(
      fc.property(attemptsArb, (attempts) => {
        const sums = sumsOf(attempts);
        sameItems(itemStatisticsFromSums(sums), itemStatistics({ attempts }));
        sameSet(setStatisticsFromSums(sums), setStatistics({ attempts }));
      }),
      { numRuns: 300 },
    );
  });

  it('should give the same figures after an attempt is added and taken out again (a regrade)', () => {
    fc.assert(
      fc.property(attemptsArb, attemptsArb, (kept, removed) => {
        const all = [...kept, ...removed.map((a) => ({ ...a, attemptId: `x-${a.attemptId}` }))];
        const sums = sumsOf(all);
        const minus = sumsOf(removed);
        // Subtract the removed attempts' cells as the database does with a negative contribution.
        const less = {
          cells: sums.cells.map((c) => {
            const m = minus.cells.find((d) => d.questionKey === c.questionKey && d.slot === c.slot && d.points === c.points);
            return m ? { ...c, n: c.n - m.n, sumScore: c.sumScore - m.sumScore, sumRest: c.sumRest - m.sumRest, sumScoreRest: c.sumScoreRest - m.sumScoreRest } : c;
          }),
          values: sums.values.map((v) => {
            const m = minus.values.find((d) => d.questionKey === v.questionKey && d.slot === v.slot && d.points === v.points && d.kind === v.kind && d.value === v.value);
            return m ? { ...v, count: v.count - m.count } : v;
          }),
          totals: sums.totals.map((t) => {
            const m = minus.totals.find((d) => d.total === t.total && d.maxTotal === t.maxTotal);
            return m ? { ...t, count: t.count - m.count } : t;
          }),
        };
        sameItems(itemStatisticsFromSums(less), itemStatistics({ attempts: kept }));
        sameSet(setStatisticsFromSums(less), setStatistics({ attempts: kept }));
      }),
      { numRuns: 150 },
    );
  });

  it('should compute the discriminative efficiency from the sorted columns (a worked example)', () => {
    // Item scores 0, 1, 1 (mean 2/3) against rests 2, 0, 1 (mean 1): the co-sum is -1, sorted pairs (0,0),(1,1),(1,2) give +1.
    const attempts: StatsAttempt[] = [
      { attemptId: 'a', score: 2, maxScore: 3, items: [{ slot: 1, questionKey: 'q', score: 0, max: 1 }, { slot: 2, questionKey: 'r', score: 2, max: 2 }] },
      { attemptId: 'b', score: 1, maxScore: 3, items: [{ slot: 1, questionKey: 'q', score: 1, max: 1 }, { slot: 2, questionKey: 'r', score: 0, max: 2 }] },
      { attemptId: 'c', score: 2, maxScore: 3, items: [{ slot: 1, questionKey: 'q', score: 1, max: 1 }, { slot: 2, questionKey: 'r', score: 1, max: 2 }] },
    ];
    const [q] = itemStatisticsFromSums(sumsOf(attempts));
    expect(q?.key).toBe('q');
    expect(q?.discriminativeEfficiency.value).toBeCloseTo(-100, 9);
    expect(q?.discriminationIndex.value).toBeCloseTo((100 * -0.5) / Math.sqrt((1 / 3) * 1), 9);
  });
});

describe('breakdown cells', () => {
  it('should count each option chosen once', () => {
    const key: AnswerKey = { type: 'multi', correct: ['a', 'b'] };
    expect(breakdownCells(key, { type: 'multi', choices: ['b', 'c', 'b'] })).toEqual([
      { kind: 'option', key: 'b' },
      { kind: 'option', key: 'c' },
    ]);
    expect(breakdownCells({ type: 'single', correct: 'a' }, { type: 'single', choice: 'c' })).toEqual([{ kind: 'option', key: 'c' }]);
    expect(breakdownCells({ type: 'single', correct: 'a' }, null)).toEqual([]);
  });

  it('should count the pairs matched as the key pairs them', () => {
    const key: AnswerKey = { type: 'matching', pairs: [{ left: 'l1', right: 'r1' }, { left: 'l2', right: 'r2' }, { left: 'l3', right: 'r2' }] };
    expect(breakdownCells(key, { type: 'matching', pairs: { l1: 'r1', l2: 'r1', l3: 'r2', zz: 'r1' } })).toEqual([
      { kind: 'pair', key: 'l1' },
      { kind: 'pair', key: 'l3' },
    ]);
  });

  it('should mark the key positions whose items are in the longest ordered subset, and those placed exactly', () => {
    const key: AnswerKey = { type: 'ordering', order: ['a', 'b', 'c', 'd'] };
    // b, a, c, d: the longest ordered subset is b, c, d (leftmost on ties); only c and d sit at their own places.
    expect(breakdownCells(key, { type: 'ordering', order: ['b', 'a', 'c', 'd'] })).toEqual([
      { kind: 'in-order', key: '1' },
      { kind: 'in-order', key: '2' },
      { kind: 'exact', key: '2' },
      { kind: 'in-order', key: '3' },
      { kind: 'exact', key: '3' },
    ]);
    // Reversed: no two items in order, so nothing is credited; one item may still sit at its place by chance.
    expect(breakdownCells({ type: 'ordering', order: ['a', 'b', 'c'] }, { type: 'ordering', order: ['c', 'b', 'a'] })).toEqual([{ kind: 'exact', key: '1' }]);
  });
});
