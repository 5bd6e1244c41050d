import type { SetResults } from '../types';
import { nextResultsOffset } from './results-page';

const page = (offset: number, rows: number, total: number): SetResults =>
  ({ setId: 's', topics: [], rows: Array.from({ length: rows }, () => ({})), total, limit: 100, offset }) as unknown as SetResults;

describe('nextResultsOffset', () => {
  it('should point after the last loaded row while rows are left', () => {
    expect(nextResultsOffset(page(0, 100, 250))).toBe(100);
    expect(nextResultsOffset(page(100, 100, 250))).toBe(200);
  });

  it('should stop at the end, and on an empty page even if the total grew meanwhile', () => {
    expect(nextResultsOffset(page(200, 50, 250))).toBeUndefined();
    expect(nextResultsOffset(page(0, 3, 3))).toBeUndefined();
    expect(nextResultsOffset(page(300, 0, 400))).toBeUndefined();
  });
});
