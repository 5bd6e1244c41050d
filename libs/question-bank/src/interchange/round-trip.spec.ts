import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BankQuestion } from '../model';
import * as bank from './__fixtures__/bank-questions';
import { exportQuestions, importQuestions, type InterchangeFormat } from './index';

const fixture = (name: string): string => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

/** What GIFT and Moodle XML can carry; option ids are renumbered a, b, c..., so keys are compared by option text. */
function expressible(q: BankQuestion) {
  const optionText = (id: string): string | undefined => q.options?.find((o) => o.id === id)?.text;
  const key =
    q.key.type === 'single'
      ? { type: 'single', correct: optionText(q.key.correct) }
      : q.key.type === 'multi'
        ? { type: 'multi', correct: q.key.correct.map(optionText) }
        : q.key;
  return {
    id: q.id,
    title: q.title,
    topic: q.topic,
    subtopic: q.subtopic,
    type: q.type,
    prompt: q.prompt,
    explanation: q.explanation,
    options: q.options?.map(({ text, correct, feedback }) => ({ text, correct, feedback })),
    key,
    tags: q.tags.filter((tag) => tag !== 'needs-review'),
    code: q.code,
  };
}

function through(questions: BankQuestion[], format: InterchangeFormat): BankQuestion[] {
  const exported = exportQuestions(questions, format);
  const imported = importQuestions(exported.text, format);
  expect(imported.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return imported.questions;
}

const byId = (questions: BankQuestion[], id: string): BankQuestion => {
  const found = questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id} in ${questions.map((q) => q.id).join(', ')}`);
  return found;
};

describe('round trip json -> gift -> json', () => {
  const back = through(bank.ALL, 'gift');

  it.each([bank.single, bank.multi, bank.trueFalse, bank.singleWithCode])('should keep every expressible field of $id', (original) => {
    expect(expressible(byId(back, original.id))).toEqual(expressible(original));
  });
  it('should keep a short answer except case sensitivity, which GIFT cannot say', () => {
    const expected = expressible({ ...bank.short, key: { ...bank.short.key, caseSensitive: false } as BankQuestion['key'] });
    expect(expressible(byId(back, bank.short.id))).toEqual(expected);
  });
  it('should keep a short answer without its pattern', () => {
    const { pattern: _p, ...key } = bank.shortWithPattern.key as Extract<BankQuestion['key'], { type: 'short' }>;
    expect(byId(back, bank.shortWithPattern.id).key).toEqual({ ...key });
  });
  it('should keep a numeric answer and tolerance but not the unit', () => {
    const q = byId(back, bank.numeric.id);
    expect(expressible(q)).toEqual(expressible(bank.numeric));
    expect(q.unit).toBeUndefined();
  });
  it('should keep an essay but not its rubric', () => {
    const q = byId(back, bank.essay.id);
    expect(expressible(q)).toEqual({ ...expressible(bank.essay), key: { type: 'essay', rubric: [] } });
  });
  it('should bring a code-output question back as a short answer over its output with the program', () => {
    const q = byId(back, bank.codeOutput.id);
    expect(q.type).toBe('short');
    expect(q.key).toEqual({ type: 'short', accepted: ['1 1'], caseSensitive: false });
    expect(q.code).toBe(bank.codeOutput.code);
    expect(q.prompt).toBe(bank.codeOutput.prompt);
  });
  it('should bring a code-lines question back as a multi choice over its lines', () => {
    const q = byId(back, bank.codeLines.id);
    expect(q.type).toBe('multi');
    expect(q.options?.filter((o) => o.correct).map((o) => o.text)).toEqual(['Line 8: `ch <- 1`']);
    expect(q.options?.map((o) => o.text)).toContain('Line 6: `// a comment line that GIFT must not swallow`');
  });
  it('should not bring back the flashcard', () => {
    expect(back.map((q) => q.id)).not.toContain(bank.flashcard.id);
    expect(back).toHaveLength(bank.ALL.length - 1);
  });
});

describe('round trip json -> moodle-xml -> json', () => {
  const back = through(bank.ALL, 'moodle-xml');

  it.each([bank.single, bank.multi, bank.trueFalse, bank.short, bank.numeric, bank.essay, bank.singleWithCode])(
    'should keep every expressible field of $id',
    (original) => {
      expect(expressible(byId(back, original.id))).toEqual(expressible(original));
    },
  );
  it('should keep the unit of a numeric question', () => {
    expect(byId(back, bank.numeric.id).unit).toBe('%');
  });
  it('should keep case sensitivity but not the pattern of a short answer', () => {
    expect(byId(back, bank.short.id).key).toEqual(bank.short.key);
    expect(byId(back, bank.shortWithPattern.id).key).toEqual({ type: 'short', accepted: ['debug.SetMemoryLimit'], caseSensitive: false });
  });
  it('should bring a code-output question back as a case-sensitive short answer', () => {
    expect(byId(back, bank.codeOutput.id).key).toEqual({ type: 'short', accepted: ['1 1'], caseSensitive: true });
  });
  it('should not bring back the flashcard', () => {
    expect(back).toHaveLength(bank.ALL.length - 1);
  });
});

describe('round trip json -> json', () => {
  it('should be lossless', () => {
    const exported = exportQuestions(bank.ALL, 'json');
    expect(exported.problems).toEqual([]);
    expect(importQuestions(exported.text, 'json')).toEqual({ questions: bank.ALL, problems: [], report: { refused: 0, skipped: 0, adapted: 0 } });
  });
});

describe('round trip foreign -> json -> foreign', () => {
  it.each([
    ['gift', 'sample.gift'],
    ['moodle-xml', 'sample.xml'],
  ] as const)('should reach a fixed point for %s after one pass', (format, file) => {
    const first = importQuestions(fixture(file), format);
    expect(first.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const text2 = exportQuestions(first.questions, format).text;
    const second = importQuestions(text2, format);
    const text3 = exportQuestions(second.questions, format).text;
    expect(text3).toBe(text2);
    expect(second.questions.map(expressible)).toEqual(first.questions.map(expressible));
  });
});

describe('round trip of awkward text', () => {
  const awkward: BankQuestion = {
    ...bank.single,
    id: 'ch-awkward-text',
    title: 'Braces {}, colons :: and ~tildes~',
    prompt: 'Line one\n\n// starts like a GIFT comment\n\n$CATEGORY: not a category\n\tfmt.Printf("%d\\n", x) // a literal backslash-n\n::not a title:: [html] <b>not html</b>',
    explanation: 'Unicode survives: 世界, é, 🚀. So do # and ####, and a trailing backslash \\',
    options: [
      { id: 'a', text: '`a -> b` is not matching', correct: true, feedback: 'Feedback with = and ~ and #' },
      { id: 'b', text: '%50 looks like a weight', correct: false },
    ],
  };

  it.each(['gift', 'moodle-xml'] as const)('should keep every character through %s', (format) => {
    const [back] = through([awkward], format);
    expect(back && expressible(back)).toEqual(expressible(awkward));
  });
});

describe('round trip of follow-ups', () => {
  const followUps = ['Why does a nil channel never become ready?', 'What would `close(ch)` do here, and why?'];
  const asked: BankQuestion = { ...bank.single, followUps };

  it.each(['gift', 'moodle-xml'] as const)('should write them as comments in %s, which the import reads past as if they were not there', (format) => {
    const exported = exportQuestions([asked], format);
    const marker = format === 'gift' ? (f: string) => `// follow-up: ${f}` : (f: string) => `<!-- follow-up: ${f} -->`;
    for (const followUp of followUps) expect(exported.text).toContain(marker(followUp));
    // Only in comments: never in a field Moodle shows the student (general feedback, answer feedback).
    const withoutComments = format === 'gift' ? exported.text.replace(/^\/\/.*$/gm, '') : exported.text.replace(/<!--[\s\S]*?-->/g, '');
    for (const followUp of followUps) expect(withoutComments).not.toContain(followUp.slice(0, 20));

    const imported = importQuestions(exported.text, format);
    expect(imported.report).toEqual({ refused: 0, skipped: 0, adapted: 0 });
    // Lost on import like the other comments (no format has an interviewer-only field): the question
    // comes back exactly as the same question exported without them, tags and id included.
    const plain = importQuestions(exportQuestions([bank.single], format).text, format);
    expect(imported.questions).toEqual(plain.questions);
    // The same problems (the comment lines only move the question down the file).
    const messages = (r: typeof plain) => r.problems.map((p) => `${p.severity}: ${p.message}`);
    expect(messages(imported)).toEqual(messages(plain));
    expect(imported.questions[0]?.followUps).toBeUndefined();
  });

  it('should not let a follow-up that mentions [id:] or [tag:] change the id or tags read back from GIFT', () => {
    const tricky: BankQuestion = { ...bank.single, followUps: ['Would a [tag:x] or [id:other] here be read back?'] };
    const exported = exportQuestions([tricky], 'gift');
    expect(exported.text).toContain('// follow-up: Would a [ tag:x] or [ id:other] here be read back?');
    expect(exported.problems.map((p) => p.message)).toContain('a follow-up with "[id:" or "[tag:" is written with "[ " in GIFT, so that it is not read back as the question\'s id or a tag');
    const [back] = importQuestions(exported.text, 'gift').questions;
    expect([back?.id, back?.tags]).toEqual([bank.single.id, [...bank.single.tags, 'needs-review']]);
  });

  it("should keep them in goprep's own JSON", () => {
    expect(importQuestions(exportQuestions([asked], 'json').text, 'json').questions).toEqual([asked]);
  });
});
