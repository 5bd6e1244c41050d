import { collectPages } from './paging';

describe('collectPages', () => {
  const source = Array.from({ length: 7 }, (_, i) => i);
  const pager = (asked: Array<[number, number]>) => (offset: number, limit: number) => {
    asked.push([offset, limit]);
    return Promise.resolve(source.slice(offset, offset + limit));
  };

  it('should gather every row across pages and stop at the first short page', async () => {
    const asked: Array<[number, number]> = [];
    await expect(collectPages(3, pager(asked))).resolves.toEqual(source);
    expect(asked).toEqual([
      [0, 3],
      [3, 3],
      [6, 3],
    ]);
  });

  it('should ask once more after a full last page and stop on the empty one', async () => {
    const asked: Array<[number, number]> = [];
    await expect(collectPages(7, pager(asked))).resolves.toEqual(source);
    expect(asked).toEqual([
      [0, 7],
      [7, 7],
    ]);
  });
});
