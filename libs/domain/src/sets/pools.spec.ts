import { drawFromPools, isEligible, type PoolCandidate, type QuestionPool } from './pools';
import { shuffleWithSeed } from './shuffle';

interface Question extends PoolCandidate {
  title: string;
}

const question = (id: string, over: Partial<Question> = {}): Question => ({
  id,
  title: `title of ${id}`,
  topic: 'channels',
  type: 'single',
  difficulty: 2,
  tags: [],
  expectedSeconds: 60,
  ...over,
});

/** 30 channel questions: difficulties 1-5 round robin, every third a code-output question. */
const bank: Question[] = Array.from({ length: 30 }, (_, i) =>
  question(`ch-${String(i).padStart(2, '0')}`, { difficulty: (i % 5) + 1, type: i % 3 === 0 ? 'code-output' : 'single' }),
);
const anyChannel = (count: number): QuestionPool => ({ topic: 'channels', count, difficulty: [1, 5] });
const ids = (items: readonly PoolCandidate[]): string[] => items.map((item) => item.id);

describe('drawFromPools: reproducibility', () => {
  it('should draw the same questions in the same order for the same seed', () => {
    const pools = [anyChannel(5), { ...anyChannel(3), types: ['code-output'] }];
    expect(ids(drawFromPools(pools, bank, 1234).items)).toEqual(ids(drawFromPools(pools, bank, 1234).items));
  });

  it('should not depend on the order the candidates are passed in', () => {
    const pools = [anyChannel(6), { ...anyChannel(2), difficulty: [4, 5] as const }];
    const expected = ids(drawFromPools(pools, bank, 77).items);
    expect(ids(drawFromPools(pools, [...bank].reverse(), 77).items)).toEqual(expected);
    expect(ids(drawFromPools(pools, shuffleWithSeed(bank, 5), 77).items)).toEqual(expected);
  });

  it('should give different draws for different seeds', () => {
    const draws = new Set(Array.from({ length: 50 }, (_, seed) => ids(drawFromPools([anyChannel(5)], bank, seed).items).join(',')));
    expect(draws.size).toBeGreaterThanOrEqual(48);
  });

  it('should return the caller\'s own candidate objects, not copies', () => {
    const { items } = drawFromPools([anyChannel(3)], bank, 9);
    for (const item of items) expect(bank).toContain(item);
    expect(items[0]?.title).toMatch(/^title of ch-/);
  });
});

describe('drawFromPools: no repeats', () => {
  it('should never draw a question twice within a pool or across overlapping pools', () => {
    for (let seed = 0; seed < 200; seed++) {
      const { items, shortfalls } = drawFromPools([anyChannel(8), anyChannel(8), { ...anyChannel(6), difficulty: [2, 4] }], bank, seed);
      expect(shortfalls).toEqual([]);
      expect(new Set(ids(items)).size).toBe(22);
    }
  });

  it('should list each pool\'s questions in byPool and all of them, pool by pool, in items', () => {
    const { items, byPool } = drawFromPools([anyChannel(2), { ...anyChannel(3), types: ['code-output'] }], bank, 3);
    expect(byPool.map((pool) => pool.length)).toEqual([2, 3]);
    expect(items).toEqual([...byPool[0]!, ...byPool[1]!]);
    for (const item of byPool[1]!) expect(item.type).toBe('code-output');
  });
});

describe('drawFromPools: shortfalls', () => {
  it('should report a pool with too few eligible questions and still draw what exists', () => {
    const pools: QuestionPool[] = [anyChannel(2), { topic: 'kubernetes', count: 4, difficulty: [1, 5] }];
    const candidates = [...bank, question('k8s-a', { topic: 'kubernetes' })];
    const draw = drawFromPools(pools, candidates, 1);
    expect(draw.shortfalls).toEqual([{ pool: 1, topic: 'kubernetes', wanted: 4, drawn: 1, eligible: 1 }]);
    expect(ids(draw.byPool[1]!)).toEqual(['k8s-a']);
    expect(draw.byPool[0]).toHaveLength(2);
  });

  it('should report a topic with no questions at all as drawn 0 of 0 eligible', () => {
    const draw = drawFromPools([{ topic: 'observability', count: 3, difficulty: [1, 3] }], bank, 1);
    expect(draw.shortfalls).toEqual([{ pool: 0, topic: 'observability', wanted: 3, drawn: 0, eligible: 0 }]);
    expect(draw.items).toEqual([]);
  });

  it('should report competing pools that together want more than exists, with eligible >= wanted', () => {
    const three = bank.slice(0, 3);
    const draw = drawFromPools([anyChannel(2), anyChannel(2)], three, 8);
    expect(draw.items).toHaveLength(3);
    expect(draw.shortfalls).toEqual([{ pool: 1, topic: 'channels', wanted: 2, drawn: 1, eligible: 3 }]);
  });

  it('should not report a shortfall when an earlier general pool took what a later narrow pool needs', () => {
    // Two code questions, two others: a greedy draw often gives the general pool a code question.
    const candidates = [
      question('a', { type: 'code-lines' }),
      question('b', { type: 'code-lines' }),
      question('c'),
      question('d'),
    ];
    for (let seed = 0; seed < 100; seed++) {
      const draw = drawFromPools([anyChannel(2), { ...anyChannel(2), types: ['code-lines'] }], candidates, seed);
      expect(draw.shortfalls).toEqual([]);
      expect(ids(draw.byPool[1]!).sort()).toEqual(['a', 'b']);
      expect(ids(draw.byPool[0]!).sort()).toEqual(['c', 'd']);
    }
  });

  it('should trade along a chain of pools to fill the last one', () => {
    // x only fits pool 0, y fits pools 0 and 1, z fits pools 1 and 2: filling pool 2 needs z, which
    // means pool 1 must take y, which means pool 0 must take x.
    const candidates = [
      question('x', { difficulty: 1 }),
      question('y', { difficulty: 2 }),
      question('z', { difficulty: 3 }),
    ];
    const pools: QuestionPool[] = [
      { ...anyChannel(1), difficulty: [1, 2] },
      { ...anyChannel(1), difficulty: [2, 3] },
      { ...anyChannel(1), difficulty: [3, 3] },
    ];
    for (let seed = 0; seed < 50; seed++) {
      const draw = drawFromPools(pools, candidates, seed);
      expect(draw.shortfalls).toEqual([]);
      expect(draw.byPool.map((pool) => ids(pool))).toEqual([['x'], ['y'], ['z']]);
    }
  });

  it('should treat a pool of count 0 as filled', () => {
    expect(drawFromPools([anyChannel(0)], [], 1)).toEqual({ items: [], byPool: [[]], shortfalls: [] });
  });

  it('should return an empty draw for no pools', () => {
    expect(drawFromPools([], bank, 1)).toEqual({ items: [], byPool: [], shortfalls: [] });
  });
});

describe('drawFromPools: filters', () => {
  it('should respect inclusive difficulty bounds', () => {
    for (let seed = 0; seed < 50; seed++) {
      const { items, shortfalls } = drawFromPools([{ ...anyChannel(12), difficulty: [2, 3] }], bank, seed);
      expect(shortfalls).toEqual([]);
      expect(new Set(items.map((item) => item.difficulty))).toEqual(new Set([2, 3]));
    }
  });

  it('should draw only the allowed types', () => {
    const { items, shortfalls } = drawFromPools([{ ...anyChannel(10), types: ['code-output'] }], bank, 4);
    expect(shortfalls).toEqual([]);
    expect(items.every((item) => item.type === 'code-output')).toBe(true);
  });

  it('should treat an empty type list as "no type allowed", not as "any type"', () => {
    expect(drawFromPools([{ ...anyChannel(1), types: [] }], bank, 4).shortfalls).toHaveLength(1);
  });

  it('should never draw a question carrying an excluded tag', () => {
    const candidates = [
      question('a', { tags: ['select', 'go1-26'] }),
      question('b', { tags: ['select'] }),
      question('c', { tags: [] }),
      question('d', { tags: ['go1-26'] }),
    ];
    for (let seed = 0; seed < 50; seed++) {
      const draw = drawFromPools([{ ...anyChannel(2), excludeTags: ['go1-26'] }], candidates, seed);
      expect(ids(draw.items).sort()).toEqual(['b', 'c']);
    }
    expect(drawFromPools([{ ...anyChannel(3), excludeTags: ['go1-26'] }], candidates, 1).shortfalls[0]).toMatchObject({ drawn: 2, eligible: 2 });
  });

  it('should draw only from the pool\'s topic', () => {
    const candidates = [...bank, question('sync-a', { topic: 'sync' }), question('sync-b', { topic: 'sync' })];
    expect(ids(drawFromPools([{ topic: 'sync', count: 2, difficulty: [1, 5] }], candidates, 2).items).sort()).toEqual(['sync-a', 'sync-b']);
  });

  it('should agree with isEligible on every filter', () => {
    const pool: QuestionPool = { topic: 'channels', count: 1, difficulty: [2, 4], types: ['single'], excludeTags: ['x'] };
    expect(isEligible(pool, question('ok', { difficulty: 4 }))).toBe(true);
    expect(isEligible(pool, question('low', { difficulty: 1 }))).toBe(false);
    expect(isEligible(pool, question('high', { difficulty: 5 }))).toBe(false);
    expect(isEligible(pool, question('type', { type: 'essay' }))).toBe(false);
    expect(isEligible(pool, question('tag', { tags: ['x'] }))).toBe(false);
    expect(isEligible(pool, question('topic', { topic: 'sync' }))).toBe(false);
  });
});

describe('drawFromPools: uniformity', () => {
  it('should pick every eligible question about equally often over many seeds', () => {
    const twelve = bank.slice(0, 12);
    const seeds = 6000;
    const counts = new Map<string, number>();
    for (let seed = 0; seed < seeds; seed++) {
      for (const item of drawFromPools([anyChannel(3)], twelve, seed).items) counts.set(item.id, (counts.get(item.id) ?? 0) + 1);
    }
    // Expected 1500 each (3 of 12 per draw); +-15% is about 7 standard deviations: catches bias, not noise.
    expect(counts.size).toBe(12);
    for (const count of counts.values()) expect(Math.abs(count - 1500)).toBeLessThan(225);
  });

  it('should pick uniformly in a later pool from what earlier pools left', () => {
    const seeds = 4000;
    const counts = new Map<string, number>();
    const pools: QuestionPool[] = [{ ...anyChannel(2), types: ['code-output'] }, { ...anyChannel(4), types: ['single'] }];
    for (let seed = 0; seed < seeds; seed++) {
      for (const item of drawFromPools(pools, bank, seed).byPool[1]!) counts.set(item.id, (counts.get(item.id) ?? 0) + 1);
    }
    // 20 single questions, 4 per draw: expected 800 each.
    expect(counts.size).toBe(20);
    for (const count of counts.values()) expect(Math.abs(count - 800)).toBeLessThan(160);
  });
});

describe('drawFromPools: invalid input', () => {
  it('should refuse duplicate candidate ids', () => {
    expect(() => drawFromPools([anyChannel(1)], [question('a'), question('a')], 1)).toThrow(/duplicate candidate id "a"/);
  });

  it('should refuse a negative or fractional count and an empty difficulty range', () => {
    expect(() => drawFromPools([anyChannel(-1)], bank, 1)).toThrow(RangeError);
    expect(() => drawFromPools([anyChannel(1.5)], bank, 1)).toThrow(RangeError);
    expect(() => drawFromPools([{ ...anyChannel(1), difficulty: [4, 2] }], bank, 1)).toThrow(/empty/);
  });

  it('should refuse a seed that is not an integer', () => {
    expect(() => drawFromPools([anyChannel(1)], bank, 0.5)).toThrow(RangeError);
  });
});
