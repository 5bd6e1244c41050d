import { existsSync } from 'node:fs';
import { judgeSubmission } from './judge';
import { exactNames, selectTests } from './select';
import { counterFile, counterTask, openTestSandbox } from './test-support';
import type { Sandbox } from './types';

describe('selectTests: tests run by the names the harness parsed', () => {
  it('should name each test exactly, never by a prefix', () => {
    expect(selectTests(['TestA', 'TestAllocsInc', 'TestAllocsIncFast'], true)).toEqual({
      race: true,
      main: ['-test.run=^(TestA)$'],
      allocs: ['-test.run=^(TestAllocsInc|TestAllocsIncFast)$'],
    });
  });

  it('should run every parsed test in one binary without -race when the task has no race check', () => {
    expect(selectTests(['TestA', 'TestAllocsInc'], false)).toEqual({
      race: false,
      main: ['-test.run=^(TestA|TestAllocsInc)$'],
    });
  });

  it('should build no -race binary for allocation tests alone', () => {
    expect(selectTests(['TestAllocsInc'], true)).toEqual({ race: false, main: ['-test.run=^(TestAllocsInc)$'] });
  });

  it('should refuse a name that is not a Go identifier', () => {
    expect(() => exactNames(['TestA|.*'])).toThrow(/not a test name/);
    expect(exactNames(['Test_ü1'])).toBe('^(Test_ü1)$');
  });
});

describe('judge: only the parsed tests run', () => {
  let sandbox: Sandbox;
  let workDirs: string[];

  beforeAll(async () => {
    ({ sandbox, workDirs } = await openTestSandbox());
  }, 900_000);

  afterAll(async () => {
    await sandbox?.close();
    for (const dir of workDirs) expect(existsSync(dir)).toBe(false);
  });

  it('should not let a fuzz target the harness does not record decide the verdict', async () => {
    const task = counterTask();
    // A fuzz target has no harness record; before, the unfiltered binary ran its failing seed and the exit code failed the run.
    const fuzz =
      'package counter\n\nimport "testing"\n\nfunc FuzzSeed(f *testing.F) {\n\tf.Add(1)\n\tf.Fuzz(func(t *testing.T, n int) { t.Fatal("not a judged test") })\n}\n';
    const withFuzz = counterTask({ hiddenTests: { ...task.hiddenTests, 'fuzz_test.go': fuzz } });
    const result = await judgeSubmission(withFuzz, { 'counter.go': counterFile('solution') }, 'hidden', sandbox);
    expect(result.message).not.toMatch(/did not exit cleanly/);
    expect(result).toMatchObject({ verdict: 'passed', score: 1 });
    expect(result.tests.map((t) => t.name)).not.toContain('FuzzSeed');
  });
});
