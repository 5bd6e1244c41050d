import { moveBy, moveItem } from './reorder';

describe('moveItem', () => {
  const list = ['a', 'b', 'c', 'd'];

  it('should move an entry down so it ends at the target index', () => {
    expect(moveItem(list, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('should move an entry up so it ends at the target index', () => {
    expect(moveItem(list, 3, 1)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('should clamp a target past either end', () => {
    expect(moveItem(list, 1, 99)).toEqual(['a', 'c', 'd', 'b']);
    expect(moveItem(list, 2, -5)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('should return the same array when nothing moves or the source is out of range', () => {
    expect(moveItem(list, 2, 2)).toBe(list);
    expect(moveItem(list, 7, 0)).toBe(list);
    expect(moveItem(list, -1, 0)).toBe(list);
  });

  it('should leave the input untouched', () => {
    const copy = [...list];
    moveItem(list, 0, 3);
    expect(list).toEqual(copy);
  });
});

describe('moveBy', () => {
  it('should move one place up and down', () => {
    expect(moveBy(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveBy(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
  });

  it('should not move the first entry up or the last entry down', () => {
    const list = ['a', 'b'];
    expect(moveBy(list, 0, -1)).toBe(list);
    expect(moveBy(list, 1, 1)).toBe(list);
  });

  it('should keep every entry exactly once after any sequence of moves', () => {
    let list: readonly number[] = [0, 1, 2, 3, 4, 5];
    const moves: [number, number][] = [[0, 1], [5, -3], [2, 2], [4, -4], [1, 9], [3, -1]];
    for (const [index, delta] of moves) list = moveBy(list, index, delta);
    expect([...list].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
