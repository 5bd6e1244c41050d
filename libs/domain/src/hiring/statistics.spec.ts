import { itemStatistics, MIN_ATTEMPTS_FOR_VERDICT, setStatistics, type StatsAttempt, type StatsInput, type StatValue } from './statistics';

/** One attempt from per-slot scores; the total is the sum (as a graded attempt's is). */
function attempt(attemptId: string, items: readonly { slot: number; q: string; score: number; max: number }[]): StatsAttempt {
  return {
    attemptId,
    score: items.reduce((acc, i) => acc + i.score, 0),
    maxScore: items.reduce((acc, i) => acc + i.max, 0),
    items: items.map((i) => ({ slot: i.slot, questionKey: i.q, score: i.score, max: i.max })),
  };
}

/** Three fixed items: q1 (1 point), q2 (2 points), q3 (1 point). */
const fixed = (id: string, q1: number, q2: number, q3: number): StatsAttempt =>
  attempt(id, [
    { slot: 1, q: 'q1', score: q1, max: 1 },
    { slot: 2, q: 'q2', score: q2, max: 2 },
    { slot: 3, q: 'q3', score: q3, max: 1 },
  ]);

/*
 * Example 1, five attempts, all computed by hand below.
 *
 *   attempt  q1  q2  q3   T
 *   A         1   2   1   4
 *   B         1   1   0   2
 *   C         0   2   1   3
 *   D         1   0   0   1
 *   E         0   0   1   1
 */
const example1: StatsInput = {
  attempts: [fixed('A', 1, 2, 1), fixed('B', 1, 1, 0), fixed('C', 0, 2, 1), fixed('D', 1, 0, 0), fixed('E', 0, 0, 1)],
};

const value = (stat: StatValue): number => {
  if (stat.value === null) throw new Error(`expected a value, got null (${stat.reason})`);
  return stat.value;
};

describe('itemStatistics: a hand-computed example of five attempts', () => {
  const byKey = Object.fromEntries(itemStatistics(example1).map((s) => [s.key, s]));

  it('should give the facility as 100 x mean / max', () => {
    // q1: (1+1+0+1+0)/5 = 0.6 of 1 -> 60; q2: (2+1+2+0+0)/5 = 1 of 2 -> 50; q3: 3/5 -> 60.
    expect(value(byKey.q1!.facility)).toBeCloseTo(60, 10);
    expect(value(byKey.q2!.facility)).toBeCloseTo(50, 10);
    expect(value(byKey.q3!.facility)).toBeCloseTo(60, 10);
    expect(byKey.q2!.meanScore).toBeCloseTo(1, 10);
    expect(byKey.q2!.maxScore).toBe(2);
    expect(byKey.q1!.attempts).toBe(5);
  });

  it('should give the standard deviation with n-1, as a percent of the max', () => {
    // q1: deviations from 0.6 are .4 .4 -.6 .4 -.6; squares .16 x3 + .36 x2 = 1.2; /4 = 0.3;
    //     sqrt(0.3) = 0.547723 of 1 point -> 54.7723 %.
    // q2: deviations from 1 are 1 0 1 -1 -1; squares sum 4; /4 = 1; sqrt 1 = 1 of 2 points -> 50 %.
    expect(value(byKey.q1!.standardDeviation)).toBeCloseTo(54.7723, 3);
    expect(value(byKey.q2!.standardDeviation)).toBeCloseTo(50, 10);
    expect(value(byKey.q3!.standardDeviation)).toBeCloseTo(54.7723, 3);
  });

  it('should correlate each item with the rest of the test (total minus the item)', () => {
    // q1: x = 1 1 0 1 0 (mean .6), rest = T - x = 3 1 3 0 1 (mean 1.6).
    //   rest deviations 1.4 -.6 1.4 -1.6 -.6; squares 1.96+.36+1.96+2.56+.36 = 7.2; V(rest) = 7.2/4 = 1.8.
    //   cross products .4*1.4 + .4*-.6 + -.6*1.4 + .4*-1.6 + -.6*-.6 = .56-.24-.84-.64+.36 = -.8; cov = -.8/4 = -.2.
    //   DI = 100 * -.2 / sqrt(.3 * 1.8) = -20 / sqrt(.54) = -20 / .734847 = -27.2166.
    expect(value(byKey.q1!.discriminationIndex)).toBeCloseTo(-27.2166, 3);
    // q2: x = 2 1 2 0 0 (mean 1), rest = 2 1 1 1 1 (mean 1.2); rest deviations .8 -.2 -.2 -.2 -.2,
    //   squares .64 + 4*.04 = .8, V = .2; cross products 1*.8 + 0 + 1*-.2 + -1*-.2 + -1*-.2 = 1.0, cov = .25.
    //   DI = 100 * .25 / sqrt(1 * .2) = 25 / .447214 = 55.9017.
    expect(value(byKey.q2!.discriminationIndex)).toBeCloseTo(55.9017, 3);
    // q3: x = 1 0 1 0 1 (mean .6), rest = 3 2 2 1 0 (mean 1.6); rest deviations 1.4 .4 .4 -.6 -1.6,
    //   squares 1.96+.16+.16+.36+2.56 = 5.2, V = 1.3; cross .56-.24+.16+.36-.64 = .2, cov = .05.
    //   DI = 100 * .05 / sqrt(.3 * 1.3) = 5 / sqrt(.39) = 5 / .624500 = 8.0064.
    expect(value(byKey.q3!.discriminationIndex)).toBeCloseTo(8.0064, 3);
  });

  it('should divide the covariance by the largest one the sorted columns allow', () => {
    // q1: sorted x 0 0 1 1 1 (devs -.6 -.6 .4 .4 .4), sorted rest 0 1 1 3 3 (devs -1.6 -.6 -.6 1.4 1.4):
    //   .96 + .36 - .24 + .56 + .56 = 2.2, covMax = .55; DE = 100 * -.2 / .55 = -36.3636.
    expect(value(byKey.q1!.discriminativeEfficiency)).toBeCloseTo(-36.3636, 3);
    // q2: sorted x 0 0 1 2 2 (devs -1 -1 0 1 1), sorted rest 1 1 1 1 2 (devs -.2 -.2 -.2 -.2 .8):
    //   .2 + .2 + 0 - .2 + .8 = 1.0, covMax = .25 = cov, so DE = 100.
    expect(value(byKey.q2!.discriminativeEfficiency)).toBeCloseTo(100, 10);
    // q3: sorted x devs -.6 -.6 .4 .4 .4, sorted rest 0 1 2 2 3 (devs -1.6 -.6 .4 .4 1.4):
    //   .96 + .36 + .16 + .16 + .56 = 2.2, covMax = .55; DE = 100 * .05 / .55 = 9.0909.
    expect(value(byKey.q3!.discriminativeEfficiency)).toBeCloseTo(9.0909, 3);
  });

  it('should flag the negatively discriminating item and only it, but judge nothing on five attempts', () => {
    expect(byKey.q1!.flags).toEqual(['negative-discrimination']);
    expect(byKey.q2!.flags).toEqual([]);
    for (const item of Object.values(byKey)) {
      expect(item!.needsChecking).toBe(false);
      expect(item!.verdict).toBe('not-enough-attempts');
    }
  });

  it('should say the negatively discriminating item needs checking once the same pattern has ten attempts', () => {
    // Example 1 twice over: the same facilities and the same sign of discrimination, on ten attempts.
    const doubled = { attempts: [...example1.attempts, ...example1.attempts.map((a) => ({ ...a, attemptId: `${a.attemptId}2` }))] };
    const items = Object.fromEntries(itemStatistics(doubled).map((s) => [s.key, s]));
    expect(items.q1!.attempts).toBe(MIN_ATTEMPTS_FOR_VERDICT);
    expect(items.q1).toMatchObject({ flags: ['negative-discrimination'], needsChecking: true, verdict: 'needs-checking' });
    expect(items.q2).toMatchObject({ flags: [], needsChecking: false, verdict: 'ok' });
  });

  it('should list the items in slot order with their slots', () => {
    expect(itemStatistics(example1).map((s) => [s.key, s.slots])).toEqual([
      ['q1', [1]],
      ['q2', [2]],
      ['q3', [3]],
    ]);
  });

  it('should give the same numbers grouped by slot when every slot holds one question', () => {
    const bySlot = itemStatistics(example1, { by: 'slot' });
    expect(bySlot.map((s) => s.key)).toEqual(['1', '2', '3']);
    expect(value(bySlot[0]!.discriminationIndex)).toBeCloseTo(-27.2166, 3);
  });
});

describe('setStatistics: the same five attempts', () => {
  const stats = setStatistics(example1);

  it('should give the mean, median and mean percent of the totals', () => {
    // T = 4 2 3 1 1: mean 11/5 = 2.2; sorted 1 1 2 3 4 -> median 2; 2.2 of 4 -> 55 %.
    expect(stats.attempts).toBe(5);
    expect(stats.items).toBe(3);
    expect(stats.meanScore).toBeCloseTo(2.2, 10);
    expect(stats.medianScore).toBe(2);
    expect(stats.meanPercent).toBeCloseTo(55, 10);
  });

  it('should give the standard deviation of the totals with n-1', () => {
    // deviations from 2.2: 1.8 -.2 .8 -1.2 -1.2; squares 3.24+.04+.64+1.44+1.44 = 6.8; V = 6.8/4 = 1.7;
    // SD = sqrt(1.7) = 1.303840; of 4 points -> 32.5960 %.
    expect(value(stats.standardDeviation)).toBeCloseTo(1.30384, 4);
    expect(value(stats.standardDeviationPercent)).toBeCloseTo(32.596, 3);
  });

  it('should give the coefficient of internal consistency, error ratio and standard error', () => {
    // item variances (above): .3 + 1 + .3 = 1.6; k = 3.
    // CIC = 100 * 3/2 * (1 - 1.6/1.7) = 150 * .1/1.7 = 8.8235.
    // ER = 100 * sqrt(1 - .088235) = 100 * sqrt(.911765) = 95.4864.
    // SE = 95.4864/100 * 1.303840 = 1.244990 marks; of 4 -> 31.1247 %.
    expect(value(stats.cic)).toBeCloseTo(8.8235, 3);
    expect(value(stats.errorRatio)).toBeCloseTo(95.4864, 3);
    expect(value(stats.standardError)).toBeCloseTo(1.24499, 4);
    expect(value(stats.standardErrorPercent)).toBeCloseTo(31.1247, 3);
  });

  it("should give Moodle's skewness and kurtosis", () => {
    // Sum of cubed deviations: 5.832 - .008 + .512 - 1.728 - 1.728 = 2.88, m3 = .576;
    // k3 = 25 * .576 / (4 * 3) = 1.2; k2 = 1.7; skewness = 1.2 / 1.7^1.5 = 1.2 / 2.216529 = .54139.
    expect(value(stats.skewness)).toBeCloseTo(0.54139, 4);
    // Fourth powers: 10.4976 + .0016 + .4096 + 2.0736 + 2.0736 = 15.056, m4 = 3.0112, m2 = 6.8/5 = 1.36;
    // k4 = 25 * (6 * 3.0112 - 3 * 4 * 1.36^2) / (4 * 3 * 2) = 25 * (18.0672 - 22.1952) / 24 = -4.3;
    // kurtosis = -4.3 / 1.7^2 = -4.3 / 2.89 = -1.48789.
    expect(value(stats.kurtosis)).toBeCloseTo(-1.48789, 4);
  });
});

/*
 * Example 2, a random pool: slot 1 is the fixed q1, slot 2 draws p1 or p2 (1 point each).
 *
 *   attempt  slot1 q1  slot2     T
 *   A        1         p1 = 1    2
 *   B        1         p2 = 0    1
 *   C        0         p1 = 0    0
 *   D        0         p2 = 1    1
 */
const pooled: StatsInput = {
  attempts: [
    attempt('A', [{ slot: 1, q: 'q1', score: 1, max: 1 }, { slot: 2, q: 'p1', score: 1, max: 1 }]),
    attempt('B', [{ slot: 1, q: 'q1', score: 1, max: 1 }, { slot: 2, q: 'p2', score: 0, max: 1 }]),
    attempt('C', [{ slot: 1, q: 'q1', score: 0, max: 1 }, { slot: 2, q: 'p1', score: 0, max: 1 }]),
    attempt('D', [{ slot: 1, q: 'q1', score: 0, max: 1 }, { slot: 2, q: 'p2', score: 1, max: 1 }]),
  ],
};

describe('itemStatistics: questions drawn from a random pool', () => {
  const byKey = Object.fromEntries(itemStatistics(pooled).map((s) => [s.key, s]));

  it('should compute a pooled question only over the attempts that drew it', () => {
    // p1 over A and C: x = 1 0, rest (q1) = 1 0. Facility 50. V(x) = (.25+.25)/1 = .5, V(rest) = .5,
    // cov = (.5*.5 + -.5*-.5)/1 = .5 -> DI = 100 * .5 / sqrt(.5*.5) = 100; sorted pairing is the same -> DE = 100.
    expect(byKey.p1!.attempts).toBe(2);
    expect(value(byKey.p1!.facility)).toBeCloseTo(50, 10);
    expect(value(byKey.p1!.discriminationIndex)).toBeCloseTo(100, 10);
    expect(value(byKey.p1!.discriminativeEfficiency)).toBeCloseTo(100, 10);
    // p2 over B and D: x = 0 1, rest = 1 0. cov = (-.5*.5 + .5*-.5)/1 = -.5 -> DI = -100;
    // covMax pairs sorted 0 1 with sorted 0 1: .5 -> DE = -100.
    expect(byKey.p2!.attempts).toBe(2);
    expect(value(byKey.p2!.discriminationIndex)).toBeCloseTo(-100, 10);
    expect(value(byKey.p2!.discriminativeEfficiency)).toBeCloseTo(-100, 10);
    expect(byKey.p2!.flags).toEqual(['negative-discrimination']);
    expect(byKey.p1!.slots).toEqual([2]);
  });

  it('should use every attempt for the fixed question', () => {
    // q1: x = 1 1 0 0 (devs .5 .5 -.5 -.5), rest = 1 0 0 1 (devs .5 -.5 -.5 .5):
    // cross .25 - .25 + .25 - .25 = 0 -> DI 0, not negative, not flagged.
    expect(byKey.q1!.attempts).toBe(4);
    expect(value(byKey.q1!.discriminationIndex)).toBeCloseTo(0, 10);
    expect(byKey.q1!.needsChecking).toBe(false);
  });

  it('should pool the draws of a slot together when grouped by slot', () => {
    // slot 2: x = 1 0 0 1 over all four, rest = q1 = 1 1 0 0: cross .25 - .25 + .25 - .25 = 0.
    const slot2 = itemStatistics(pooled, { by: 'slot' }).find((s) => s.key === '2')!;
    expect(slot2.attempts).toBe(4);
    expect(value(slot2.discriminationIndex)).toBeCloseTo(0, 10);
  });

  it('should take the slots as the items of the internal consistency', () => {
    // T = 2 1 0 1 (mean 1): V(T) = (1+0+1+0)/3 = 2/3. V(slot 1) = V(1 1 0 0) = 1/3, V(slot 2) = V(1 0 0 1) = 1/3.
    // CIC = 100 * 2/1 * (1 - (2/3)/(2/3)) = 0; ER = 100 * sqrt(1) = 100; SE = SD = sqrt(2/3) = .816497.
    const stats = setStatistics(pooled);
    expect(stats.items).toBe(2);
    expect(value(stats.cic)).toBeCloseTo(0, 10);
    expect(value(stats.errorRatio)).toBeCloseTo(100, 10);
    expect(value(stats.standardError)).toBeCloseTo(0.816497, 5);
  });
});

describe('itemStatistics: facility flags', () => {
  // Ten attempts at one item of 1 point with k correct and a second item that keeps the rest varied.
  const withCorrect = (k: number): StatsInput => ({
    attempts: Array.from({ length: 10 }, (_, i) =>
      attempt(`a${i}`, [
        { slot: 1, q: 'x', score: i < k ? 1 : 0, max: 1 },
        { slot: 2, q: 'y', score: i % 2, max: 1 },
      ]),
    ),
  });
  const flagsOf = (k: number): string[] => itemStatistics(withCorrect(k)).find((s) => s.key === 'x')!.flags.filter((f) => f !== 'negative-discrimination');

  it('should not call an item answered wrongly once, or by nine candidates, one that needs checking', () => {
    const once = itemStatistics({ attempts: [attempt('only', [{ slot: 1, q: 'x', score: 0, max: 1 }])] })[0]!;
    expect(once).toMatchObject({ attempts: 1, flags: ['facility-low'], needsChecking: false, verdict: 'not-enough-attempts' });
    expect(once.facility.value).toBe(0);
    const nine = itemStatistics({ attempts: Array.from({ length: 9 }, (_, i) => attempt(`a${i}`, [{ slot: 1, q: 'x', score: 0, max: 1 }])) })[0]!;
    expect(nine).toMatchObject({ needsChecking: false, verdict: 'not-enough-attempts' });
    const ten = itemStatistics({ attempts: Array.from({ length: 10 }, (_, i) => attempt(`a${i}`, [{ slot: 1, q: 'x', score: 0, max: 1 }])) })[0]!;
    expect(ten).toMatchObject({ needsChecking: true, verdict: 'needs-checking' });
  });

  it('should flag a facility below 35 % as low', () => {
    // 3 of 10 -> 30 %.
    expect(flagsOf(3)).toEqual(['facility-low']);
  });

  it('should flag a facility above 65 % as high', () => {
    // 7 of 10 -> 70 %.
    expect(flagsOf(7)).toEqual(['facility-high']);
  });

  it('should not flag a facility of 40-60 %', () => {
    expect(flagsOf(4)).toEqual([]);
    expect(flagsOf(6)).toEqual([]);
  });

  it('should not flag exactly 35 % or 65 %', () => {
    // 7 of 20 = 35 % and 13 of 20 = 65 %: the band is inclusive.
    const at = (k: number): string[] =>
      itemStatistics({ attempts: Array.from({ length: 20 }, (_, i) => attempt(`a${i}`, [{ slot: 1, q: 'x', score: i < k ? 1 : 0, max: 1 }])) })[0]!.flags;
    expect(at(7)).toEqual([]);
    expect(at(13)).toEqual([]);
  });
});

describe('itemStatistics: degenerate data', () => {
  it('should return no rows for no attempts', () => {
    expect(itemStatistics({ attempts: [] })).toEqual([]);
  });

  it('should give the facility but no spread or correlation for one attempt', () => {
    const [only] = itemStatistics({ attempts: [fixed('A', 1, 1, 0)] });
    expect(only!.facility).toEqual({ value: 100, reason: null });
    expect(only!.standardDeviation).toEqual({ value: null, reason: 'too-few-attempts' });
    expect(only!.discriminationIndex).toEqual({ value: null, reason: 'too-few-attempts' });
    expect(only!.discriminativeEfficiency).toEqual({ value: null, reason: 'too-few-attempts' });
  });

  it('should explain a null discrimination when everyone scored the same on the item', () => {
    // q1 = 1 for everybody: SD 0, no correlation possible; facility 100 is flagged high.
    const stats = itemStatistics({ attempts: [fixed('A', 1, 2, 1), fixed('B', 1, 0, 0), fixed('C', 1, 1, 1)] });
    const q1 = stats.find((s) => s.key === 'q1')!;
    expect(q1.standardDeviation).toEqual({ value: 0, reason: null });
    expect(q1.discriminationIndex).toEqual({ value: null, reason: 'zero-item-variance' });
    expect(q1.discriminativeEfficiency).toEqual({ value: null, reason: 'zero-item-variance' });
    expect(q1.flags).toEqual(['facility-high']);
  });

  it('should explain a null discrimination when the rest of the test is constant', () => {
    // q1 varies but q2 + q3 = 2 for everybody.
    const stats = itemStatistics({ attempts: [fixed('A', 1, 2, 0), fixed('B', 0, 1, 1), fixed('C', 1, 1, 1)] });
    expect(stats.find((s) => s.key === 'q1')!.discriminationIndex).toEqual({ value: null, reason: 'zero-rest-variance' });
  });

  it('should not turn floating-point noise in a constant column into a correlation', () => {
    // 0.1 three times does not average to exactly 0.1 in binary; the item is still constant.
    const tenth = (id: string, other: number): StatsAttempt =>
      attempt(id, [
        { slot: 1, q: 'a', score: 0.1, max: 1 },
        { slot: 2, q: 'b', score: other, max: 1 },
      ]);
    const a = itemStatistics({ attempts: [tenth('A', 0), tenth('B', 1), tenth('C', 0.5)] }).find((s) => s.key === 'a')!;
    expect(a.discriminationIndex.reason).toBe('zero-item-variance');
  });

  it('should give null with a reason for an item worth 0 points', () => {
    const zero = (id: string, other: number): StatsAttempt =>
      attempt(id, [
        { slot: 1, q: 'z', score: 0, max: 0 },
        { slot: 2, q: 'b', score: other, max: 1 },
      ]);
    const z = itemStatistics({ attempts: [zero('A', 0), zero('B', 1)] }).find((s) => s.key === 'z')!;
    expect(z.facility).toEqual({ value: null, reason: 'zero-max' });
    expect(z.standardDeviation).toEqual({ value: null, reason: 'zero-max' });
    expect(z.needsChecking).toBe(false);
  });

  it('should refuse non-finite scores, negative maxima, duplicate attempts and a slot used twice', () => {
    expect(() => itemStatistics({ attempts: [fixed('A', Number.NaN, 0, 0)] })).toThrow(RangeError);
    expect(() => itemStatistics({ attempts: [attempt('A', [{ slot: 1, q: 'x', score: 0, max: -1 }])] })).toThrow(RangeError);
    expect(() => itemStatistics({ attempts: [fixed('A', 1, 1, 1), fixed('A', 0, 0, 0)] })).toThrow(/duplicate attempt/);
    expect(() =>
      itemStatistics({
        attempts: [
          attempt('A', [
            { slot: 1, q: 'x', score: 0, max: 1 },
            { slot: 1, q: 'y', score: 0, max: 1 },
          ]),
        ],
      }),
    ).toThrow(/slot 1 appears twice/);
  });

  it('should put scores of an item worth different points on its largest scale', () => {
    // q worth 2 in attempt A (scored 1 = half) and 4 in B (scored 4 = all): on the 4-point scale
    // 2 and 4, mean 3, facility 75.
    const stats = itemStatistics({
      attempts: [attempt('A', [{ slot: 1, q: 'q', score: 1, max: 2 }]), attempt('B', [{ slot: 3, q: 'q', score: 4, max: 4 }])],
    });
    expect(stats[0]!.maxScore).toBe(4);
    expect(stats[0]!.facility.value).toBeCloseTo(75, 10);
    expect(stats[0]!.slots).toEqual([1, 3]);
  });
});

describe('setStatistics: degenerate data', () => {
  it('should give null with a reason for no attempts', () => {
    const stats = setStatistics({ attempts: [] });
    expect(stats.meanScore).toBeNull();
    expect(stats.medianScore).toBeNull();
    expect(stats.meanPercent).toBeNull();
    expect(stats.standardDeviation).toEqual({ value: null, reason: 'no-attempts' });
    expect(stats.cic).toEqual({ value: null, reason: 'no-attempts' });
  });

  it('should give the mean but nothing that needs a spread for one attempt', () => {
    const stats = setStatistics({ attempts: [fixed('A', 1, 1, 0)] });
    expect(stats.meanScore).toBe(2);
    expect(stats.medianScore).toBe(2);
    expect(stats.meanPercent).toBe(50);
    expect(stats.standardDeviation.reason).toBe('too-few-attempts');
    expect(stats.cic.reason).toBe('too-few-attempts');
    expect(stats.errorRatio.reason).toBe('too-few-attempts');
  });

  it('should take the mean of the two middle totals as the median of an even count', () => {
    // T = 4 2 3 1: sorted 1 2 3 4 -> (2+3)/2 = 2.5.
    expect(setStatistics({ attempts: [fixed('A', 1, 2, 1), fixed('B', 1, 1, 0), fixed('C', 0, 2, 1), fixed('D', 1, 0, 0)] }).medianScore).toBe(2.5);
  });

  it('should leave skewness to three attempts and kurtosis to four', () => {
    const two = setStatistics({ attempts: [fixed('A', 1, 2, 1), fixed('B', 1, 1, 0)] });
    expect(two.skewness.reason).toBe('too-few-attempts');
    const three = setStatistics({ attempts: [fixed('A', 1, 2, 1), fixed('B', 1, 1, 0), fixed('C', 0, 0, 0)] });
    expect(three.skewness.value).not.toBeNull();
    expect(three.kurtosis.reason).toBe('too-few-attempts');
  });

  it('should need two items for the internal consistency', () => {
    const one = (id: string, s: number): StatsAttempt => attempt(id, [{ slot: 1, q: 'x', score: s, max: 1 }]);
    const stats = setStatistics({ attempts: [one('A', 1), one('B', 0)] });
    expect(stats.cic).toEqual({ value: null, reason: 'too-few-items' });
    expect(stats.standardError).toEqual({ value: null, reason: 'too-few-items' });
  });

  it('should need the same slots in every attempt for the internal consistency', () => {
    const stats = setStatistics({
      attempts: [fixed('A', 1, 2, 1), attempt('B', [{ slot: 1, q: 'q1', score: 0, max: 1 }]), fixed('C', 0, 1, 0)],
    });
    expect(stats.cic.reason).toBe('items-not-shared');
  });

  it('should explain a null CIC when everyone had the same total', () => {
    const stats = setStatistics({ attempts: [fixed('A', 1, 0, 1), fixed('B', 0, 2, 0), fixed('C', 1, 1, 0)] });
    expect(stats.standardDeviation).toEqual({ value: 0, reason: null });
    expect(stats.cic).toEqual({ value: null, reason: 'zero-total-variance' });
    expect(stats.skewness).toEqual({ value: null, reason: 'zero-total-variance' });
  });

  it('should refuse a CIC above 100 that only totals unrelated to the items could produce', () => {
    // Items all 0 (variance 0) while the totals vary: CIC = 100 * 2 * (1 - 0) = 200.
    const odd = (id: string, total: number): StatsAttempt => ({
      attemptId: id,
      score: total,
      maxScore: 10,
      items: [
        { slot: 1, questionKey: 'a', score: 0, max: 1 },
        { slot: 2, questionKey: 'b', score: 0, max: 1 },
      ],
    });
    const stats = setStatistics({ attempts: [odd('A', 1), odd('B', 5)] });
    expect(stats.cic).toEqual({ value: null, reason: 'inconsistent-totals' });
    expect(stats.errorRatio.value).toBeNull();
  });
});
