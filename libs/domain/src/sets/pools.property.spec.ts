import fc from 'fast-check';
import { drawFromPools, isEligible, type PoolCandidate, type QuestionPool } from './pools';

/*
 * Small random worlds checked against brute force: the draw must be a valid assignment, and it
 * must fill as many slots as the best possible assignment (so a shortfall is never an artefact of
 * the random order).
 */

const TYPES = ['single', 'code-lines'] as const;
const TAGS = ['a', 'b'] as const;

const candidateArb = fc.record({
  difficulty: fc.integer({ min: 1, max: 5 }),
  type: fc.constantFrom(...TYPES),
  tags: fc.subarray([...TAGS]),
});
const poolArb: fc.Arbitrary<QuestionPool> = fc
  .record({
    count: fc.integer({ min: 0, max: 3 }),
    lo: fc.integer({ min: 1, max: 5 }),
    span: fc.integer({ min: 0, max: 4 }),
    types: fc.option(fc.subarray([...TYPES], { minLength: 1 }), { nil: undefined }),
    excludeTags: fc.option(fc.subarray([...TAGS]), { nil: undefined }),
  })
  .map(({ count, lo, span, types, excludeTags }) => ({
    topic: 't',
    count,
    difficulty: [lo, Math.min(5, lo + span)] as const,
    ...(types ? { types } : {}),
    ...(excludeTags ? { excludeTags } : {}),
  }));

const world = fc.record({
  candidates: fc.array(candidateArb, { maxLength: 7 }).map((list) => list.map((c, i): PoolCandidate => ({ id: `q${i}`, topic: 't', expectedSeconds: 60, ...c }))),
  pools: fc.array(poolArb, { maxLength: 3 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});

/** The most slots any assignment can fill: try every candidate in every pool (or in none). */
function bestFill(pools: readonly QuestionPool[], candidates: readonly PoolCandidate[]): number {
  const left = pools.map((pool) => pool.count);
  const go = (i: number): number => {
    const candidate = candidates[i];
    if (!candidate) return 0;
    let best = go(i + 1);
    pools.forEach((pool, p) => {
      if ((left[p] ?? 0) === 0 || !isEligible(pool, candidate)) return;
      left[p] = (left[p] ?? 0) - 1;
      best = Math.max(best, 1 + go(i + 1));
      left[p] = (left[p] ?? 0) + 1;
    });
    return best;
  };
  return go(0);
}

describe('drawFromPools properties', () => {
  it('should draw a valid assignment that fills as many slots as brute force can', () => {
    fc.assert(
      fc.property(world, ({ candidates, pools, seed }) => {
        const draw = drawFromPools(pools, candidates, seed);
        expect(new Set(draw.items.map((item) => item.id)).size).toBe(draw.items.length);
        draw.byPool.forEach((items, p) => {
          const pool = pools[p]!;
          expect(items.length).toBeLessThanOrEqual(pool.count);
          for (const item of items) expect(isEligible(pool, item)).toBe(true);
        });
        const missing = draw.shortfalls.reduce((sum, s) => sum + s.wanted - s.drawn, 0);
        expect(missing).toBe(pools.reduce((sum, pool) => sum + pool.count, 0) - draw.items.length);
        expect(draw.items.length).toBe(bestFill(pools, candidates));
      }),
      { numRuns: 300 },
    );
  });
});
