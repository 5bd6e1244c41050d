import { checkConsistency } from './consistency';
import { questionFrontMatterSchema, type QuestionFrontMatter, type QuestionFrontMatterInput } from './front-matter';
import { toAnswerKey, toBankQuestion } from './to-model';

const base = {
  id: 'mm-example',
  title: 'Example',
  topic: 'memory-model' as const,
  subtopic: 'happens-before',
  difficulty: 3,
  tags: ['happens-before'],
  go_version: '1.26',
  expected_seconds: 90,
  references: ['https://go.dev/ref/mem'],
};

const parse = (input: QuestionFrontMatterInput): QuestionFrontMatter => questionFrontMatterSchema.parse(input);
const messages = (input: QuestionFrontMatterInput): string[] => checkConsistency(parse(input)).map((issue) => issue.message);
const model = (fm: QuestionFrontMatter) => {
  const key = toAnswerKey(fm, undefined);
  if (typeof key === 'string') throw new Error(key);
  return toBankQuestion(fm, key, { prompt: 'p', explanation: 'e', sourcePath: 'x.md' });
};

const ordering: QuestionFrontMatterInput = {
  ...base,
  type: 'ordering',
  items: [
    { id: 'send', text: 'the send on `ch`' },
    { id: 'recv', text: 'the receive from `ch` completes' },
    { id: 'read', text: 'the read of `x`' },
  ],
};

const matching: QuestionFrontMatterInput = {
  ...base,
  type: 'matching',
  pairs: [
    { id: 'unlock', text: '`mu.Unlock()`', match: 'a later `mu.Lock()` returns' },
    { id: 'close', text: '`close(ch)`', match: 'a receive that returns because `ch` is closed' },
    { id: 'send', text: 'a send on an unbuffered `ch`', match: 'a receive that returns because `ch` is closed' },
  ],
  distractors: ['the goroutine that called `go f()` exits'],
};

describe('ordering questions in the bank format', () => {
  it('should take the key from the order the items are written in', () => {
    const fm = parse(ordering);
    expect(toAnswerKey(fm, undefined)).toEqual({ type: 'ordering', order: ['send', 'recv', 'read'] });
  });
  it('should keep the items as options without any correct flag', () => {
    expect(model(parse(ordering)).options).toEqual([
      { id: 'send', text: 'the send on `ch`', correct: false },
      { id: 'recv', text: 'the receive from `ch` completes', correct: false },
      { id: 'read', text: 'the read of `x`', correct: false },
    ]);
  });
  it('should refuse fewer than three items, duplicate ids and duplicate texts', () => {
    expect(questionFrontMatterSchema.safeParse({ ...ordering, items: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] }).success).toBe(false);
    expect(messages({ ...ordering, items: [{ id: 'a', text: 'A' }, { id: 'a', text: 'B' }, { id: 'c', text: 'C' }] })).toContain('duplicate item id "a"');
    expect(messages({ ...ordering, items: [{ id: 'a', text: 'A' }, { id: 'b', text: 'A ' }, { id: 'c', text: 'C' }] })).toContain(
      'two items with the same text cannot have a defined order',
    );
  });
  it('should accept the valid example without problems', () => {
    expect(messages(ordering)).toEqual([]);
  });
});

describe('matching questions in the bank format', () => {
  it('should number right-hand choices by first appearance and share a repeated text', () => {
    const fm = parse(matching);
    expect(toAnswerKey(fm, undefined)).toEqual({
      type: 'matching',
      pairs: [
        { left: 'unlock', right: 'm1' },
        { left: 'close', right: 'm2' },
        { left: 'send', right: 'm2' },
      ],
    });
    expect(model(fm).options).toEqual([
      { id: 'unlock', text: '`mu.Unlock()`', correct: false, side: 'left' },
      { id: 'close', text: '`close(ch)`', correct: false, side: 'left' },
      { id: 'send', text: 'a send on an unbuffered `ch`', correct: false, side: 'left' },
      { id: 'm1', text: 'a later `mu.Lock()` returns', correct: false, side: 'right' },
      { id: 'm2', text: 'a receive that returns because `ch` is closed', correct: false, side: 'right' },
      { id: 'm3', text: 'the goroutine that called `go f()` exits', correct: false, side: 'right' },
    ]);
  });
  it('should accept the valid example without problems', () => {
    expect(messages(matching)).toEqual([]);
  });
  it('should refuse a left id that looks like a choice id, a distractor equal to a match and one shared answer', () => {
    const pairs = [
      { id: 'm1', text: 'A', match: 'x' },
      { id: 'b', text: 'B', match: 'x' },
    ];
    const found = messages({ ...matching, pairs, distractors: ['x'] });
    expect(found).toContain('"m1" is reserved for right-hand choices (m1, m2, ...)');
    expect(found).toContain('a distractor must not equal the right-hand text of a pair');
    expect(found).toContain('matching: the pairs need at least two different right-hand texts');
  });
  it('should refuse a pair without its match', () => {
    expect(questionFrontMatterSchema.safeParse({ ...matching, pairs: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B', match: 'y' }] }).success).toBe(false);
  });
});
