import { applyOptionOrder, itemSeed, optionOrder } from './options';

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
