import { QUESTION_TYPES } from '../model';
import { checkConsistency } from './consistency';
import { questionFrontMatterSchema, type QuestionFrontMatterInput } from './front-matter';
import { questionJsonSchema } from './json-schema';

const base = {
  id: 'ch-example',
  title: 'Example',
  topic: 'channels' as const,
  subtopic: 'nil-channels',
  difficulty: 2,
  tags: ['nil-channel'],
  go_version: '1.26',
  expected_seconds: 60,
  references: ['https://go.dev/ref/spec'],
};

const byType: Record<(typeof QUESTION_TYPES)[number], QuestionFrontMatterInput> = {
  single: { ...base, type: 'single', options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B', correct: false }] },
  multi: { ...base, type: 'multi', options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B', correct: true }] },
  'true-false': { ...base, type: 'true-false', answer: false },
  short: { ...base, type: 'short', accepted: ['nil'] },
  numeric: { ...base, type: 'numeric', answer: 4, unit: 'MiB' },
  'code-output': { ...base, type: 'code-output', code: true, outputs: ['1\n'], verify: [{ kind: 'output' }] },
  'code-lines': { ...base, type: 'code-lines', code: true, lines: [8], verify: [{ kind: 'deadlock', lines: [8] }] },
  essay: { ...base, type: 'essay', rubric: ['names the cause'] },
  flashcard: { ...base, type: 'flashcard' },
  'code-task': { ...base, type: 'code-task', task: { package: 'cache', files: ['cache.go'], checks: { race: true }, starter_fails: 'race' } },
  matching: { ...base, type: 'matching', pairs: [{ id: 'a', text: 'A', match: '1' }, { id: 'b', text: 'B', match: '2' }] },
  ordering: { ...base, type: 'ordering', items: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }] },
};

describe('questionFrontMatterSchema', () => {
  it.each(QUESTION_TYPES)('should accept a minimal %s question', (type) => {
    const parsed = questionFrontMatterSchema.safeParse(byType[type]);
    expect(parsed.success).toBe(true);
  });

  it('should fill the documented defaults', () => {
    const parsed = questionFrontMatterSchema.parse({
      ...byType['code-output'],
      verify: [{ kind: 'output' }, { kind: 'leak', lines: [3] }, { kind: 'escape', lines: [4] }, { kind: 'race' }],
    });
    expect(parsed.draft).toBe(false);
    expect(parsed.type === 'code-output' && parsed.verify).toEqual([
      { kind: 'output', exit_code: 0, runs: 1, timeout_seconds: 20, file: 'main.go' },
      { kind: 'leak', lines: [3], settle_ms: 200, timeout_seconds: 20, file: 'main.go' },
      { kind: 'escape', lines: [4], exact: true, timeout_seconds: 20, file: 'main.go' },
      { kind: 'race', fixed: false, timeout_seconds: 20, file: 'main.go' },
    ]);
    const short = questionFrontMatterSchema.parse(byType.short);
    expect(short.type === 'short' && short.case_sensitive).toBe(false);
    const numeric = questionFrontMatterSchema.parse(byType.numeric);
    expect(numeric.type === 'numeric' && numeric.tolerance).toBe(0);
  });

  it('should reject a key that belongs to another type', () => {
    const parsed = questionFrontMatterSchema.safeParse({ ...byType['true-false'], outputs: ['x'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('should reject an unquoted go_version, an http reference and a non-kebab tag', () => {
    const parsed = questionFrontMatterSchema.safeParse({
      ...byType['true-false'],
      go_version: 1.26,
      references: ['http://go.dev/ref/spec'],
      tags: ['go1.26'],
    });
    const paths = parsed.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['go_version', 'references.0', 'tags.0']));
  });

  it('should reject code on an essay and a code-lines question without lines', () => {
    expect(questionFrontMatterSchema.safeParse({ ...byType.essay, code: true }).success).toBe(false);
    const { lines: _lines, ...withoutLines } = byType['code-lines'] as Record<string, unknown>;
    expect(questionFrontMatterSchema.safeParse(withoutLines).success).toBe(false);
  });
});

describe('checkConsistency', () => {
  const messages = (input: QuestionFrontMatterInput): string[] =>
    checkConsistency(questionFrontMatterSchema.parse(input)).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

  it('should accept every minimal question', () => {
    for (const type of QUESTION_TYPES) expect(messages(byType[type])).toEqual([]);
  });

  it('should report a single-choice question with two correct options', () => {
    const input = { ...byType.single, options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B', correct: true }] };
    expect(messages(input)).toEqual(['options: single: exactly one option must be correct (found 2)']);
  });

  it('should report a multi-choice question without a correct option and duplicate option ids', () => {
    const input = { ...byType.multi, options: [{ id: 'a', text: 'A', correct: false }, { id: 'a', text: 'B', correct: false }] };
    expect(messages(input)).toEqual(['options.1.id: duplicate option id "a"', 'options: multi: at least one option must be correct']);
  });

  it('should report code-lines check lines that differ from the key', () => {
    const input = { ...byType['code-lines'], verify: [{ kind: 'leak', lines: [9] }] } as QuestionFrontMatterInput;
    expect(messages(input)).toEqual(['verify.0.lines: leak check lines [9] must equal the key lines [8]']);
  });

  it('should require an output check for code-output and 20 runs for several outputs', () => {
    expect(messages({ ...byType['code-output'], verify: [{ kind: 'deadlock' }] } as QuestionFrontMatterInput)).toEqual([
      'verify: a code-output question needs a verify check of kind `output`',
    ]);
    expect(messages({ ...byType['code-output'], outputs: ['a\n', 'b\n'] } as QuestionFrontMatterInput)).toEqual([
      'verify.0.runs: several outputs are possible: use runs >= 20 (found 1)',
    ]);
  });

  it('should require stdout_any on an output check of a non code-output question', () => {
    const input = { ...byType.single, code: true, verify: [{ kind: 'output' }] } as QuestionFrontMatterInput;
    expect(messages(input)).toEqual(['verify.0: an output check outside code-output questions needs `stdout_any`']);
  });

  it('should report verify without code, code without verify, a bad regex and a wrong id prefix', () => {
    expect(messages({ ...byType.single, verify: [{ kind: 'race' }] } as QuestionFrontMatterInput)).toEqual([
      'verify: verify needs `code: true` and a program in <id>/main.go',
    ]);
    expect(messages({ ...byType.single, code: true } as QuestionFrontMatterInput)).toEqual([
      'code: a code question must declare what running it shows in `verify`',
    ]);
    expect(messages({ ...byType.short, pattern: '(' } as QuestionFrontMatterInput)[0]).toMatch(/^pattern: pattern is not a valid JavaScript regex/);
    expect(messages({ ...byType.flashcard, id: 'sync-card' })).toEqual(['id: id of a channels question must start with "ch-"']);
  });
});

describe('questionJsonSchema', () => {
  it('should describe every question type and every check kind', () => {
    const text = JSON.stringify(questionJsonSchema());
    for (const type of QUESTION_TYPES) expect(text).toContain(`"const":"${type}"`);
    for (const kind of ['output', 'output-matches', 'race', 'deadlock', 'leak', 'compile-error', 'vet', 'escape']) {
      expect(text).toContain(`"const":"${kind}"`);
    }
  });

  it('should leave keys with defaults optional, as authors write them', () => {
    const schema = questionJsonSchema() as { oneOf: { required?: string[]; properties: Record<string, unknown> }[] };
    const trueFalse = schema.oneOf.find((option) => JSON.stringify(option.properties['type']).includes('true-false'));
    expect(trueFalse?.required).not.toContain('draft');
    expect(trueFalse?.required).toEqual(expect.arrayContaining(['id', 'title', 'topic', 'answer', 'references']));
  });
});
