import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BankQuestion } from '../../model';
import { ProblemList } from '../problems';
import { importQuestions } from '../index';
import { readGift } from './read-gift';

const sample = readFileSync(join(__dirname, '..', '__fixtures__', 'sample.gift'), 'utf8');
const fixture = (name: string): string => readFileSync(join(__dirname, '..', '__fixtures__', name), 'utf8');

function importGift(text: string, topic?: BankQuestion['topic']) {
  return importQuestions(text, 'gift', { sourceName: 'quiz.gift', ...(topic ? { topic } : {}) });
}

const errors = (result: ReturnType<typeof importGift>) =>
  result.problems.filter((p) => p.severity === 'error').map((p) => ({ line: p.line, message: p.message }));

describe('GIFT import of the documentation sample', () => {
  const result = importGift(sample);
  const byTitle = (title: string): BankQuestion => {
    const found = result.questions.find((q) => q.title === title);
    if (!found) throw new Error(`no question titled ${title}`);
    return found;
  };

  it('should import every expressible question and no errors', () => {
    expect(errors(result)).toEqual([]);
    expect(result.questions.map((q) => q.id)).toEqual([
      'ch-nil-receive-blocks',
      'ch-buffered-channel-facts',
      'ch-close-twice',
      'ch-send-after-close',
      'ch-select-fallback',
      'gc-nil-length',
      'gc-pi',
      'gc-range',
      'gc-go-announcement',
      'gc-escapes',
      'gc-matching',
      'gc-essay',
      'gc-missing-word',
      'gc-is-sync-mutex-reentrant',
    ]);
  });

  it('should read a multiple choice question with title, markdown, feedback, general feedback, [id:] and [tag:]', () => {
    const { contentHash, ...q } = byTitle('Nil channel receive');
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(q).toEqual({
      id: 'ch-nil-receive-blocks',
      title: 'Nil channel receive',
      topic: 'channels',
      subtopic: 'nil-channels',
      type: 'single',
      difficulty: 3,
      tags: ['nil-channel', 'blocking-ops', 'needs-review'],
      goVersion: '1.26',
      expectedSeconds: 60,
      references: [],
      prompt: 'What does a receive from a `nil` channel do?',
      explanation: 'A nil channel is never ready for communication, so the receive waits forever.',
      options: [
        { id: 'a', text: 'It blocks forever', correct: true, feedback: 'Receiving from a nil channel never proceeds.' },
        { id: 'b', text: 'It panics', correct: false, feedback: 'Only closing a nil channel panics.' },
        { id: 'c', text: 'It returns the zero value immediately', correct: false, feedback: 'That is a receive from a **closed** channel.' },
      ],
      key: { type: 'single', correct: 'a' },
      verify: [],
      draft: false,
      sourcePath: 'libs/question-bank/bank/channels/ch-nil-receive-blocks.md',
    });
  });

  it('should read weighted answers without "=" as a multiple-answer question', () => {
    const q = byTitle('Buffered channel facts');
    expect(q.type).toBe('multi');
    expect(q.options?.map((o) => [o.text, o.correct])).toEqual([
      ['`cap(ch)` is 3', true],
      ['three sends complete without a receiver', true],
      ['`len(ch)` is 3 right after make', false],
      ['the fourth send panics', false],
    ]);
    expect(q.key).toEqual({ type: 'multi', correct: ['a', 'b'] });
  });

  it('should read {TRUE#wrong#right} and move the answer feedback into the explanation', () => {
    const q = byTitle('Close twice');
    expect(q.key).toEqual({ type: 'true-false', answer: true });
    expect(q.explanation).toBe(
      'The runtime panics with "close of closed channel".\n\nIf you answered true: Right.\n\nIf you answered false: No, a second close panics.',
    );
  });

  it('should read {F} as false', () => {
    expect(byTitle('Send after close').key).toEqual({ type: 'true-false', answer: false });
  });

  it('should read only-"=" answers as a short answer with every accepted form', () => {
    const q = byTitle('Select fallback');
    // The feedback on one answer is kept, so every answer is kept as a graded answer.
    expect(q.key).toEqual({
      type: 'short',
      accepted: ['default', 'default case'],
      caseSensitive: false,
      answers: [
        { text: 'default', credit: 1 },
        { text: 'default case', credit: 1, feedback: 'Use a default clause.' },
      ],
    });
    expect(q.explanation).toBe('A default clause runs when no case is ready.');
  });

  it('should switch topic at $CATEGORY and default the subtopic', () => {
    expect(byTitle('Pi')).toMatchObject({ topic: 'gc-tuning', subtopic: 'imported', id: 'gc-pi' });
  });

  it('should read numeric answers: exact, with tolerance, as a range kept as written, and several with credit and feedback', () => {
    expect(byTitle('Nil length').key).toEqual({ type: 'numeric', answer: 0, tolerance: 0 });
    expect(byTitle('Pi').key).toEqual({ type: 'numeric', answer: 3.14, tolerance: 0.005 });
    expect(byTitle('Range').key).toEqual({ type: 'numeric', answer: 3, tolerance: 2, answers: [{ match: 'range', min: 1, max: 5, credit: 1 }] });
    expect(byTitle('Go announcement').key).toEqual({
      type: 'numeric',
      answer: 2009,
      tolerance: 0,
      answers: [
        { match: 'value', value: 2009, tolerance: 0, credit: 1, feedback: 'Right, November 2009.' },
        { match: 'value', value: 2009, tolerance: 1, credit: 0.5, feedback: 'Close.' },
      ],
    });
  });

  it('should unescape \\: \\~ \\= \\# \\{ \\} \\\\ and \\n', () => {
    expect(byTitle('Escapes').prompt).toBe('Specials: ~ = # { } a backslash \\ and a line\nbreak.');
  });

  it('should read {} with only general feedback as an essay without rubric', () => {
    const q = byTitle('Essay');
    expect(q.key).toEqual({ type: 'essay', rubric: [] });
    expect(q.explanation).toBe('A good answer names the nil channel.');
  });

  it('should put a blank where the answers sit in a missing-word question', () => {
    const q = byTitle('Missing word');
    expect(q.prompt).toBe('Receiving from a _____ channel blocks forever.');
    expect(q.key).toEqual({ type: 'single', correct: 'b' });
  });

  it('should convert [html] text to Markdown and title an untitled question after its text', () => {
    const q = byTitle('Is sync.Mutex reentrant?');
    expect(q.prompt).toBe('Is `sync.Mutex` **reentrant**?');
    expect(q.key).toEqual({ type: 'true-false', answer: false });
  });

  it('should import the matching question as pairs: left items as options, right-hand texts as choices m1, m2', () => {
    const q = byTitle('Matching');
    expect(q.type).toBe('matching');
    expect(q.options).toEqual([
      { id: 'a', text: 'close(ch)', correct: false, side: 'left' },
      { id: 'b', text: 'ch <- v', correct: false, side: 'left' },
      { id: 'm1', text: 'wakes all receivers', correct: false, side: 'right' },
      { id: 'm2', text: 'sends a value', correct: false, side: 'right' },
    ]);
    expect(q.key).toEqual({ type: 'matching', pairs: [{ left: 'a', right: 'm1' }, { left: 'b', right: 'm2' }] });
    // The true/false feedback of "Close twice" moved into its explanation; nothing is skipped any more.
    expect(result.report).toEqual({ refused: 0, skipped: 0, adapted: 1 });
  });

  it('should tell the author to add references for every question', () => {
    const missing = result.problems.filter((p) => p.message.includes('no references'));
    expect(missing).toHaveLength(result.questions.length);
  });

  it('should keep the partial credit of extra numeric answers instead of reporting it lost', () => {
    expect(result.problems.filter((p) => p.message.includes('Go announcement') && p.effect !== undefined)).toEqual([]);
  });
});

describe('GIFT reader details', () => {
  const read = (text: string) => {
    const problems = new ProblemList('t.gift');
    return { questions: readGift(text, problems), problems: problems.items };
  };

  it('should parse matching pairs', () => {
    const { questions } = read('::M::Match.{\n=a -> 1\n=b -> 2\n}');
    expect(questions[0]?.body).toEqual({ kind: 'matching', pairs: [{ question: 'a', answer: '1' }, { question: 'b', answer: '2' }] });
  });

  it('should read lower-case true/false and TRUE/FALSE feedback', () => {
    expect(read('Q {true}').questions[0]?.body).toEqual({ kind: 'truefalse', answer: true });
    expect(read('Q {FALSE#w#r}').questions[0]?.body).toEqual({ kind: 'truefalse', answer: false, feedbackTrue: 'w', feedbackFalse: 'r' });
  });

  it('should read CRLF files with the same lines', () => {
    const { questions } = read('// c\r\n::A::One{T}\r\n\r\n::B::Two{F}\r\n');
    expect(questions.map((q) => [q.name, q.line])).toEqual([
      ['A', 2],
      ['B', 4],
    ]);
  });

  it('should keep comments out of the question and read Moodle [id:] and [tag:] from them', () => {
    const { questions } = read('// [id:x1] [tag:a] [tag:b\\]c]\n::T::Text {T}');
    expect(questions[0]).toMatchObject({ idNumber: 'x1', tags: ['a', 'b]c'], text: 'Text' });
  });

  it('should read per-answer weights on short answers and several numeric answers', () => {
    expect(read('Q {=%50%half =full}').questions[0]?.body).toEqual({
      kind: 'shortanswer',
      caseSensitive: false,
      answers: [
        { text: 'half', fraction: 50 },
        { text: 'full', fraction: 100 },
      ],
    });
    const numeric = read('Q {#=1:0 #yes ~%0%2 =%50%1..3}');
    expect(numeric.questions[0]?.body).toEqual({
      kind: 'numerical',
      answers: [
        { match: 'value', value: 1, tolerance: 0, fraction: 100, feedback: 'yes' },
        { match: 'value', value: 2, tolerance: 0, fraction: 0 },
        { match: 'range', min: 1, max: 3, fraction: 50 },
      ],
    });
    // Moodle would read "~2" as the catch-all feedback and lose the 2; goprep keeps it and says so.
    expect(numeric.problems.map((p) => [p.effect, p.message])).toEqual([
      ['adapted', '"~2": Moodle reads everything after "~" in a numeric question as the feedback for any other answer; goprep kept 2 as a 0% answer'],
    ]);
  });

  it('should treat a block without braces as a description', () => {
    expect(read('Just some text.').questions[0]?.body).toEqual({ kind: 'unsupported', moodleType: 'description' });
  });

  it('should read a [markdown] format marker after the title', () => {
    expect(read('::T::[markdown]**bold** {T}').questions[0]).toMatchObject({ format: 'markdown', text: '**bold**' });
  });

  it('should keep URLs with // inside a text line', () => {
    expect(read('See https://go.dev/ref/mem {T}').questions[0]?.text).toBe('See https://go.dev/ref/mem');
  });
});

describe('GIFT import of malformed input', () => {
  it('should refuse a question with an unclosed brace with its line and import the rest, or nothing when strict', () => {
    const result = importGift(fixture('unclosed-brace.gift'), 'channels');
    expect(result.questions.map((q) => q.id)).toEqual(['ch-fine']);
    expect(errors(result)).toEqual([{ line: 3, message: 'unclosed brace: the answer block opened on line 3 is never closed with "}"' }]);
    expect(result.report).toEqual({ refused: 1, skipped: 0, adapted: 0 });
    const strict = importQuestions(fixture('unclosed-brace.gift'), 'gift', { topic: 'channels', strict: true });
    expect(strict.questions).toEqual([]);
    expect(strict.report.rejectedWhole).toBe('strict');
  });

  it('should refuse every bad numeric answer with its line and import the good question', () => {
    const result = importGift(fixture('bad-numeric.gift'));
    expect(result.questions.map((q) => q.title)).toEqual(['Fine']);
    expect(result.report.refused).toBe(3);
    expect(errors(result)).toEqual([
      { line: 5, message: 'bad numeric answer "four": expected a number, number:tolerance or min..max' },
      { line: 7, message: 'bad numeric tolerance "-1": it must not be negative' },
      { line: 9, message: 'bad numeric range "5..1": the minimum is larger than the maximum' },
    ]);
  });

  it.each([
    ['::Title never closed {T}', 1, 'question title opened with "::" is never closed with "::"'],
    ['Q } stray {T}', 1, '"}" without a matching "{" (escape a literal brace as \\})'],
    ['Q {\n=a {b}\n}', 2, '"{" inside the answer block opened on line 1 (escape a literal brace as \\{)'],
    ['Q {T} and {F}', 1, 'a question may have only one answer block'],
    ['Q {~%150%a =b}', 1, 'bad answer weight "%150%": expected a percentage between -100 and 100 such as %50%'],
    ['Q {~%abc =b}', 1, 'bad answer weight "%abc": expected a percentage between -100 and 100 such as %50%'],
    ['Q {= ~b}', 1, 'empty answer after "="'],
    ['Q {stray text =a ~b}', 1, 'unexpected text "stray text" in the answer block: answers start with = or ~ (or use {T}, {F}, {#number} or {})'],
    ['Q {T#a#b#c}', 1, 'a true/false answer takes at most two feedbacks (#wrong#right)'],
    ['Q {=a -> 1 ~b}', 1, 'a matching question needs "=question -> answer" for every pair'],
    ['Q {~a ~b}', 1, 'question: multiple-answer question without a correct answer'],
    ['Q {#=%-50%3 =4}', 1, 'numeric answers earn 0% to 100%; "%-50%" is negative'],
    ['Q {#~#only feedback}', 1, 'question: numeric question without a value or range worth 100%'],
    ['Q {=%50%half}', 1, 'question: short-answer question without an answer worth 100%'],
    ['Q {=%-50%minus =plus}', 1, 'question: short answers earn 0% to 100%; "minus" has -50%'],
  ])('should refuse %j with an error on line %i', (text, line, message) => {
    const result = importGift(text, 'channels');
    expect(result.questions).toEqual([]);
    expect(errors(result)).toEqual([{ line, message }]);
    expect(result.report.refused).toBe(1);
  });

  it('should import the good question of a file whose second question is malformed', () => {
    const result = importGift('Q {=a ~b #x}\n\nQ2 {#1:2:3}', 'channels');
    expect(result.questions.map((q) => q.prompt)).toEqual(['Q']);
    expect(errors(result)).toEqual([{ line: 3, message: 'bad numeric answer "1:2:3": expected a number, number:tolerance or min..max' }]);
  });

  it('should refuse a question without a topic when no --topic is given', () => {
    const result = importGift('::Q::Text {T}');
    expect(errors(result)).toEqual([
      {
        line: 1,
        message:
          'question "Q" has no topic: pass --topic or put it under a category naming one of memory-model, goroutine-leaks, gc-tuning, trace-sampling, scheduler, channels, escape-analysis, pprof, context, sync, observability, kubernetes',
      },
    ]);
  });

  it('should let --topic override the category', () => {
    const result = importGift('$CATEGORY: goprep/channels/close\n\n::Q::Text {T}', 'sync');
    expect(result.questions[0]).toMatchObject({ id: 'sync-q', topic: 'sync', subtopic: 'imported' });
  });

  it('should give questions with the same title distinct ids', () => {
    const result = importGift('::Same::One {T}\n\n::Same::Two {F}', 'sync');
    expect(result.questions.map((q) => q.id)).toEqual(['sync-same', 'sync-same-2']);
  });
});
