import { join } from 'node:path';
import { QUESTION_TYPES } from '../model';
import { loadBank } from './load-bank';
import { defaultBankDir, findRepoRoot } from './paths';

const fixtures = join(__dirname, '..', '__fixtures__');
const valid = join(fixtures, 'valid-bank');
const broken = join(fixtures, 'broken-bank');

describe('loadBank', () => {
  it('should load one question of every type and no problems from the valid bank (code tasks: the task bank)', () => {
    const bank = loadBank(valid);
    const tasks = loadBank(join(fixtures, 'task-bank'));
    expect(bank.problems).toEqual([]);
    expect(tasks.problems).toEqual([]);
    expect(new Set(bank.questions.map((question) => question.type))).toEqual(new Set(QUESTION_TYPES.filter((type) => type !== 'code-task')));
    expect(new Set(tasks.questions.map((question) => question.type))).toEqual(new Set(['code-task']));
    expect(bank.topics).toEqual([
      { id: 'channels', title: 'Channels', core: false, description: 'A fixture topic for the tests. It holds a few questions.' },
      { id: 'memory-model', title: 'Memory Model', core: true, description: 'A fixture topic for the tests. It holds a few questions.' },
    ]);
  });

  it('should exclude drafts unless asked', () => {
    expect(loadBank(valid).questions.map((question) => question.id)).not.toContain('ch-draft');
    const withDrafts = loadBank(valid, { includeDrafts: true });
    expect(withDrafts.questions.find((question) => question.id === 'ch-draft')?.draft).toBe(true);
  });

  it('should filter by topic and by id', () => {
    expect(loadBank(valid, { topic: 'memory-model' }).questions.map((question) => question.id)).toEqual(['mm-single']);
    expect(loadBank(valid, { id: 'ch-numeric' }).questions.map((question) => question.id)).toEqual(['ch-numeric']);
  });

  it('should map the front matter to the camelCase model with its key', () => {
    const questions = new Map(loadBank(valid).questions.map((question) => [question.id, question]));
    expect(questions.get('ch-single')).toMatchObject({
      goVersion: '1.26',
      expectedSeconds: 60,
      sourcePath: 'libs/question-bank/src/__fixtures__/valid-bank/channels/ch-single.md',
      key: { type: 'single', correct: 'a' },
      options: [{ id: 'a', text: 'It blocks forever', correct: true, feedback: 'A nil channel never becomes ready.' }, { id: 'b', text: 'It panics', correct: false }],
      verify: [],
    });
    expect(questions.get('ch-multi')?.key).toEqual({ type: 'multi', correct: ['a', 'b'] });
    expect(questions.get('ch-short')?.key).toEqual({ type: 'short', accepted: ['nil'], caseSensitive: true, pattern: '^nil( channel)?$' });
    expect(questions.get('ch-numeric')).toMatchObject({ unit: 'KiB', key: { type: 'numeric', answer: 64, tolerance: 0.5 } });
    expect(questions.get('ch-essay')?.key).toEqual({ type: 'essay', rubric: ['names the nil channel', 'explains select'] });
    expect(questions.get('ch-flashcard')?.key).toEqual({ type: 'flashcard', answer: 'A receive from a closed, drained channel returns the zero value at once.' });
    expect(questions.get('ch-true-false')?.key).toEqual({ type: 'true-false', answer: false });
  });

  it('should attach main.go and camelCase verify checks to code questions', () => {
    const question = loadBank(valid, { id: 'ch-code-lines' }).questions[0];
    expect(question?.code).toContain('<-ch');
    expect(question?.key).toEqual({ type: 'code-lines', lines: [5] });
    expect(question?.verify).toEqual([{ kind: 'deadlock', lines: [5], timeoutSeconds: 20, file: 'main.go' }]);
    expect(question?.prompt).toBe('Click the line where the program blocks forever.');
    expect(question?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should leave out broken files and return their problems with file and line', () => {
    const bank = loadBank(broken);
    // Only files whose problems are lint-only (explanation length, gofmt, verify files, option references) load.
    expect(bank.questions.map((question) => question.id)).toEqual(['ch-code-unformatted', 'ch-missing-fixed', 'ch-short-explanation', 'ch-unknown-option-reference']);
    expect(bank.problems).toContainEqual({
      file: 'libs/question-bank/src/__fixtures__/broken-bank/channels/ch-single-two-correct.md',
      line: 13,
      message: 'single: exactly one option must be correct (found 2)',
    });
  });

  it('should keep neither file of a duplicate id', () => {
    const bank = loadBank(broken, { includeDrafts: true });
    expect(bank.problems.filter((problem) => problem.message.startsWith('duplicate id'))).toHaveLength(1);
    expect(bank.questions.find((question) => question.id === 'ch-duplicate')).toBeUndefined();
  });
});

describe('defaultBankDir', () => {
  it('should resolve libs/question-bank/bank from the folder holding nx.json', () => {
    expect(defaultBankDir()).toBe(join(findRepoRoot(), 'libs', 'question-bank', 'bank'));
    expect(defaultBankDir('/tmp/other-bank')).toBe('/tmp/other-bank');
  });
});
