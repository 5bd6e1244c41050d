import { mapReviewJudge } from './judge.mappers';
import type { FinalRunRow } from './judge.repository';

const run: FinalRunRow = {
  position: 1,
  state: 'done',
  verdict: 'failed',
  score: 0.5,
  tests: [
    { name: 'TestA', passed: true, output: 'want 800 (quotes the hidden test)' },
    { name: 'TestB', passed: false },
  ],
  race_report: null,
  leak_report: 'fetch.go:17 +0x5c',
  compile_output: null,
  message: 'Goroutine leak.',
};
const keys = { hidden_tests: { 'hidden_test.go': 'package x' }, solution: { 'x.go': 'package x // fixed' } };

describe('mapReviewJudge', () => {
  it('should show the verdict, test names and reports, never a test log', () => {
    const dto = mapReviewJudge(run, keys, { hiddenTests: false, solution: false });
    expect(dto).toEqual({
      state: 'done',
      verdict: 'failed',
      score: 0.5,
      tests: [
        { name: 'TestA', passed: true },
        { name: 'TestB', passed: false },
      ],
      raceReport: null,
      leakReport: 'fetch.go:17 +0x5c',
      compileOutput: null,
      message: 'Goroutine leak.',
    });
  });

  it('should add the hidden tests and the solution only when each is allowed', () => {
    expect(mapReviewJudge(run, keys, { hiddenTests: true, solution: false })).toMatchObject({ hiddenTests: keys.hidden_tests });
    expect(mapReviewJudge(run, keys, { hiddenTests: true, solution: false })).not.toHaveProperty('solution');
    expect(mapReviewJudge(run, keys, { hiddenTests: false, solution: true })).not.toHaveProperty('hiddenTests');
    expect(mapReviewJudge(run, keys, { hiddenTests: true, solution: true })).toMatchObject({ solution: keys.solution });
  });

  it('should say `none` for an item with no final run', () => {
    expect(mapReviewJudge(undefined, undefined, { hiddenTests: true, solution: true })).toEqual({
      state: 'none',
      verdict: null,
      score: null,
      tests: [],
      raceReport: null,
      leakReport: null,
      compileOutput: null,
      message: null,
    });
  });
});
