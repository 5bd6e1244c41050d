import fc from 'fast-check';
import { itemStatistics, MIN_ATTEMPTS_FOR_VERDICT, setStatistics, type ItemStatistics, type SetStatistics, type StatsAttempt, type StatsInput, type StatValue } from './statistics';

/*
 * Random small sets: 1-4 slots with points 1-3, slot 3 (when present) a random pool of two
 * questions; scores are whole or half points within [0, max], as the graders give them.
 */
const setArb: fc.Arbitrary<StatsInput> = fc
  .record({
    points: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
    attempts: fc.integer({ min: 0, max: 12 }),
    seed: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { minLength: 48, maxLength: 48 }),
  })
  .map(({ points, attempts, seed }) => {
    let cursor = 0;
    const next = (): [number, boolean] => seed[cursor++ % seed.length] ?? [0, false];
    const rows: StatsAttempt[] = Array.from({ length: attempts }, (_, a) => {
      const items = points.map((max, s) => {
        const [halves, alt] = next();
        const score = Math.min(max, halves / 2);
        return { slot: s + 1, questionKey: s === 2 ? (alt ? 'pool-a' : 'pool-b') : `q${s + 1}`, score, max };
      });
      const score = items.reduce((acc, i) => acc + i.score, 0);
      return { attemptId: `att-${a}`, score, maxScore: points.reduce((x, y) => x + y, 0), items };
    });
    return { attempts: rows };
  });

const values = (stats: ItemStatistics): StatValue[] => [stats.facility, stats.standardDeviation, stats.discriminationIndex, stats.discriminativeEfficiency];
const setValues = (s: SetStatistics): StatValue[] => [
  s.standardDeviation,
  s.standardDeviationPercent,
  s.skewness,
  s.kurtosis,
  s.cic,
  s.errorRatio,
  s.standardError,
  s.standardErrorPercent,
];

describe('statistics properties', () => {
  it('should never produce NaN or infinity, and give a reason exactly when there is no value', () => {
    fc.assert(
      fc.property(setArb, (input) => {
        const all = [...itemStatistics(input).flatMap(values), ...itemStatistics(input, { by: 'slot' }).flatMap(values), ...setValues(setStatistics(input))];
        for (const stat of all) {
          if (stat.value === null) expect(stat.reason).not.toBeNull();
          else {
            expect(Number.isFinite(stat.value)).toBe(true);
            expect(stat.reason).toBeNull();
          }
        }
      }),
    );
  });

  it('should keep every statistic within its bounds', () => {
    fc.assert(
      fc.property(setArb, (input) => {
        for (const item of itemStatistics(input)) {
          const { facility, standardDeviation, discriminationIndex, discriminativeEfficiency } = item;
          if (facility.value !== null) expect(facility.value).toBeGreaterThanOrEqual(0);
          if (facility.value !== null) expect(facility.value).toBeLessThanOrEqual(100);
          // With scores in [0, max] the n-1 standard deviation is at most max * sqrt(n / (4 (n-1))) <= 0.7072 max.
          if (standardDeviation.value !== null) expect(standardDeviation.value).toBeLessThanOrEqual(70.72);
          if (standardDeviation.value !== null) expect(standardDeviation.value).toBeGreaterThanOrEqual(0);
          if (discriminationIndex.value !== null) expect(Math.abs(discriminationIndex.value)).toBeLessThanOrEqual(100);
          if (discriminativeEfficiency.value !== null) expect(discriminativeEfficiency.value).toBeLessThanOrEqual(100);
          // Both are the same covariance over a positive denominator: they share a sign.
          if (discriminationIndex.value !== null && discriminativeEfficiency.value !== null && Math.abs(discriminationIndex.value) > 1e-9) {
            expect(Math.sign(discriminativeEfficiency.value)).toBe(Math.sign(discriminationIndex.value));
          }
          const enough = item.attempts >= MIN_ATTEMPTS_FOR_VERDICT;
          expect(item.needsChecking).toBe(enough && item.flags.length > 0);
          expect(item.verdict).toBe(!enough ? 'not-enough-attempts' : item.flags.length > 0 ? 'needs-checking' : 'ok');
        }
        const set = setStatistics(input);
        if (set.cic.value !== null) expect(set.cic.value).toBeLessThanOrEqual(100 + 1e-9);
        if (set.errorRatio.value !== null) expect(set.errorRatio.value).toBeGreaterThanOrEqual(0);
        if (set.standardError.value !== null && set.standardDeviation.value !== null) {
          // SE = ER/100 x SD and ER <= 100 exactly when CIC >= 0.
          if ((set.cic.value ?? -1) >= 0) expect(set.standardError.value).toBeLessThanOrEqual(set.standardDeviation.value + 1e-9);
        }
      }),
    );
  });

  it('should not depend on the order of the attempts', () => {
    fc.assert(
      fc.property(
        setArb.chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray([...input.attempts], { minLength: input.attempts.length, maxLength: input.attempts.length }))),
        ([input, shuffled]) => {
          expect(itemStatistics({ attempts: shuffled })).toEqual(itemStatistics(input));
          expect(itemStatistics({ attempts: shuffled }, { by: 'slot' })).toEqual(itemStatistics(input, { by: 'slot' }));
          expect(setStatistics({ attempts: shuffled })).toEqual(setStatistics(input));
        },
      ),
    );
  });

  it('should count every attempt that received an item, and only those', () => {
    fc.assert(
      fc.property(setArb, (input) => {
        for (const item of itemStatistics(input)) {
          const got = input.attempts.filter((a) => a.items.some((i) => i.questionKey === item.key)).length;
          expect(item.attempts).toBe(got);
        }
      }),
    );
  });

  it("should give the same facility and SD percent when an item's points and scores are scaled alike", () => {
    fc.assert(
      fc.property(setArb, fc.integer({ min: 2, max: 5 }), (input, factor) => {
        const scaled: StatsInput = {
          attempts: input.attempts.map((a) => {
            const items = a.items.map((i) => (i.slot === 1 ? { ...i, score: i.score * factor, max: i.max * factor } : i));
            return { ...a, items, score: items.reduce((acc, i) => acc + i.score, 0) };
          }),
        };
        const before = itemStatistics(input).find((s) => s.key === 'q1');
        const after = itemStatistics(scaled).find((s) => s.key === 'q1');
        if (!before || !after) return;
        expect(after.facility.value ?? -1).toBeCloseTo(before.facility.value ?? -1, 9);
        expect(after.standardDeviation.value ?? -1).toBeCloseTo(before.standardDeviation.value ?? -1, 9);
      }),
    );
  });
});
