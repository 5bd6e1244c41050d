import { applyOptionOrder, itemSeed, optionOrder, splitMatchingOptions, structuredOptionOrder, textSeed } from './options';

const IDS = ['a', 'b', 'c', 'd', 'e'];

describe('optionOrder', () => {
  it('should keep the author order when shuffling is off', () => {
    expect(optionOrder(IDS, 42, 3, false)).toEqual(IDS);
  });

  it('should give the same order for the same seed and position (a refresh shows the same order)', () => {
    expect(optionOrder(IDS, 42, 3, true)).toEqual(optionOrder(IDS, 42, 3, true));
  });

  it('should be a permutation of the option ids', () => {
    for (let position = 0; position < 50; position++) {
      expect([...optionOrder(IDS, 7, position, true)].sort()).toEqual(IDS);
    }
  });

  it('should vary with the position and the seed', () => {
    const byPosition = new Set(Array.from({ length: 40 }, (_, p) => optionOrder(IDS, 7, p, true).join('')));
    const bySeed = new Set(Array.from({ length: 40 }, (_, s) => optionOrder(IDS, s, 1, true).join('')));
    expect(byPosition.size).toBeGreaterThan(20);
    expect(bySeed.size).toBeGreaterThan(20);
  });

  it('should not modify the input', () => {
    const ids = [...IDS];
    optionOrder(ids, 1, 1, true);
    expect(ids).toEqual(IDS);
  });

  it('should refuse duplicate option ids', () => {
    expect(() => optionOrder(['a', 'a'], 1, 1, true)).toThrow(RangeError);
  });

  it('should keep golden values stable: a change would reorder stored attempts', () => {
    expect(itemSeed(0, 0)).toBe(0x9e3779b9);
    expect(itemSeed(1, 1)).toBe((1 + Math.imul(2, 0x9e3779b9)) >>> 0);
    expect(() => itemSeed(1, -1)).toThrow(RangeError);
  });
});

describe('applyOptionOrder', () => {
  const options = [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }];

  it('should order options as stored', () => {
    expect(applyOptionOrder(options, ['c', 'a', 'b']).map((o) => o.id)).toEqual(['c', 'a', 'b']);
  });

  it('should keep the author order without a stored order', () => {
    expect(applyOptionOrder(options, null).map((o) => o.id)).toEqual(['a', 'b', 'c']);
  });

  it('should put options missing from the stored order last instead of dropping them', () => {
    expect(applyOptionOrder(options, ['b']).map((o) => o.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('structuredOptionOrder', () => {
  const items = ['a', 'b', 'c'].map((id) => ({ id }));
  it('should never deliver ordering items in their stored (key) order, for any seed', () => {
    for (let seed = 0; seed < 2000; seed += 1) {
      expect(structuredOptionOrder('ordering', items, seed)).not.toEqual(['a', 'b', 'c']);
    }
  });
  it('should keep every item exactly once and be stable per seed', () => {
    const order = structuredOptionOrder('ordering', items, 42);
    expect([...(order ?? [])].sort()).toEqual(['a', 'b', 'c']);
    expect(structuredOptionOrder('ordering', items, 42)).toEqual(order);
  });
  it('should reach every other permutation of three items across seeds', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 500; seed += 1) seen.add((structuredOptionOrder('ordering', items, seed) ?? []).join(''));
    expect([...seen].sort()).toEqual(['acb', 'bac', 'bca', 'cab', 'cba']);
  });
  it('should keep matching left items in author order and never show the right choices in stored order', () => {
    const options = [
      { id: 'x', side: 'left' as const },
      { id: 'y', side: 'left' as const },
      { id: 'm1', side: 'right' as const },
      { id: 'm2', side: 'right' as const },
    ];
    for (let seed = 0; seed < 200; seed += 1) expect(structuredOptionOrder('matching', options, seed)).toEqual(['x', 'y', 'm2', 'm1']);
  });
  it('should leave other types to optionOrder', () => {
    expect(structuredOptionOrder('single', items, 1)).toBeNull();
  });
  it('should split matching options by side', () => {
    expect(splitMatchingOptions([{ id: 'x', side: 'left' as const }, { id: 'm1', side: 'right' as const }])).toEqual({ left: [{ id: 'x', side: 'left' }], right: [{ id: 'm1', side: 'right' }] });
  });
  it('should give a stable text seed', () => {
    expect(textSeed('mm-x:1')).toBe(textSeed('mm-x:1'));
    expect(textSeed('mm-x:1')).not.toBe(textSeed('mm-x:2'));
  });
});
