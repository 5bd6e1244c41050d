import { grade } from '@goprep/domain';
import { checkConsistency } from './consistency';
import { questionFrontMatterSchema, type QuestionFrontMatterInput } from './front-matter';
import { toAnswerKey } from './to-model';

const base = {
  id: 'ch-graded',
  title: 'Graded answers',
  topic: 'channels' as const,
  subtopic: 'buffering',
  difficulty: 2,
  tags: ['imported'],
  go_version: '1.26',
  expected_seconds: 60,
  references: ['https://go.dev/ref/spec'],
};

const messages = (input: Record<string, unknown>): string[] => {
  const parsed = questionFrontMatterSchema.safeParse(input as QuestionFrontMatterInput);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`);
  return checkConsistency(parsed.data).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

const numeric = {
  ...base,
  type: 'numeric',
  unit: 'MiB',
  answers: [
    { value: 64, credit: 1, feedback: 'Right.' },
    { min: 60, max: 70, credit: 0.5 },
    { any: true, credit: 0, feedback: 'Look at GOMEMLIMIT again.' },
  ],
};
const short = {
  ...base,
  type: 'short',
  case_sensitive: true,
  answers: [
    { text: 'GOGC', credit: 1 },
    { text: 'GOGC=*', credit: 0.5, feedback: 'Only the variable name.' },
  ],
};

describe('graded answers in the bank front matter', () => {
  it('should accept numeric and short questions that list graded answers', () => {
    expect(messages(numeric)).toEqual([]);
    expect(messages(short)).toEqual([]);
  });

  it('should build a numeric key whose display answer is the first full-credit rule and which grades partial credit', () => {
    const key = toAnswerKey(questionFrontMatterSchema.parse(numeric), undefined);
    expect(key).toEqual({
      type: 'numeric',
      answer: 64,
      tolerance: 0,
      answers: [
        { match: 'value', value: 64, tolerance: 0, credit: 1, feedback: 'Right.' },
        { match: 'range', min: 60, max: 70, credit: 0.5 },
        { match: 'any', credit: 0, feedback: 'Look at GOMEMLIMIT again.' },
      ],
    });
    if (typeof key === 'string') throw new Error(key);
    expect(grade(key, { type: 'numeric', value: 61 })).toEqual({ score: 0.5, status: 'partial' });
  });

  it('should derive the accepted list of a short key from its full-credit literal answers', () => {
    const key = toAnswerKey(questionFrontMatterSchema.parse(short), undefined);
    expect(key).toEqual({
      type: 'short',
      accepted: ['GOGC'],
      caseSensitive: true,
      answers: [
        { text: 'GOGC', credit: 1 },
        { text: 'GOGC=*', credit: 0.5, feedback: 'Only the variable name.' },
      ],
    });
  });

  it('should refuse mixing the two ways of keying, and keys without full credit', () => {
    expect(messages({ ...numeric, answer: 64 })).toEqual(['answer: numeric: use either `answer` or `answers`, not both']);
    expect(messages({ ...numeric, tolerance: 1 })).toEqual(['tolerance: numeric: with `answers`, give each answer its own tolerance']);
    expect(messages({ ...numeric, answers: [{ any: true, credit: 1 }] })).toEqual([
      'answers: numeric: at least one value or range must give full credit (credit: 1)',
    ]);
    expect(messages({ ...numeric, answers: [{ min: 9, max: 2, credit: 1 }] })).toEqual(['answers.0.min: numeric: range minimum 9 is above its maximum 2']);
    expect(messages({ ...short, accepted: ['GOGC'] })).toEqual(['accepted: short: use either `accepted` or `answers`, not both']);
    expect(messages({ ...short, pattern: 'GOGC' })).toEqual(['pattern: short: use either `pattern` or `answers`, not both (write wildcards as `*` in an answer)']);
    expect(messages({ ...short, answers: [{ text: 'x', credit: 0.5 }] })).toEqual(['answers: short: at least one answer must give full credit (credit: 1)']);
  });

  it('should still require answer / accepted when there are no graded answers', () => {
    const { answers: _n, ...bareNumeric } = numeric;
    const { answers: _s, ...bareShort } = short;
    expect(messages(bareNumeric)).toEqual(['answer: numeric: `answer` is required unless `answers` lists the graded answers']);
    expect(messages(bareShort)).toEqual(['accepted: short: `accepted` is required unless `answers` lists the graded answers']);
  });

  it('should reject credits outside 0..1 and unknown answer keys', () => {
    expect(messages({ ...short, answers: [{ text: 'GOGC', credit: 50 }] })).toEqual(['answers.0.credit: too_big']);
    expect(messages({ ...numeric, answers: [{ value: 1, credit: 1, fraction: 100 }] })).toEqual(['answers.0: unrecognized_keys']);
  });
});
