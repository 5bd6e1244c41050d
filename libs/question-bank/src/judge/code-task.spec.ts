import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main, type Io } from '../cli';
import { toQuestionFiles } from '../interchange/question-files';
import { formatProblem, lintBank } from '../lint/lint-bank';
import { loadBank } from '../parse/load-bank';
import { verifyBank } from '../verify/verify-bank';

const fixture = join(__dirname, '..', '__fixtures__', 'task-bank');
const taskDir = (bank: string, id = 'gl-counter-task') => join(bank, 'goroutine-leaks', id);

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

/** A scratch copy of the fixture bank to break one rule in. */
function withCopy(test: (bank: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const bank = mkdtempSync(join(tmpdir(), 'goprep-task-bank-'));
    try {
      cpSync(fixture, bank, { recursive: true });
      await test(bank);
    } finally {
      rmSync(bank, { recursive: true, force: true });
    }
  };
}

describe('code-task loading', () => {
  it('reads the task, its starter, solution, visible and hidden tests into the model', () => {
    const bank = loadBank(fixture);
    expect(bank.problems).toEqual([]);
    const question = bank.questions.find((q) => q.id === 'gl-counter-task');
    expect(question?.key).toEqual({ type: 'code-task', scoring: 'partial' });
    expect(question?.task).toMatchObject({
      package: 'counter',
      files: ['counter.go'],
      imports: ['sync', 'time'],
      checks: { race: true, leak: true, vet: true },
      limits: { timeSeconds: 20, memoryMb: 768 },
      starterFails: 'leak',
    });
    expect(Object.keys(question?.task?.visibleTests ?? {})).toEqual(['visible_test.go']);
    expect(Object.keys(question?.task?.hiddenTests ?? {})).toEqual(['hidden_test.go']);
    expect(question?.task?.solution['counter.go']).toContain('sync.Mutex');
    expect(question?.task?.starter['counter.go']).toContain('time.Tick');
  });

  it(
    'changes the content hash when a hidden test changes',
    withCopy(async (bank) => {
      const before = loadBank(bank).questions.find((q) => q.id === 'gl-counter-task')?.contentHash;
      const hidden = join(taskDir(bank), 'tests', 'hidden_test.go');
      writeFileSync(hidden, `${readFileSync(hidden, 'utf8')}\nfunc TestMore(t *testing.T) {}\n`);
      expect(loadBank(bank).questions.find((q) => q.id === 'gl-counter-task')?.contentHash).not.toBe(before);
    }),
  );

  it(
    'keeps a task without hidden tests out of the bank',
    withCopy(async (bank) => {
      unlinkSync(join(taskDir(bank), 'tests', 'hidden_test.go'));
      const loaded = loadBank(bank);
      expect(loaded.questions.map((q) => q.id)).toEqual(['gl-counter-wrong-reason']);
      expect(loaded.problems.map((p) => p.message)).toEqual([expect.stringContaining('code task without hidden tests')]);
    }),
  );
});

describe('code-task files', () => {
  it('writes a task back as the same files (round trip through toQuestionFiles)', () => {
    const question = loadBank(fixture).questions.find((q) => q.id === 'gl-counter-task');
    if (question === undefined) throw new Error('fixture missing');
    const files = toQuestionFiles(question);
    const bank = mkdtempSync(join(tmpdir(), 'goprep-task-roundtrip-'));
    try {
      cpSync(join(fixture, 'goroutine-leaks', '_topic.md'), join(bank, 'goroutine-leaks', '_topic.md'), { recursive: true });
      writeFileSync(join(bank, 'goroutine-leaks', 'gl-counter-task.md'), files.markdown);
      for (const [relative, content] of Object.entries(files.taskFiles ?? {})) {
        mkdirSync(dirname(join(bank, 'goroutine-leaks', 'gl-counter-task', relative)), { recursive: true });
        writeFileSync(join(bank, 'goroutine-leaks', 'gl-counter-task', relative), content);
      }
      const again = loadBank(bank);
      expect(again.problems).toEqual([]);
      expect(again.questions[0]?.contentHash).toBe(question.contentHash);
    } finally {
      rmSync(bank, { recursive: true, force: true });
    }
  });
});

describe('code-task lint', () => {
  it('finds nothing wrong with the fixture tasks', async () => {
    expect((await lintBank(fixture)).problems).toEqual([]);
  });

  it(
    'reports an unsafe allow-list and a starter_fails reason the checks cannot show',
    withCopy(async (bank) => {
      const md = join(bank, 'goroutine-leaks', 'gl-counter-task.md');
      writeFileSync(
        md,
        readFileSync(md, 'utf8')
          .replace('imports: [sync, time]', 'imports: [sync, time, os]')
          .replace('checks: { race: true, leak: true, vet: true }', 'checks: { race: true, leak: false, vet: true }'),
      );
      const problems = (await lintBank(bank)).problems.map(formatProblem).join('\n');
      expect(problems).toContain('a submission may never import os');
      expect(problems).toContain('starter_fails: leak needs checks.leak: true');
    }),
  );

  it(
    'reports the folder problems of a task that loads',
    withCopy(async (bank) => {
      const dir = taskDir(bank);
      writeFileSync(join(dir, 'starter', 'extra.go'), 'package counter\n');
      writeFileSync(
        join(dir, 'tests', 'visible_test.go'),
        'package wrong\n\nimport (\n\t"testing"\n\n\t"github.com/x/y"\n)\n\nfunc TestConcurrentInc(t *testing.T) {}\n\nfunc TestMain(m *testing.M) {}\n',
      );
      writeFileSync(join(dir, 'tests', 'notes_test.go'), 'package counter\n');
      writeFileSync(join(dir, 'go.mod'), 'module example.com/x\n\ngo 1.26\n');
      const text = (await lintBank(bank)).problems.map(formatProblem).join('\n');
      expect(text).toContain("starter/ holds exactly the task's files (counter.go); extra.go is not one of them");
      expect(text).toContain('package wrong, expected package counter');
      expect(text).toContain('test TestConcurrentInc is also defined in hidden_test.go');
      expect(text).toContain("TestMain is the judge's");
      expect(text).toContain('not github.com/x/y');
      expect(text).toContain('tests/ holds visible_test.go and hidden*_test.go only');
      expect(text).toContain('the module must be goprep.dev/task/gl-counter-task');
    }),
  );
});

describe('code-task CLI and verify (real sandbox)', () => {
  it('judges the reference solution and the starter with --json, one object each', async () => {
    const io = capture();
    expect(await main(['judge', 'gl-counter-task', '--bank', fixture, '--json'], io)).toBe(0);
    const [solution, starter] = io.stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(Object.keys(solution ?? {})).toEqual(['verdict', 'score', 'tests', 'message']);
    expect(solution).toMatchObject({ verdict: 'passed', score: 1 });
    expect(starter).toMatchObject({ verdict: 'failed', score: 0.5 });
    expect(starter?.['tests']).toEqual([
      { name: 'TestValueStartsAtZeroHidden', passed: true },
      { name: 'TestConcurrentInc', passed: false },
      { name: 'TestReportStops', passed: false },
      { name: 'TestAllocsInc', passed: true },
    ]);
  }, 300_000);

  it(
    'writes the starter and judges a submission file',
    withCopy(async (bank) => {
      const out = join(bank, 'out');
      const io = capture();
      expect(await main(['starter', 'gl-counter-task', '--bank', bank, '--out', out], io)).toBe(0);
      expect(readFileSync(join(out, 'counter.go'), 'utf8')).toBe(readFileSync(join(taskDir(bank), 'starter', 'counter.go'), 'utf8'));
      const judged = capture();
      expect(await main(['judge', 'gl-counter-task', '--bank', bank, '--submission', join(out, 'counter.go'), '--mode', 'visible', '--json'], judged)).toBe(0);
      expect(judged.stdout.map((line) => JSON.parse(line) as unknown)).toEqual([
        { verdict: 'passed', score: 1, tests: [{ name: 'TestValueStartsAtZero', passed: true }], message: '1/1 visible tests passed.' },
      ]);
    }),
    300_000,
  );

  it('verify proves the solution passes and the starter fails for the stated reason, and fails a task whose starter fails otherwise', async () => {
    const report = await verifyBank(fixture);
    const byId = new Map(report.results.map((result) => [result.id, result]));
    expect(byId.get('gl-counter-task')?.passed).toBe(true);
    const wrong = byId.get('gl-counter-wrong-reason');
    expect(wrong?.passed).toBe(false);
    expect(wrong?.checks.find((check) => check.kind === 'solution')?.passed).toBe(true);
    expect(wrong?.checks.find((check) => check.kind === 'starter')?.reason).toContain('starter_fails: timeout, but expected a time limit, got failed');
    expect(report.failed).toBe(1);
  }, 600_000);
});
