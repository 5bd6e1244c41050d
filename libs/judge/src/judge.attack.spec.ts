import { existsSync } from 'node:fs';
import { judgeSubmission } from './judge';
import { runProgram } from './program';
import { counterFile, counterTask, openTestSandbox, processesMentioning } from './test-support';
import type { Sandbox } from './types';

/*
 * Second round of attacks on the judge (a security review): ways a submission earned more than its
 * code deserves, or learned what the hidden tests expect, before the fixes that came with them.
 * Real sandbox and toolchain, like judge.adversarial.spec.ts; every job leaves nothing behind.
 */

let sandbox: Sandbox;
// Empty until the sandbox opens, so a failed beforeAll reports its own error and not a second one here.
let workDirs: string[] = [];

beforeAll(async () => {
  ({ sandbox, workDirs } = await openTestSandbox());
}, 900_000);

afterAll(async () => {
  await sandbox?.close();
});

afterEach(() => {
  for (const dir of workDirs) {
    expect(existsSync(dir)).toBe(false);
    expect(processesMentioning(dir)).toEqual([]);
  }
});

const solution = counterFile('solution');
const starter = counterFile('starter');

/** A one-file hidden test suite for the counter package. */
const hiddenSuite = (body: string, imports: string[] = ['testing']): Record<string, string> => ({
  'hidden_test.go': `package counter\n\nimport (\n${imports.map((path) => `\t"${path}"`).join('\n')}\n)\n\n${body}\n`,
});

const withImports = (source: string, imports: string[]): string =>
  source.replace(/import \(\n[\s\S]*?\n\)/, `import (\n${imports.map((path) => `\t"${path}"`).join('\n')}\n)`);

describe('judge attacks: faking a pass', () => {
  it('does not count a test the submission skipped through the *testing.T it was handed', async () => {
    // A task whose tests hand t to the learner's code (a helper that reports through testing.TB,
    // here just an interface): the submission finds SkipNow on it and a skipped test "passed".
    const tests = hiddenSuite(
      [
        'func TestIncOnce(t *testing.T) {',
        '\tvar c Counter',
        '\tc.IncChecked(t)',
        '\tif got := c.Value(); got != 1 {',
        '\t\tt.Fatalf("Value() = %d, want 1", got)',
        '\t}',
        '}',
      ].join('\n'),
    );
    const task = counterTask({ hiddenTests: tests });
    const honest = `${solution}\nfunc (c *Counter) IncChecked(tb interface{ Helper() }) {\n\ttb.Helper()\n\tc.Inc()\n}\n`;
    expect(await judgeSubmission(task, { 'counter.go': honest }, 'hidden', sandbox)).toMatchObject({ verdict: 'passed', score: 1 });
    const cheat = `${starter}\nfunc (c *Counter) IncChecked(tb interface{ Helper() }) {\n\ttb.(interface{ SkipNow() }).SkipNow()\n}\n`;
    const result = await judgeSubmission(task, { 'counter.go': cheat }, 'hidden', sandbox);
    expect(result.verdict).toBe('failed');
    expect(result.score).toBe(0);
    expect(result.tests).toEqual([expect.objectContaining({ name: 'TestIncOnce', passed: false })]);
  });

  it('judges a test that calls t.Parallel() by its whole run, not by the moment it paused', async () => {
    const tests = hiddenSuite(
      [
        'func TestParallelInc(t *testing.T) {',
        '\tt.Parallel()',
        '\tvar c Counter',
        '\tc.Inc()',
        '\tif got := c.Value(); got != 1 {',
        '\t\tt.Fatalf("Value() = %d, want 1", got)',
        '\t}',
        '}',
        '',
        'func TestZero(t *testing.T) {',
        '\tvar c Counter',
        '\tif c.Value() != 0 {',
        '\t\tt.Fatal("not zero")',
        '\t}',
        '}',
      ].join('\n'),
    );
    const task = counterTask({ hiddenTests: tests });
    const broken = starter.replace('func (c *Counter) Inc() {\n\tc.n++\n}', 'func (c *Counter) Inc() {}');
    const [right, wrong] = await Promise.all([
      judgeSubmission(task, { 'counter.go': solution }, 'hidden', sandbox),
      judgeSubmission(task, { 'counter.go': broken }, 'hidden', sandbox),
    ]);
    expect(right).toMatchObject({ verdict: 'passed', score: 1 });
    expect(wrong.verdict).toBe('failed');
    expect(wrong.tests.find((test) => test.name === 'TestParallelInc')?.passed).toBe(false);
    expect(wrong.score).toBe(0.5);
  });

  it('does not give full marks to a data race that happens after the test body, while the leak check waits', async () => {
    // The goroutine outlives the body by a little, so goleak waits for it instead of reporting a
    // leak; its racy write lands after the body's own race check: only the outer test failed.
    const racy = withImports(solution, ['sync', 'time']).replace(
      'func (c *Counter) Inc() {\n\tc.mu.Lock()',
      'var (\n\tracyOnce sync.Once\n\tracy     int\n)\n\nfunc (c *Counter) Inc() {\n\tracyOnce.Do(func() {\n\t\tgo func() {\n\t\t\ttime.Sleep(300 * time.Millisecond)\n\t\t\tracy++\n\t\t}()\n\t\tracy++\n\t})\n\tc.mu.Lock()',
    );
    const result = await judgeSubmission(counterTask(), { 'counter.go': racy }, 'hidden', sandbox);
    expect(result.verdict).toBe('failed');
    expect(result.score).toBeLessThan(1);
    expect(result.tests.some((test) => !test.passed)).toBe(true);
    expect(result.message).toContain('Data race detected');
  });

  it("cannot shadow a predeclared identifier the harness uses (append rewriting the result records)", async () => {
    // Package-level declarations shadow the universe block for every file of the package: the
    // judge's harness and the tests too. An append of the submission's own saw every record the
    // harness wrote and turned "passed":false into true.
    const forger = [
      'func append[S ~[]E, E any](s S, more ...E) S {',
      '\tout := make(S, len(s)+len(more))',
      '\tcopy(out, s)',
      '\tcopy(out[len(s):], more)',
      '\tif b, ok := any(out).([]byte); ok {',
      '\t\tforged := []byte(strings.ReplaceAll(string(b), `"passed":false`, `"passed":true`))',
      '\t\treturn any(forged).(S)',
      '\t}',
      '\treturn out',
      '}',
    ].join('\n');
    const task = counterTask({ imports: ['sync', 'time', 'strings'] });
    const broken = withImports(starter, ['strings', 'time']).replace('func (c *Counter) Inc() {\n\tc.n++\n}', 'func (c *Counter) Inc() {}');
    const result = await judgeSubmission(task, { 'counter.go': `${broken}\n${forger}\n` }, 'hidden', sandbox);
    expect(result.verdict).toBe('rejected');
    expect(result.score).toBe(0);
    expect(result.message).toMatch(/append/);
    for (const name of ['nil', 'len', 'true', 'error']) {
      const shadow = await judgeSubmission(task, { 'counter.go': `${solution}\nvar ${name} = 1\n` }, 'hidden', sandbox);
      expect(shadow.verdict).toBe('rejected');
    }
  });

  it('fails a test whose body ends in runtime.Goexit called by the submission (task allowing runtime)', async () => {
    const task = counterTask({ imports: ['sync', 'time', 'runtime'] });
    const exiting = withImports(solution, ['runtime', 'sync', 'time']).replace('func (c *Counter) Inc() {\n', 'func (c *Counter) Inc() {\n\truntime.Goexit()\n');
    const result = await judgeSubmission(task, { 'counter.go': exiting }, 'hidden', sandbox);
    expect(result.verdict).toBe('failed');
    expect(result.tests.find((test) => test.name === 'TestConcurrentInc')?.passed).toBe(false);
    expect(result.score).toBeLessThan(1);
  });

  it('refuses a submission that declares TestMain (the judge harness owns it)', async () => {
    const result = await judgeSubmission(counterTask(), { 'counter.go': `${solution}\nfunc TestMain() {}\n` }, 'hidden', sandbox);
    expect(result.verdict).toBe('compile-error');
    expect(result.score).toBe(0);
  });
});

describe('judge attacks: reading the hidden tests', () => {
  it('does not quote hidden test code in the compile output of a hidden run', async () => {
    // A Value that returns a string makes the hidden comparisons type errors; Go quotes the
    // expression, so the compile output would carry the expected value (800) of a hidden test.
    const probe = solution.replace('func (c *Counter) Value() int {\n\tc.mu.Lock()\n\tdefer c.mu.Unlock()\n\treturn c.n\n}', 'func (c *Counter) Value() string {\n\treturn ""\n}');
    const result = await judgeSubmission(counterTask(), { 'counter.go': probe }, 'hidden', sandbox);
    expect(result.verdict).toBe('compile-error');
    expect(result.compileOutput).toContain('hidden tests');
    expect(result.compileOutput).not.toContain('800');
    expect(result.compileOutput).not.toContain('got');
    // The visible run still shows the full compiler message: those tests are the learner's to read.
    const visible = await judgeSubmission(counterTask(), { 'counter.go': probe }, 'visible', sandbox);
    expect(visible.verdict).toBe('compile-error');
    expect(visible.compileOutput).toMatch(/visible_test\.go:\d+:\d+: invalid operation: got != 0/);
  });
});

describe('runProgram attacks: the host', () => {
  const fast = { race: false, limits: { wallSeconds: 4, cpuSeconds: 4 } };

  it('inherits no descriptor of the judge process but its own stdin, stdout and stderr', async () => {
    // A pipe or socket the judge's process inherited without close-on-exec (from whatever started
    // it) would reach the program through setpriv and bwrap: a write end into a host process.
    const source = [
      'package main',
      '',
      'import (',
      '\t"fmt"',
      '\t"os"',
      '\t"strings"',
      ')',
      '',
      'func main() {',
      '\tentries, err := os.ReadDir("/proc/self/fd")',
      '\tif err != nil {',
      '\t\tpanic(err)',
      '\t}',
      '\tfor _, e := range entries {',
      '\t\ttarget, _ := os.Readlink("/proc/self/fd/" + e.Name())',
      '\t\tif len(e.Name()) > 1 || e.Name() > "2" {',
      '\t\t\tif strings.HasPrefix(target, "pipe:") || strings.HasPrefix(target, "socket:") || strings.HasPrefix(target, "/") && !strings.HasPrefix(target, "/proc/") {',
      '\t\t\t\tfmt.Println("inherited", e.Name(), target)',
      '\t\t\t}',
      '\t\t}',
      '\t}',
      '\tfmt.Println("checked", len(entries) >= 3)',
      '}',
    ].join('\n');
    const result = await runProgram(source, fast, sandbox);
    expect(result.stdout).toBe('checked true\n');
  });

  it('stops a constant-folding bomb in the compiler at the compile memory limit', async () => {
    // Thirty lines of source: each constant doubles the previous string, 256 MiB at the end.
    const consts = Array.from({ length: 24 }, (_, i) => `\ts${i + 1} = s${i} + s${i}`).join('\n');
    const source = `package main\n\nimport "fmt"\n\nconst (\n\ts0 = "0123456789abcdef"\n${consts}\n)\n\nvar big = s24\n\nfunc main() { fmt.Println(len(big)) }\n`;
    const result = await runProgram(source, fast, sandbox);
    expect(result.verdict).toBe('memory-limit');
  });

  it('sees only its own processes, cannot signal anything outside, and leaves no daemon behind', async () => {
    const marker = `daemon${process.pid}x${Date.now()}`;
    const source = [
      'package main',
      '',
      'import (',
      '\t"fmt"',
      '\t"os"',
      '\t"os/exec"',
      '\t"syscall"',
      ')',
      '',
      'func main() {',
      '\tentries, _ := os.ReadDir("/proc")',
      '\tpids := 0',
      '\tfor _, e := range entries {',
      '\t\tif e.Name()[0] >= \'0\' && e.Name()[0] <= \'9\' {',
      '\t\t\tpids++',
      '\t\t}',
      '\t}',
      '\tfmt.Println("pids", pids < 5)',
      `\tcmd := exec.Command("/bin/sh", "-c", "sleep 600 # ${marker}")`,
      '\tcmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}',
      '\tfmt.Println("daemon", cmd.Start() == nil)',
      '\t_, err := os.Stat("/sys/fs/cgroup")',
      '\tfmt.Println("cgroupfs hidden", err != nil)',
      '}',
    ].join('\n');
    const result = await runProgram(source, fast, sandbox);
    expect(result.stdout).toContain('pids true');
    expect(result.stdout).toContain('daemon true');
    expect(result.stdout).toContain('cgroupfs hidden true');
    expect(processesMentioning(marker)).toEqual([]);
  });
});
