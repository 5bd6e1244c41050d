import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractRaceReports, splitTestOutput, stripWorkPaths, submissionLines } from './reports';
import { callTool, type CheckAnswer, type HarnessAnswer } from './tool';

let dir: string;
let tool: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'goprep-judge-tool-'));
  tool = join(dir, 'judge-tool');
  const build = spawnSync('/usr/local/go/bin/go', ['build', '-o', tool, '.'], {
    cwd: resolve(__dirname, '..', 'go', 'tool'),
    env: { ...process.env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
    encoding: 'utf8',
  });
  expect(build.stderr).toBe('');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (sources: Record<string, string>, mode: 'task' | 'program' = 'task', imports = ['sync', 'fmt']) =>
  callTool<CheckAnswer>(tool, 'check', { mode, package: mode === 'task' ? 'cache' : 'main', files: ['cache.go'], imports, sources });

describe('judge-tool check', () => {
  it('accepts a clean submission', async () => {
    expect(await check({ 'cache.go': 'package cache\n\nimport "sync"\n\nvar mu sync.Mutex\n' })).toEqual({ syntaxErrors: [], problems: [] });
  });

  it('names the line of each problem', async () => {
    const answer = await check({ 'cache.go': 'package cache\n\nimport (\n\t"fmt"\n\t"os"\n)\n\n//go:noinline\nfunc init() { fmt.Println(os.Args) }\n' });
    expect(answer.problems).toEqual([
      { file: 'cache.go', line: 8, message: 'compiler directive "//go:noinline" is not allowed' },
      { file: 'cache.go', line: 5, message: 'import "os" is not allowed in this task (allowed: sync, fmt)' },
      { file: 'cache.go', line: 9, message: 'init functions are not allowed' },
    ]);
  });

  it('refuses a denied import even when the allow-list names it', async () => {
    const answer = await check({ 'cache.go': 'package cache\n\nimport "reflect"\n\nvar _ = reflect.TypeOf\n' }, 'task', ['reflect']);
    expect(answer.problems.map((p) => p.message)).toEqual(['import "reflect" is not allowed in this task (allowed: reflect)']);
  });

  it('reports syntax errors separately, as a compile error', async () => {
    const answer = await check({ 'cache.go': 'package cache\n\nfunc {\n' });
    expect(answer.problems).toEqual([]);
    expect(answer.syntaxErrors.length).toBeGreaterThan(0);
  });

  it('lets playground programs use any import and //go:noinline, but not linkname or cgo', async () => {
    expect((await check({ 'main.go': 'package main\n\nimport "os"\n\n//go:noinline\nfunc f() {}\n\nfunc main() { f(); os.Exit(0) }\n' }, 'program')).problems).toEqual([]);
    const answer = await check({ 'main.go': 'package main\n\nimport "C"\n\n//go:linkname f runtime.f\nfunc f()\n\nfunc main() {}\n' }, 'program');
    expect(answer.problems.map((p) => p.message)).toEqual(['compiler directive "//go:linkname" is not allowed', 'cgo (import "C") is not allowed']);
  });
});

describe('judge-tool harness', () => {
  const tests = {
    'a_test.go': 'package cache\n\nimport "testing"\n\nfunc TestOne(t *testing.T) {\n\tt.Log("one")\n}\n\nfunc helper(t *testing.T) {}\n',
    'b_test.go': 'package cache\n\nimport tt "testing"\n\nfunc TestTwo(x *tt.T) { x.Fail() }\n',
  };

  it('wraps every test body on the lines it was on and lists the tests', async () => {
    const answer = await callTool<HarnessAnswer>(tool, 'harness', { package: 'cache', nonce: 'abc123', leak: true, tests });
    expect(answer.problems).toEqual([]);
    expect(answer.tests).toEqual(['TestOne', 'TestTwo']);
    expect(answer.imports).toEqual(['testing']);
    expect(answer.files['a_test.go']?.split('\n')).toEqual([
      'package cache',
      '',
      'import "testing"',
      '',
      'func TestOne(t *testing.T) { goprepabc123Run(t, func(t *testing.T) {',
      '\tt.Log("one")',
      '})}',
      '',
      'func helper_goprepabc123(t *testing.T) {}',
      '',
    ]);
    expect(answer.files['b_test.go']).toContain('func TestTwo(x *tt.T) { goprepabc123Run(x, func(x *tt.T) { x.Fail() })}');
    const harness = answer.files['goprep_harness_abc123_test.go'] ?? '';
    expect(harness).toContain('goprepabc123goleak.Find(ignore)');
    expect(harness).toContain('goprepabc123os.NewFile(3, "results")');
  });

  it('renames what the test files declare at top level, and only that', async () => {
    const source = [
      'package cache',
      '',
      'import "testing"',
      '',
      'type pair struct{ in, want int }',
      '',
      'var cases = []pair{{in: 1, want: 2}}',
      '',
      'func (p pair) cases() int { return p.in }',
      '',
      'func TestTable(t *testing.T) {',
      '	for _, c := range cases {',
      '		if Double(c.in) != c.want || c.cases() != c.in {',
      '			t.Fail()',
      '		}',
      '	}',
      '}',
      '',
    ].join('\n');
    const answer = await callTool<HarnessAnswer>(tool, 'harness', { package: 'cache', nonce: 'n2', leak: false, tests: { 'h_test.go': source } });
    const out = answer.files['h_test.go']?.split('\n') ?? [];
    expect(out[4]).toBe('type pair_goprepn2 struct{ in, want int }');
    expect(out[6]).toBe('var cases_goprepn2 = []pair_goprepn2{{in: 1, want: 2}}');
    expect(out[8]).toBe('func (p pair_goprepn2) cases() int { return p.in }');
    expect(out[11]).toBe('\tfor _, c := range cases_goprepn2 {');
    expect(out[12]).toBe('\t\tif Double(c.in) != c.want || c.cases() != c.in {');
    expect(out).toHaveLength(source.split('\n').length);
  });

  it('refuses tests that define TestMain or repeat a name', async () => {
    const answer = await callTool<HarnessAnswer>(tool, 'harness', {
      package: 'cache',
      nonce: 'n1',
      leak: false,
      tests: { 'a_test.go': tests['a_test.go'], 'c_test.go': 'package cache\n\nimport "testing"\n\nfunc TestOne(t *testing.T) {}\n\nfunc TestMain(m *testing.M) {}\n' },
    });
    expect(answer.problems.map((p) => p.message)).toEqual(['task tests must not define TestMain (the judge provides it)', 'duplicate test name TestOne']);
  });
});

describe('reports', () => {
  const race = [
    'noise',
    '==================',
    'WARNING: DATA RACE',
    'Write at 0x00c000012345 by goroutine 7:',
    '  goprep.dev/submission.(*Cache).Put()',
    '      /work/src/cache.go:14 +0x44',
    '  goprep.dev/submission.TestPut.func1()',
    '      /work/src/hidden_test.go:20 +0x30',
    '==================',
    'more noise',
  ].join('\n');

  it('cuts race blocks out of the output, without work-dir paths', () => {
    const [report, ...rest] = extractRaceReports(race);
    expect(rest).toEqual([]);
    expect(report?.split('\n')[0]).toBe('WARNING: DATA RACE');
    expect(report).toContain('      cache.go:14 +0x44');
    expect(report).not.toContain('/work/src');
    expect(report).not.toContain('noise');
  });

  it("lists the submission's own lines only", () => {
    expect(submissionLines(stripWorkPaths(race), ['cache.go'])).toEqual(['cache.go:14']);
  });

  it('splits a -test.v log by top-level test', () => {
    const log = '=== RUN   TestA\n=== RUN   TestA/body\n    a_test.go:3: hello\n--- FAIL: TestA (0.00s)\n=== RUN   TestB\n--- PASS: TestB (0.00s)\n';
    const byTest = splitTestOutput(log);
    expect([...byTest.keys()]).toEqual(['TestA', 'TestB']);
    expect(byTest.get('TestA')).toContain('hello');
    expect(byTest.get('TestB')).not.toContain('hello');
  });
});
