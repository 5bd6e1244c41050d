import type { AnswerKey } from './answer-key';
import { grade } from './grade';
import { longestOrderedSubset } from './ordering';
import { validateResponse } from './validate-response';

const key: AnswerKey = { type: 'ordering', order: ['a', 'b', 'c', 'd', 'e'] };
const order = (...ids: string[]) => ({ type: 'ordering' as const, order: ids });

describe('ordering grading (longest ordered subset)', () => {
  it('should give full credit for the key order', () => {
    expect(grade(key, order('a', 'b', 'c', 'd', 'e'))).toEqual({ score: 1, status: 'correct' });
  });
  it('should give credit for the longest subset in order, gaps allowed', () => {
    // b, c, e are in relative order (d moved to the front breaks nothing else except a).
    const result = grade(key, order('d', 'a', 'b', 'e', 'c'));
    expect(result.status).toBe('partial');
    expect(result.score).toBeCloseTo(3 / 5, 12);
  });
  it('should count one item moved to the end as n-1 of n', () => {
    expect(grade(key, order('b', 'c', 'd', 'e', 'a')).score).toBeCloseTo(4 / 5, 12);
  });
  it('should give nothing for the fully reversed order, where no two items are in order', () => {
    expect(grade(key, order('e', 'd', 'c', 'b', 'a'))).toEqual({ score: 0, status: 'incorrect' });
  });
  it('should need a subset of at least two items (a lone item earns nothing)', () => {
    const two: AnswerKey = { type: 'ordering', order: ['x', 'y'] };
    expect(grade(two, order('y', 'x'))).toEqual({ score: 0, status: 'incorrect' });
    expect(grade(two, order('x', 'y'))).toEqual({ score: 1, status: 'correct' });
  });
  it('should not reward a response that leaves items out beyond the ones it orders', () => {
    expect(grade(key, order('a', 'c', 'e')).score).toBeCloseTo(3 / 5, 12);
  });
  it('should ignore unknown ids and count a repeated id once', () => {
    expect(grade(key, order('a', 'zz', 'b', 'b', 'c', 'a')).score).toBeCloseTo(3 / 5, 12);
  });
  it('should treat an empty order as unanswered', () => {
    expect(grade(key, order())).toEqual({ score: 0, status: 'unanswered' });
  });
  it('should score 0 against a broken key with fewer than two items', () => {
    expect(grade({ type: 'ordering', order: ['a'] }, order('a'))).toEqual({ score: 0, status: 'incorrect' });
  });
  it('should earn nothing for a response of another type', () => {
    expect(grade(key, { type: 'multi', choices: ['a'] })).toEqual({ score: 0, status: 'incorrect' });
  });
});

describe('longestOrderedSubset', () => {
  it('should return the positions of the subset found first from the left on a tie', () => {
    // "b a d c": {b,d}, {b,c}, {a,d}, {a,c} all have length 2; the leftmost is b then d.
    expect(longestOrderedSubset(['a', 'b', 'c', 'd'], ['b', 'a', 'd', 'c'])).toEqual([0, 2]);
  });
  it('should find a non-contiguous subset', () => {
    expect(longestOrderedSubset(['a', 'b', 'c', 'd', 'e'], ['e', 'a', 'd', 'b', 'c'])).toEqual([1, 3, 4]);
  });
  it('should agree with a brute force over every subset for all orders of six items', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const perm of permutations(ids)) {
      expect(longestOrderedSubset(ids, perm).length).toBe(bruteForce(ids, perm));
    }
  });
  it('should stay fast at the response size limit', () => {
    const ids = Array.from({ length: 64 }, (_, i) => `i${i}`);
    const started = Date.now();
    expect(longestOrderedSubset(ids, [...ids].reverse()).length).toBe(1);
    expect(Date.now() - started).toBeLessThan(200);
  });
});

describe('ordering response validation', () => {
  it('should accept a list of distinct item ids', () => {
    expect(validateResponse('ordering', { order: ['b', 'a'] })).toEqual({ ok: true, response: { type: 'ordering', order: ['b', 'a'] } });
  });
  it('should refuse a repeated id, a non-array and too many entries', () => {
    expect(validateResponse('ordering', { order: ['a', 'a'] }).ok).toBe(false);
    expect(validateResponse('ordering', { order: 'a,b' }).ok).toBe(false);
    expect(validateResponse('ordering', { order: Array.from({ length: 65 }, (_, i) => `i${i}`) }).ok).toBe(false);
    expect(validateResponse('ordering', { order: [1, 2] }).ok).toBe(false);
    expect(validateResponse('ordering', { order: ['a'], extra: 1 }).ok).toBe(false);
  });
});

function permutations(items: string[]): string[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** The largest k such that some k positions of `placed` hold items in key order (exhaustive). */
function bruteForce(keyOrder: string[], placed: string[]): number {
  let best = 0;
  for (let mask = 1; mask < 1 << placed.length; mask += 1) {
    const chosen = placed.filter((_, i) => (mask >> i) & 1).map((id) => keyOrder.indexOf(id));
    if (chosen.every((rank, i) => i === 0 || rank > (chosen[i - 1] as number))) best = Math.max(best, chosen.length);
  }
  return best;
}
