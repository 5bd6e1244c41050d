import { DEFAULT_QUERY, apiQuery, formatClock, formatStat, paramsFromQuery, queryFromParams, toggleCompare, toggleSort } from './results-query';

describe('results query in the URL', () => {
  it('should read the defaults from an empty URL and write nothing back for them', () => {
    const q = queryFromParams(new URLSearchParams(''));
    expect(q).toEqual(DEFAULT_QUERY);
    expect(paramsFromQuery(q).toString()).toBe('');
  });

  it('should round-trip a filtered, sorted query', () => {
    const q = queryFromParams(new URLSearchParams('sort=score&status=submitted,started&q=ada&min=50'));
    expect(q).toEqual({ sort: 'score', order: 'desc', status: ['submitted', 'started'], search: 'ada', minPercent: 50 });
    expect(queryFromParams(paramsFromQuery(q))).toEqual(q);
  });

  it('should ignore unknown sorts and statuses and clamp the minimum percent', () => {
    expect(queryFromParams(new URLSearchParams('sort=evil&status=hacked,revoked&min=140&order=sideways'))).toEqual({
      sort: 'rank',
      order: 'asc',
      status: ['revoked'],
      search: '',
      minPercent: 100,
    });
  });

  it('should flip the order on the same column and start another at its natural order', () => {
    const byScore = toggleSort(DEFAULT_QUERY, 'score');
    expect([byScore.sort, byScore.order]).toEqual(['score', 'desc']);
    expect(toggleSort(byScore, 'score').order).toBe('asc');
    expect(toggleSort(byScore, 'name').order).toBe('asc');
  });

  it('should only send the filters that are set', () => {
    expect(apiQuery(DEFAULT_QUERY)).toEqual({ sort: 'rank', order: 'asc' });
    expect(apiQuery({ ...DEFAULT_QUERY, status: ['expired'], search: '  x ', minPercent: 0 })).toEqual({
      sort: 'rank',
      order: 'asc',
      status: 'expired',
      search: 'x',
      minPercent: 0,
    });
  });
});

describe('compare selection', () => {
  it('should add up to four and remove on a second click', () => {
    let s: string[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) s = toggleCompare(s, id);
    expect(s).toEqual(['a', 'b', 'c', 'd']);
    expect(toggleCompare(s, 'b')).toEqual(['a', 'c', 'd']);
  });
});

describe('formatting', () => {
  it('should show durations as a clock and missing values as a dash', () => {
    expect(formatClock(754)).toBe('12:34');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(null)).toBe('–');
  });

  it('should round statistics and dash the ones that could not be computed', () => {
    expect(formatStat(45.678)).toBe('45.7');
    expect(formatStat(-12.04, 2)).toBe('-12.04');
    expect(formatStat(null)).toBe('–');
    expect(formatStat(Number.NaN)).toBe('–');
  });
});
