import { rankResults, topicBreakdown, type CandidateResult } from './results';

const result = (id: string, over: Partial<CandidateResult> = {}): CandidateResult => ({
  id,
  name: `Name ${id}`,
  email: `${id}@example.com`,
  status: 'submitted',
  score: null,
  maxScore: 10,
  durationSeconds: null,
  submittedAt: null,
  ...over,
});

const cohort: CandidateResult[] = [
  result('a', { name: 'Ada', score: 8, durationSeconds: 1200, submittedAt: '2026-11-20T10:00:00Z' }),
  result('b', { name: 'Bob', score: 6, durationSeconds: 900, submittedAt: '2026-11-20T11:00:00Z' }),
  result('c', { name: 'cy', score: 8, durationSeconds: 1500, submittedAt: '2026-11-20T09:00:00Z' }),
  result('d', { name: 'Dee', status: 'started' }),
  result('e', { name: 'Eve', status: 'invited', email: 'eve@corp.example' }),
  result('f', { name: 'Fay', score: 3, maxScore: 5, durationSeconds: 600, submittedAt: '2026-11-20T12:00:00Z' }),
];

const ids = (rows: { result: CandidateResult }[]): string[] => rows.map((r) => r.result.id);

describe('rankResults', () => {
  it('should rank by percent with ties sharing a rank (1, 1, 3) and unscored candidates last without a rank', () => {
    // a 8/10 = 80 %, c 80 %, f 3/5 = 60 %, b 60 %: ranks 1 1 3 3; d and e have no score.
    const rows = rankResults(cohort);
    expect(rows.map((r) => [r.result.id, r.rank, r.percent])).toEqual([
      ['a', 1, 80],
      ['c', 1, 80],
      ['b', 3, 60],
      ['f', 3, 60],
      ['d', null, null],
      ['e', null, null],
    ]);
  });

  it('should treat percents that differ only by rounding as a tie', () => {
    const rows = rankResults([result('x', { score: 0.1 + 0.2, maxScore: 1 }), result('y', { score: 0.3, maxScore: 1 })]);
    expect(rows.map((r) => r.rank)).toEqual([1, 1]);
  });

  it('should give no percent when the maximum is 0 or missing', () => {
    const rows = rankResults([result('x', { score: 0, maxScore: 0 }), result('y', { score: 1, maxScore: null })]);
    expect(rows.map((r) => r.percent)).toEqual([null, null]);
  });

  it('should keep the rank from the whole cohort when filtering', () => {
    const rows = rankResults(cohort, { search: 'bob' });
    expect(rows.map((r) => [r.result.id, r.rank])).toEqual([['b', 3]]);
  });

  it('should filter by status, by name or email (ignoring case) and by percent range', () => {
    expect(ids(rankResults(cohort, { status: ['started', 'invited'] }))).toEqual(['d', 'e']);
    expect(ids(rankResults(cohort, { search: '  CORP.example ' }))).toEqual(['e']);
    expect(ids(rankResults(cohort, { search: 'CY' }))).toEqual(['c']);
    expect(ids(rankResults(cohort, { minPercent: 60, maxPercent: 70 }))).toEqual(['b', 'f']);
    expect(ids(rankResults(cohort, { minPercent: 0 }))).toEqual(['a', 'c', 'b', 'f']);
    expect(ids(rankResults(cohort, { status: [] }))).toHaveLength(6);
  });

  it('should sort by score descending by default and ascending on request, missing last both ways', () => {
    expect(ids(rankResults(cohort, { sort: 'score' }))).toEqual(['a', 'c', 'b', 'f', 'd', 'e']);
    expect(ids(rankResults(cohort, { sort: 'score', order: 'asc' }))).toEqual(['b', 'f', 'a', 'c', 'd', 'e']);
  });

  it('should sort by name ignoring case', () => {
    expect(ids(rankResults(cohort, { sort: 'name' }))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(ids(rankResults(cohort, { sort: 'name', order: 'desc' }))).toEqual(['f', 'e', 'd', 'c', 'b', 'a']);
  });

  it('should sort by duration ascending and by submission time newest first', () => {
    expect(ids(rankResults(cohort, { sort: 'duration' }))).toEqual(['f', 'b', 'a', 'c', 'd', 'e']);
    expect(ids(rankResults(cohort, { sort: 'submittedAt' }))).toEqual(['f', 'b', 'a', 'c', 'd', 'e']);
  });

  it('should sort by status in the order of the invite life cycle', () => {
    const rows = rankResults([result('r', { status: 'revoked' }), result('s', { status: 'submitted' }), result('i', { status: 'invited' }), result('x', { status: 'expired' }), result('t', { status: 'started' })], {
      sort: 'status',
    });
    expect(ids(rows)).toEqual(['i', 't', 's', 'x', 'r']);
  });

  it('should not reorder or change the input array', () => {
    const input = [...cohort];
    rankResults(input, { sort: 'name', order: 'desc' });
    expect(input).toEqual(cohort);
  });
});

describe('topicBreakdown', () => {
  it('should sum score and max per topic, count the items and give the percent', () => {
    const rows = topicBreakdown([
      { topic: 'gc', score: 1, max: 1 },
      { topic: 'channels', score: 0.5, max: 2 },
      { topic: 'gc', score: 0, max: 1 },
      { topic: 'channels', score: 2, max: 2 },
      { topic: 'empty', score: 0, max: 0 },
    ]);
    // channels: 2.5 of 4 = 62.5 %; empty: no max -> null; gc: 1 of 2 = 50 %.
    expect(rows).toEqual([
      { topic: 'channels', score: 2.5, max: 4, items: 2, percent: 62.5 },
      { topic: 'empty', score: 0, max: 0, items: 1, percent: null },
      { topic: 'gc', score: 1, max: 2, items: 2, percent: 50 },
    ]);
  });

  it('should count an aggregated row as the items it stands for', () => {
    expect(topicBreakdown([{ topic: 't', score: 3, max: 4, items: 4 }, { topic: 't', score: 1, max: 1 }])).toEqual([{ topic: 't', score: 4, max: 5, items: 5, percent: 80 }]);
  });

  it('should round to 4 decimals and the percent to 1', () => {
    // 1/3 + 1/3 = 0.6667 of 3 -> 22.2 %.
    expect(topicBreakdown([{ topic: 't', score: 1 / 3, max: 1 }, { topic: 't', score: 1 / 3, max: 2 }])).toEqual([{ topic: 't', score: 0.6667, max: 3, items: 2, percent: 22.2 }]);
  });
});
