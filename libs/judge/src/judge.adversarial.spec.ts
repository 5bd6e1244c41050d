import { existsSync, readdirSync } from 'node:fs';
import { judgeSubmission } from './judge';
import { runProgram } from './program';
import { counterFile, counterTask, openTestSandbox, processesMentioning } from './test-support';
import type { Sandbox } from './types';

/*
 * Hostile submissions against the real sandbox (bubblewrap, cgroups, uid 65534) and the real Go
 * toolchain. Each must end with a non-passing verdict and leave no process and no work dir behind.
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
    // Every job's processes are gone: nothing still runs from a work dir of this suite.
    expect(processesMentioning(dir)).toEqual([]);
  }
});

const task = counterTask();
const starter = counterFile('starter');
const solution = counterFile('solution');

/** The starter with more imports and declarations (still one file, package counter). */
function starterWith(imports: string[], extra: string): Record<string, string> {
  const source = starter.replace('import (\n\t"time"\n)', `import (\n${['time', ...imports].map((path) => `\t"${path}"`).join('\n')}\n)`);
  return { 'counter.go': `${source}\n${extra}\n` };
}

/** The solution with Inc replaced by `body` (allowed imports only: sync, time, fmt). */
function solutionWithInc(body: string, imports: string[] = []): Record<string, string> {
  const source = solution
    .replace('import (\n\t"sync"\n\t"time"\n)', `import (\n${['sync', 'time', ...imports].map((path) => `\t"${path}"`).join('\n')}\n)`)
    .replace('func (c *Counter) Inc() {\n\tc.mu.Lock()', `func (c *Counter) Inc() {\n${body}\n\tc.mu.Lock()`);
  return { 'counter.go': source };
}

describe('judge: a test counts only from the harness record of the test binary', () => {
  it('passes the reference solution (the baseline the attacks are measured against)', async () => {
    const result = await judgeSubmission(task, { 'counter.go': solution }, 'hidden', sandbox);
    expect(result).toMatchObject({ verdict: 'passed', score: 1 });
    expect(result.tests.map((test) => test.passed)).toEqual([true, true, true, true]);
  });

  it('ignores forged PASS lines and forged result records printed by a package-level initializer', async () => {
    const lines = [
      '=== RUN   TestConcurrentInc',
      '--- PASS: TestConcurrentInc (0.00s)',
      '--- PASS: TestReportStops (0.00s)',
      '{"name":"TestConcurrentInc","passed":true}',
      '{"name":"TestReportStops","passed":true}',
      '{"done":true,"code":0}',
      'PASS',
      'ok  \tgoprep.dev/submission\t0.01s',
    ];
    const forge = `var forged = func() int {\n${lines.map((line) => `\tfmt.Println(${JSON.stringify(line)})`).join('\n')}\n\treturn 0\n}()`;
    const result = await judgeSubmission(task, starterWith(['fmt'], forge), 'hidden', sandbox);
    expect(result.verdict).toBe('failed');
    expect(result.tests.find((test) => test.name === 'TestConcurrentInc')?.passed).toBe(false);
    expect(result.tests.find((test) => test.name === 'TestReportStops')?.passed).toBe(false);
    expect(result.score).toBe(0.5);
  });

  it("cannot empty a hidden test's table by assigning to it from package code", async () => {
    const table = [
      'package counter',
      '',
      'import "testing"',
      '',
      'var cases = []int{1, 5, 10}',
      '',
      'func TestCounts(t *testing.T) {',
      '\tfor _, n := range cases {',
      '\t\tvar c Counter',
      '\t\tfor i := 0; i < n; i++ {',
      '\t\t\tc.Inc()',
      '\t\t}',
      '\t\tif c.Value() != n {',
      '\t\t\tt.Fatalf("got %d, want %d", c.Value(), n)',
      '\t\t}',
      '\t}',
      '}',
      '',
    ].join('\n');
    const broken = starter.replace('func (c *Counter) Inc() {\n\tc.n++\n}', 'func (c *Counter) Inc() {}');
    const tableTask = counterTask({ hiddenTests: { 'hidden_test.go': table } });
    expect((await judgeSubmission(tableTask, { 'counter.go': broken }, 'hidden', sandbox)).verdict).toBe('failed');
    const attack = await judgeSubmission(tableTask, { 'counter.go': `${broken}\nvar _ = func() int {\n\tcases = nil\n\treturn 0\n}()\n` }, 'hidden', sandbox);
    expect(attack.verdict).toBe('compile-error');
    expect(attack.compileOutput).toContain('undefined: cases');
  });

  it('counts a panicking initializer as failing every test', async () => {
    const result = await judgeSubmission(task, starterWith(['fmt'], 'var boom = func() int { fmt.Println("--- PASS: TestConcurrentInc"); panic("bye") }()'), 'hidden', sandbox);
    expect(result.verdict).toBe('failed');
    expect(result.score).toBe(0);
  });
});

describe('judge: static checks reject before compiling', () => {
  it.each([
    ['os.Exit in init', ['fmt', 'os'], 'func init() {\n\tfmt.Println("--- PASS: TestConcurrentInc")\n\tos.Exit(0)\n}', /init functions are not allowed[\s\S]*|import "os" is not allowed/],
    ['a linkname directive', [], '//go:linkname nanotime runtime.nanotime\nfunc nanotime() int64', /directive "\/\/go:linkname" is not allowed/],
    ['cgo', ['C'], '', /cgo \(import "C"\) is not allowed/],
    ['a network dial', ['net'], 'var conn, _ = net.Dial("tcp", "example.com:80")', /import "net" is not allowed/],
    ['reading /etc/passwd', ['os'], 'var passwd, _ = os.ReadFile("/etc/passwd")', /import "os" is not allowed/],
    ['reading the environment', ['syscall'], 'var env = syscall.Environ()', /import "syscall" is not allowed/],
    ['a fork bomb through os/exec', ['os/exec'], 'var _ = exec.Command("/bin/sh", "-c", ":(){ :|:& };:").Start()', /import "os\/exec" is not allowed/],
    ['unsafe', ['unsafe'], 'var size = unsafe.Sizeof(0)', /import "unsafe" is not allowed/],
    ['a build constraint that drops the file', [], '', /directive "\/\/go:build" is not allowed/],
  ])('rejects %s', async (name, imports, extra, message) => {
    let files = starterWith(imports, extra);
    if (name.startsWith('a build constraint')) files = { 'counter.go': `//go:build ignore\n\n${starter}` };
    if (name === 'cgo') files = { 'counter.go': starter.replace('import (\n\t"time"\n)', 'import (\n\t"time"\n)\n\n// #include <stdlib.h>\nimport "C"') };
    const result = await judgeSubmission(task, files, 'hidden', sandbox);
    expect(result.verdict).toBe('rejected');
    expect(result.score).toBe(0);
    expect(result.tests).toEqual([]);
    expect(result.message).toMatch(message);
  });

  it('rejects a submission too large to parse cheaply', async () => {
    const result = await judgeSubmission(task, { 'counter.go': `${solution}\n// ${'x'.repeat(600 * 1024)}\n` }, 'hidden', sandbox);
    expect(result.verdict).toBe('rejected');
    expect(result.message).toContain('more than the 524288 allowed');
  });

  it('rejects test files and files the task does not declare', async () => {
    const result = await judgeSubmission(task, { 'counter.go': solution, 'counter_test.go': 'package counter\n', 'extra.go': 'package counter\n' }, 'hidden', sandbox);
    expect(result.verdict).toBe('rejected');
    expect(result.message).toContain('test files are not accepted (counter_test.go)');
    expect(result.message).toContain('file extra.go is not one of the task');
  });

  it('reports a submission that does not compile as compile-error, without the hidden test source', async () => {
    const result = await judgeSubmission(task, { 'counter.go': 'package counter\n\ntype Counter struct{}\n' }, 'hidden', sandbox);
    expect(result.verdict).toBe('compile-error');
    expect(result.compileOutput).toContain('Inc');
    expect(result.compileOutput).not.toContain('hidden_test.go');
  });
});

describe('judge: limits stop code that runs inside the tests', () => {
  it('stops an endless loop (time-limit)', async () => {
    const result = await judgeSubmission(task, solutionWithInc('\tfor {\n\t}'), 'hidden', sandbox);
    expect(result.verdict).toBe('time-limit');
    expect(result.score).toBe(0);
  });

  it('stops code that sleeps forever (time-limit)', async () => {
    const result = await judgeSubmission(task, solutionWithInc('\ttime.Sleep(time.Hour)'), 'hidden', sandbox);
    expect(result.verdict).toBe('time-limit');
  });

  it('stops endless output (output-limit)', async () => {
    const result = await judgeSubmission(task, solutionWithInc('\tfor {\n\t\tfmt.Println("spam spam spam spam spam spam spam spam")\n\t}', ['fmt']), 'hidden', sandbox);
    expect(result.verdict).toBe('output-limit');
    expect(result.limitKilled).toBe('output');
  });

  it('stops a memory bomb (memory-limit)', async () => {
    const bomb = '\tvar keep [][]byte\n\tfor {\n\t\tb := make([]byte, 64<<20)\n\t\tfor i := range b {\n\t\t\tb[i] = 1\n\t\t}\n\t\tkeep = append(keep, b)\n\t}';
    const result = await judgeSubmission(task, solutionWithInc(bomb), 'hidden', sandbox);
    expect(result.verdict).toBe('memory-limit');
    expect(result.limitKilled).toBe('memory');
  });
});

describe('runProgram: the sandbox holds where static checks are loose', () => {
  const fast = { race: false, limits: { wallSeconds: 4, cpuSeconds: 4 } };
  const program = (imports: string[], body: string): string =>
    `package main\n\nimport (\n${imports.map((path) => `\t"${path}"`).join('\n')}\n)\n\nfunc main() {\n${body}\n}\n`;

  it('runs an ordinary program', async () => {
    const result = await runProgram(program(['fmt'], '\tfmt.Println("hello")'), fast, sandbox);
    expect(result).toMatchObject({ verdict: 'passed', exitCode: 0, stdout: 'hello\n' });
  });

  it('runs a program with -race and shows the race report', async () => {
    const body = '\tn := 0\n\tdone := make(chan bool)\n\tgo func() {\n\t\tn++\n\t\tdone <- true\n\t}()\n\tn++\n\t<-done\n\tfmt.Println(n)';
    const result = await runProgram(program(['fmt'], body), { ...fast, race: true }, sandbox);
    expect(result.verdict).toBe('failed');
    expect(result.exitCode).toBe(66);
    expect(result.stderr).toContain('WARNING: DATA RACE');
    expect(result.stderr).toMatch(/main\.go:\d+/);
    expect(result.stderr).not.toContain('/work/src/');
  });

  it('sees no host files and no host environment', async () => {
    process.env['GOPREP_JUDGE_TEST_SECRET'] = 'do-not-leak';
    const body = [
      '\t_, err := os.ReadFile("/etc/passwd")',
      '\tfmt.Println("passwd:", err != nil)',
      '\t_, err = os.ReadDir("/root")',
      '\tfmt.Println("root:", err != nil)',
      '\tfmt.Println(strings.Join(os.Environ(), " "))',
    ].join('\n');
    const result = await runProgram(program(['fmt', 'os', 'strings'], body), fast, sandbox);
    delete process.env['GOPREP_JUDGE_TEST_SECRET'];
    expect(result.stdout).toContain('passwd: true');
    expect(result.stdout).toContain('root: true');
    expect(result.stdout).not.toContain('do-not-leak');
  });

  it('has no network', async () => {
    const body = '\t_, err := net.DialTimeout("tcp", "1.1.1.1:80", 2*time.Second)\n\tif err != nil {\n\t\tfmt.Println("dial failed:", err)\n\t\tos.Exit(3)\n\t}';
    const result = await runProgram(program(['fmt', 'net', 'os', 'time'], body), fast, sandbox);
    expect(result.verdict).toBe('failed');
    expect(result.stdout).toMatch(/dial failed: .*network is unreachable/);
  });

  it('cannot write anywhere but its private /tmp', async () => {
    const marker = `goprep-escape-${process.pid}-${Date.now()}`;
    const body = ['/work/src', '/work', '/usr', '/', '/gomod']
      .map((dir) => `\tif os.WriteFile("${dir}/${marker}", []byte("x"), 0o644) == nil {\n\t\tfmt.Println("wrote ${dir}")\n\t}`)
      .join('\n');
    const tmp = `\tif os.WriteFile("/tmp/${marker}", []byte("x"), 0o644) == nil {\n\t\tfmt.Println("wrote /tmp")\n\t}`;
    const result = await runProgram(program(['fmt', 'os'], `${body}\n${tmp}\n\tos.Exit(1)`), fast, sandbox);
    expect(result.stdout).toBe('wrote /tmp\n');
    expect(result.verdict).toBe('failed');
    for (const dir of ['/usr', '/', '/tmp', sandbox.dataDir]) expect(existsSync(`${dir}/${marker}`)).toBe(false);
  });

  it('holds a fork bomb through /bin/sh (process limit, then the time limit) and leaves no process', async () => {
    const marker = `forkbomb${process.pid}x${Date.now()}`;
    const body = `\tcmd := exec.Command("/bin/sh", "-c", "b() { b | b & }; b # ${marker}")\n\t_ = cmd.Run()\n\ttime.Sleep(time.Hour)`;
    const result = await runProgram(program(['os/exec', 'time'], body), fast, sandbox);
    expect(result.verdict).not.toBe('passed');
    expect(processesMentioning(marker)).toEqual([]);
  });

  it('stops a memory bomb', async () => {
    const body = '\tvar keep [][]byte\n\tfor {\n\t\tb := make([]byte, 64<<20)\n\t\tfor i := range b {\n\t\t\tb[i] = 1\n\t\t}\n\t\tkeep = append(keep, b)\n\t}';
    const result = await runProgram(program([], body), fast, sandbox);
    expect(result.verdict).toBe('memory-limit');
  });

  it('stops an endless loop', async () => {
    const result = await runProgram(program([], '\tfor {\n\t}'), fast, sandbox);
    expect(result.verdict).toBe('time-limit');
  });

  it('stops a program that sleeps forever', async () => {
    const result = await runProgram(program(['time'], '\ttime.Sleep(time.Hour)'), fast, sandbox);
    expect(result.verdict).toBe('time-limit');
  });

  it('stops endless output', async () => {
    const result = await runProgram(program(['fmt'], '\tfor {\n\t\tfmt.Println("spam spam spam spam spam spam spam spam")\n\t}'), fast, sandbox);
    expect(result.verdict).toBe('output-limit');
    expect(result.stdout.length).toBeLessThanOrEqual(1024 * 1024);
  });

  it('stops a huge file at the file-size limit', async () => {
    const body = '\tf, _ := os.Create("/tmp/huge")\n\tchunk := make([]byte, 1<<20)\n\tfor {\n\t\tif _, err := f.Write(chunk); err != nil {\n\t\t\tos.Exit(1)\n\t\t}\n\t}';
    const result = await runProgram(program(['os'], body), fast, sandbox);
    expect(result.verdict).not.toBe('passed');
  });

  it('bounds very many files (they live in a private tmpfs that dies with the job)', async () => {
    const body = '\tfor i := 0; ; i++ {\n\t\tif err := os.WriteFile(fmt.Sprintf("/tmp/f%d", i), []byte("x"), 0o644); err != nil {\n\t\t\tfmt.Println(i, err)\n\t\t\tos.Exit(1)\n\t\t}\n\t}';
    const result = await runProgram(program(['fmt', 'os'], body), fast, sandbox);
    expect(result.verdict).not.toBe('passed');
  });

  it('rejects cgo and linkname before building', async () => {
    const cgo = await runProgram('package main\n\n// #include <stdlib.h>\nimport "C"\n\nfunc main() {}\n', fast, sandbox);
    expect(cgo.verdict).toBe('rejected');
    const linkname = await runProgram('package main\n\nimport _ "unsafe"\n\n//go:linkname nanotime runtime.nanotime\nfunc nanotime() int64\n\nfunc main() {}\n', fast, sandbox);
    expect(linkname.verdict).toBe('rejected');
  });
});

describe('cgroups', () => {
  it('removes every job group it created', () => {
    const leftovers = ['/sys/fs/cgroup/pids/goprep-judge'].flatMap((dir) => (existsSync(dir) ? readdirSync(dir).filter((name) => /^[0-9a-f]{16}$/.test(name)) : []));
    // Other processes may judge at the same time; this suite's own groups are gone once it is idle.
    expect(leftovers.length).toBeLessThanOrEqual(4);
  });
});
