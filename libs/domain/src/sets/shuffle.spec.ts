import { shuffleWithSeed } from './shuffle';

const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

describe('shuffleWithSeed', () => {
  it('should give the same order for the same seed', () => {
    expect(shuffleWithSeed(letters, 99)).toEqual(shuffleWithSeed(letters, 99));
  });

  it('should keep every item exactly once and leave the input untouched', () => {
    const input = [...letters];
    const out = shuffleWithSeed(input, 5);
    expect([...out].sort()).toEqual(letters);
    expect(input).toEqual(letters);
  });

  it('should give different orders for different seeds', () => {
    const orders = new Set(Array.from({ length: 50 }, (_, seed) => shuffleWithSeed(letters, seed).join('')));
    expect(orders.size).toBeGreaterThanOrEqual(45);
  });

  it('should handle empty and single-item lists', () => {
    expect(shuffleWithSeed([], 1)).toEqual([]);
    expect(shuffleWithSeed(['x'], 1)).toEqual(['x']);
  });

  it('should put each item in each position about equally often over many seeds', () => {
    const items = ['a', 'b', 'c', 'd'];
    const seeds = 8000;
    const counts = new Map<string, number>();
    for (let seed = 0; seed < seeds; seed++) {
      shuffleWithSeed(items, seed).forEach((item, position) => counts.set(`${item}@${position}`, (counts.get(`${item}@${position}`) ?? 0) + 1));
    }
    // Expected 2000 each; the bound is loose (about 8 standard deviations) so it tests bias, not luck.
    expect(counts.size).toBe(16);
    for (const count of counts.values()) expect(Math.abs(count - seeds / 4)).toBeLessThan(300);
  });
});
