import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findGo } from '../go/toolchain';
import type { QuestionVerifyResult, VerifyReport } from './types';
import { verifyBank } from './verify-bank';

/*
 * Runs the real Go toolchain over src/__fixtures__/verify-bank: for every check kind one question
 * that must pass and one that must fail for the stated reason. Without Go >= 1.22 these tests fail
 * (they do not skip): the verifier is only trustworthy where it was seen to work.
 */
jest.setTimeout(180_000);

// A private copy: other runs of this suite (other engineers, watch mode) may use the fixture at once.
const fixture = join(__dirname, '..', '__fixtures__', 'verify-bank');
let bankDir: string;

describe('verifyBank with the real Go toolchain', () => {
  let report: VerifyReport;
  const result = (id: string): QuestionVerifyResult => {
    const found = report.results.find((entry) => entry.id === id);
    if (!found) throw new Error(`no verify result for ${id}`);
    return found;
  };
  const reason = (id: string): string => result(id).checks.map((check) => check.reason).join('\n');

  beforeAll(async () => {
    try {
      await findGo();
    } catch (error) {
      throw new Error(`these tests need Go >= 1.22 on PATH or in GOROOT: ${(error as Error).message}`);
    }
    bankDir = mkdtempSync(join(tmpdir(), 'goprep-verify-bank-'));
    cpSync(fixture, bankDir, { recursive: true });
    report = await verifyBank(bankDir, { concurrency: 2 });
  });
  afterAll(() => {
    if (bankDir) rmSync(bankDir, { recursive: true, force: true });
  });

  it('should verify every fixture question and report the bank files clean', () => {
    expect(report.problems).toEqual([]);
    expect(report.results).toHaveLength(23);
    expect(report.passed + report.failed).toBe(23);
    expect(report.goVersion).toMatch(/^go1\.\d+/);
  });

  it.each([
    'ch-output-pass',
    'ch-output-multi',
    'ch-output-gomaxprocs',
    'ch-output-third-run',
    'gc-matches-pass',
    'mm-race-pass',
    'ch-deadlock-pass',
    'gl-leak-pass',
    'sync-compile-pass',
    'ctx-vet-pass',
    'esc-pass',
  ])('should pass %s', (id) => {
    expect({ id, passed: result(id).passed, reason: reason(id) }).toMatchObject({ id, passed: true });
  });

  it.each([
    ['ch-output-fail', 'a wrong output, showing expected vs actual', 'run 1/1: stdout "1 3\\n", expected "0 3\\n"'],
    ['ch-output-timeout', 'a program that outruns timeout_seconds', 'run 1/1: timed out after 1 s'],
    ['gc-matches-fail', 'stderr that does not match the regex', 'run 1/1: stderr does not match /^gc \\d+ @/'],
    ['mm-race-fail', 'a race that -race does not report', '-race reported no data race'],
    [
      'mm-race-missing-line',
      'a key that leaves out one of the racing accesses',
      'the key [9] is not the set of racing accesses: over 30 run(s) the race reports name main.go lines [9, 12] (innermost main.go frame of each access); missing from the key [12]',
    ],
    [
      'mm-race-call-sites',
      'a key naming the call sites instead of the racing access',
      'race reports name main.go lines [8] (innermost main.go frame of each access); missing from the key [8]; in the key but no reported access there [14, 17]',
    ],
    [
      'ch-deadlock-fail',
      'a deadlock on another line',
      'the key [4] is not where the goroutines are blocked: over 6 run(s) they are blocked at main.go lines [5]; missing from the key [5]; in the key but no goroutine blocked there [4]',
    ],
    [
      'ch-deadlock-partial',
      'a key that leaves out one blocked goroutine',
      'the key [10] is not where the goroutines are blocked: over 6 run(s) they are blocked at main.go lines [6, 10]; missing from the key [6]',
    ],
    ['gl-leak-fail', 'a leak that does not happen', 'blocked goroutines after main returned are at main.go lines [], expected [9]'],
    ['sync-compile-fail', 'a program that compiles', 'go build succeeded; expected a compile error containing "declared and not used"'],
    ['ctx-vet-fail', 'an analyzer vet does not report', 'go vet did not report copylocks; it reported nothing'],
    ['esc-fail', 'escapes on other lines', 'escape lines [7], expected [12] exactly (no escape on [12], unexpected escape on [7], escape on not_lines [7])'],
  ])('should fail %s: %s', (id, _scenario, expected) => {
    expect(result(id).passed).toBe(false);
    expect(reason(id)).toContain(expected);
  });

  it('should prove the fixed variant race-free and name the race lines', () => {
    expect(reason('mm-race-pass')).toMatch(
      /^\d+ of 30 run\(s\) reported races \(\d+ report\(s\)\); accesses on main\.go lines \[9, 12\]; fixed\/main\.go is race-free in 30 run\(s\)$/,
    );
  });

  it('should see both outputs of a nondeterministic program over GOMAXPROCS 1 and 4', () => {
    expect(reason('ch-output-multi')).toMatch(/20 run\(s\) printed an expected output \([12] of 2 allowed outputs seen\)/);
    expect(reason('ch-output-gomaxprocs')).toBe('20 run(s) printed an expected output (2 of 2 allowed outputs seen)');
  });

  it('should run a deadlock check several times and name every blocked goroutine', () => {
    expect(reason('ch-deadlock-pass')).toBe('6 run(s) deadlocked with goroutines blocked at main.go lines [6, 10]');
  });

  it('should count only synchronisation waits as leaks, not sleeping goroutines', () => {
    expect(reason('gl-leak-pass')).toBe('goroutines still blocked at main.go lines [12, 19]');
  });

  it('should clean up the leak harness folder inside the bank', () => {
    expect(existsSync(join(bankDir, '.verify-tmp'))).toBe(false);
  });

  it('should run every check again with --repeat and name the round a timing-dependent program failed in', async () => {
    const twice = await verifyBank(bankDir, { id: 'ch-output-third-run', repeat: 2, concurrency: 1 });
    expect(twice.results[0]).toMatchObject({ passed: true, checks: [{ passed: true, reason: 'round 2/2: 1 run(s) printed an expected output' }] });
    const four = await verifyBank(bankDir, { id: 'ch-output-third-run', repeat: 4, concurrency: 1 });
    expect(four.results[0]?.passed).toBe(false);
    expect(four.results[0]?.checks.map((check) => check.reason)).toEqual(['round 3/4: run 1/1: stdout "third run\\n", expected "ok\\n"']);
  });

  it('should verify one question by id', async () => {
    const single = await verifyBank(bankDir, { id: 'ch-output-pass', concurrency: 1 });
    expect(single.results.map((entry) => [entry.id, entry.passed])).toEqual([['ch-output-pass', true]]);
  });
});
