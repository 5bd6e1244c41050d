import { resultsCsvName } from './csv-name';

describe('resultsCsvName', () => {
  const day = new Date(2026, 11, 6, 15, 30); // 6 December 2026, local time

  it('should name the file by the set and the local date, not by an id', () => {
    expect(resultsCsvName('Backend screen', day)).toBe('backend-screen-results-2026-12-06.csv');
  });

  it('should turn characters a file system objects to into single dashes', () => {
    expect(resultsCsvName('  SRE / on-call: "Go" (senior)  ', day)).toBe('sre-on-call-go-senior-results-2026-12-06.csv');
  });

  it('should keep the letters of a Chinese title', () => {
    expect(resultsCsvName('后端面试 第二轮', day)).toBe('后端面试-第二轮-results-2026-12-06.csv');
  });

  it('should fall back to the date alone while the set is loading', () => {
    expect(resultsCsvName(undefined, day)).toBe('results-2026-12-06.csv');
    expect(resultsCsvName('///', day)).toBe('results-2026-12-06.csv');
  });
});
