import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerFeedback, grade, type Response } from '@goprep/domain';
import type { BankQuestion } from '../model';
import { exportQuestions, importQuestions, type ImportResult, type InterchangeFormat } from './index';

/*
 * Issue 20: a GIFT file and a Moodle XML file holding every construct of Moodle's format
 * documentation import, grade and export back without loss, and the import report says what was
 * adapted, skipped or refused, and why. The fixtures are goprep's own, written for these tests.
 */

const fixture = (name: string): string => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

const byTitle = (result: ImportResult, title: string): BankQuestion => {
  const found = result.questions.find((q) => q.title === title);
  if (!found) throw new Error(`no question titled ${title}`);
  return found;
};

const graded = (question: BankQuestion, response: Response) => ({ ...grade(question.key, response), feedback: answerFeedback(question.key, response) });
const num = (value: number): Response => ({ type: 'numeric', value });
const text = (value: string): Response => ({ type: 'short', text: value });

/** What the report says about each question: [line, effect, message]. */
const effects = (result: ImportResult) => result.problems.filter((p) => p.effect !== undefined).map((p) => [p.line, p.effect, p.message]);

function roundTrip(result: ImportResult, format: InterchangeFormat): ImportResult {
  const exported = exportQuestions(result.questions, format);
  expect(exported.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return importQuestions(exported.text, format, { sourceName: `again.${format}` });
}

describe('GIFT: every documented construct', () => {
  const result = importQuestions(fixture('gift-all-constructs.gift'), 'gift', { sourceName: 'all.gift' });

  it('should import every expressible question and report what was skipped or adapted, with lines and reasons', () => {
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.questions).toHaveLength(23);
    expect(result.report).toEqual({ refused: 0, skipped: 1, adapted: 2 });
    expect(effects(result)).toEqual([
      [30, 'adapted', 'question "TF one": true/false answer feedback moved into the explanation'],
      [32, 'adapted', 'question "TF two": true/false answer feedback moved into the explanation'],
      [97, 'skipped', 'question not imported: Moodle "description" questions are not expressible in goprep'],
    ]);
  });

  it('should read titles, the untitled question, formats, escapes, categories and missing words', () => {
    expect(byTitle(result, 'Send on nil')).toMatchObject({ id: 'ch-gift-nil-send', topic: 'channels', subtopic: 'basics', tags: ['nil-channel', 'gift', 'needs-review'] });
    expect(byTitle(result, 'Which builtin reports the number of queued elements in a channel?').type).toBe('short');
    expect(byTitle(result, 'Blocking operations').prompt).toBe('Which of these block **forever**?');
    expect(byTitle(result, 'Missing word').prompt).toBe('A receive from a closed channel returns the _____ value of the element type.');
    expect(byTitle(result, 'Escapes: all of them').prompt).toBe('Braces { and }, a tilde ~, an equals =, a hash #, a colon : and a backslash \\.\nA second line.');
    expect(byTitle(result, 'Html').prompt).toBe('Is `sync.Mutex` **reentrant**?');
    expect(byTitle(result, 'Plain').prompt).toBe('Is the zero sync.WaitGroup ready to use?');
    expect(byTitle(result, 'Multi line').prompt).toBe('Which call\nreleases a Mutex?');
    expect(byTitle(result, 'Range')).toMatchObject({ topic: 'gc-tuning', subtopic: 'numbers' });
    expect(byTitle(result, 'Essay').explanation).toBe('Wait must be called in a loop that re-checks the condition.');
    // A feedback written in [html] under a [moodle] question is converted like the question text would be.
    expect(graded(byTitle(result, 'Answer format'), text('Do')).feedback).toBe('**Do** it is.');
  });

  it('should grade numeric answers by the best match, with credit, ranges, feedback and the catch-all', () => {
    const partial = byTitle(result, 'Partial numbers');
    expect(graded(partial, num(100))).toEqual({ score: 1, status: 'correct', feedback: 'Right: live heap times (1 + GOGC/100).' });
    expect(graded(partial, num(200))).toEqual({ score: 0.5, status: 'partial', feedback: 'Half credit: that is twice the target.' });
    expect(graded(partial, num(150))).toEqual({ score: 0, status: 'incorrect', feedback: 'No.' });
    expect(partial.explanation).toBe('The target is live heap plus GOGC percent of it.');

    const catchAll = byTitle(result, 'Catch-all');
    expect(graded(catchAll, num(5))).toEqual({ score: 1, status: 'correct', feedback: undefined });
    expect(graded(catchAll, num(6))).toEqual({ score: 0, status: 'incorrect', feedback: 'Completely wrong' });

    const range = byTitle(result, 'Range');
    expect([1, 8, 8.5, 0].map((v) => graded(range, num(v)).score)).toEqual([1, 1, 0, 0]);
    expect(graded(byTitle(result, 'Tolerance'), num(104)).score).toBe(1);
    expect(graded(byTitle(result, 'One line'), num(4)).feedback).toBe('Right.');
  });

  it('should grade short answers with per-answer credit and feedback, Moodle wildcards and an escaped star', () => {
    const flag = byTitle(result, 'Race flag');
    expect(graded(flag, text('-race'))).toEqual({ score: 1, status: 'correct', feedback: 'Exactly.' });
    // GIFT cannot say "case sensitive", so Moodle's default (ignore case) applies.
    expect(graded(flag, text('RACE'))).toEqual({ score: 0.5, status: 'partial', feedback: 'Close: the flag starts with a dash.' });
    expect(graded(flag, text('go test -race'))).toEqual({ score: 0.25, status: 'partial', feedback: 'That is a whole command, but it has the flag.' });
    expect(graded(flag, text('-msan'))).toEqual({ score: 0, status: 'incorrect', feedback: undefined });

    const star = byTitle(result, 'Star');
    expect(graded(star, text('*')).score).toBe(1);
    expect(graded(star, text('main.go')).score).toBe(0);
    expect(graded(byTitle(result, 'Which builtin reports the number of queued elements in a channel?'), text('len(ch)')).feedback).toBe('Both spellings count.');
  });

  it('should grade the choice and true/false questions', () => {
    expect(grade(byTitle(result, 'Blocking operations').key, { type: 'multi', choices: ['a', 'b'] }).score).toBe(1);
    expect(grade(byTitle(result, 'Missing word').key, { type: 'single', choice: 'b' }).score).toBe(1);
    expect(grade(byTitle(result, 'TF two').key, { type: 'true-false', value: false }).score).toBe(1);
  });

  it('should export back to GIFT and read the same questions, with nothing further adapted', () => {
    const again = roundTrip(result, 'gift');
    expect(again.questions).toEqual(result.questions);
    expect(again.report).toEqual({ refused: 0, skipped: 0, adapted: 0 });
  });

  it('should write the numeric and short constructs the way Moodle reads them', () => {
    const gift = exportQuestions(result.questions, 'gift').text;
    expect(gift).toContain('{#1..8}');
    expect(gift).toContain('\t=%50%200 #Half credit\\: that is twice the target.\n\t~ #No.\n');
    expect(gift).toContain('\t=3:2\n\t~ #Completely wrong\n');
    expect(gift).toContain('\t=%25%go * -race #That is a whole command, but it has the flag.');
    expect(gift).toContain('\t=\\\\* #A lone star.');
  });

  it('should grade the same after a trip through Moodle XML, where a range becomes value and tolerance', () => {
    const xml = exportQuestions(result.questions, 'moodle-xml');
    expect(xml.problems.map((p) => p.message)).toContain('a numeric range is written as value and tolerance in Moodle XML (the same interval)');
    const back = importQuestions(xml.text, 'moodle-xml');
    const range = byTitle(back, 'Range');
    expect(range.key).toEqual({ type: 'numeric', answer: 4.5, tolerance: 3.5 });
    expect([1, 8, 8.5, 0].map((v) => graded(range, num(v)).score)).toEqual([1, 1, 0, 0]);
    expect(byTitle(back, 'Partial numbers').key).toEqual(byTitle(result, 'Partial numbers').key);
    expect(byTitle(back, 'Race flag').key).toEqual(byTitle(result, 'Race flag').key);
  });
});

describe('Moodle XML: every documented construct', () => {
  const result = importQuestions(fixture('moodle-all-constructs.xml'), 'moodle-xml', { sourceName: 'all.xml' });

  it('should import every expressible question and report what was skipped or adapted, with lines and reasons', () => {
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.questions.map((q) => q.id)).toEqual([
      'ch-xml-close-nil',
      'ch-blocking-forever',
      'ch-close-twice',
      'ch-race-flag',
      'ch-literal-star',
      'gc-next-gc',
      'gc-plain-number',
      'sync-cond-loop',
      'sync-match-types',
      'sync-escaped-entities',
    ]);
    expect(result.report).toEqual({ refused: 0, skipped: 2, adapted: 3 });
    expect(effects(result)).toEqual([
      [29, 'adapted', 'question "Blocking forever": the answer weights differ from goprep multi scoring (+1/k per correct pick, -1/k per wrong pick)'],
      [29, 'adapted', 'question "Blocking forever": not kept: penalty 0.1 per retry (goprep questions are answered once)'],
      [29, 'adapted', 'question "Blocking forever": not kept: 1 hint(s) for retries (goprep questions are answered once)'],
      [29, 'adapted', 'question "Blocking forever": not kept: feedback for any correct response "Both nil operations, well spotted."'],
      [42, 'adapted', 'question "Close twice": true/false answer feedback moved into the explanation'],
      [42, 'adapted', 'question "Close twice": not kept: 1 embedded file(s) (goprep questions are Markdown text; add images by hand)'],
      [110, 'skipped', 'question "Intro" not imported: Moodle "description" questions are not expressible in goprep'],
      [115, 'skipped', 'question "Cloze" not imported: Moodle "multianswer" questions are not expressible in goprep'],
      [120, 'adapted', 'question "Escaped & entities": not kept: default mark 2 (points are set per question in a question set)'],
      [120, 'adapted', 'question "Escaped & entities": not kept: hidden flag (imported questions are reviewed before use)'],
    ]);
  });

  it('should convert HTML text, answers and feedback, and decode entities', () => {
    const closeNil = byTitle(result, 'Close on a nil channel');
    expect(closeNil.prompt).toBe('What does `close(ch)` do when `ch` is **nil**?');
    expect(closeNil.options?.map((o) => [o.text, o.feedback])).toEqual([
      ['It panics', 'Right.'],
      ['It blocks', 'That is a *send* on nil.'],
      ['Nothing', undefined],
    ]);
    expect(closeNil.explanation).toBe('Closing a nil channel is a run-time panic.');
    expect(byTitle(result, 'Escaped & entities').prompt).toBe('Is `a && b` short-circuit?');
  });

  it('should grade numeric answers with credit, tolerance, a wrong answer with feedback and the catch-all', () => {
    const next = byTitle(result, 'Next GC');
    expect(next.unit).toBe('MiB');
    expect(graded(next, num(100))).toEqual({ score: 1, status: 'correct', feedback: 'Right.' });
    expect(graded(next, num(108))).toEqual({ score: 0.5, status: 'partial', feedback: 'Close.' });
    expect(graded(next, num(200))).toEqual({ score: 0, status: 'incorrect', feedback: 'That doubles it twice.' });
    expect(graded(next, num(7))).toEqual({ score: 0, status: 'incorrect', feedback: 'Completely wrong.' });
    expect(byTitle(result, 'Plain number').key).toEqual({ type: 'numeric', answer: 4, tolerance: 0 });
  });

  it('should grade short answers case-sensitively when usecase is 1, with wildcards, thirds and a catch-all', () => {
    const flag = byTitle(result, 'Race flag');
    expect(graded(flag, text('-race'))).toEqual({ score: 1, status: 'correct', feedback: 'Exactly.' });
    expect(graded(flag, text('-RACE'))).toEqual({ score: 0, status: 'incorrect', feedback: 'Not a go flag.' });
    expect(graded(flag, text('go build -race'))).toEqual({ score: 0.3333333, status: 'partial', feedback: undefined });
    const star = byTitle(result, 'Literal star');
    expect(star.key).toEqual({ type: 'short', accepted: ['*'], caseSensitive: false });
    expect(graded(star, text('anything')).score).toBe(0);
  });

  it('should keep the essay rubric from the grader information', () => {
    expect(byTitle(result, 'Cond loop').key).toEqual({
      type: 'essay',
      rubric: ['says the condition may be false again after waking', 'names the canonical for-loop form'],
    });
  });

  it('should export back to Moodle XML and read the same questions, with nothing further adapted', () => {
    const again = roundTrip(result, 'moodle-xml');
    expect(again.questions).toEqual(result.questions);
    expect(again.report).toEqual({ refused: 0, skipped: 0, adapted: 0 });
  });

  it('should write credits, feedback, the catch-all and usecase the way Moodle reads them', () => {
    const xml = exportQuestions(result.questions, 'moodle-xml').text;
    expect(xml).toContain('<usecase>1</usecase>');
    expect(xml).toContain('<answer fraction="33.33333" format="plain_text">\n      <text>go * -race</text>');
    expect(xml).toContain('<answer fraction="0" format="moodle_auto_format">\n      <text>*</text>\n      <tolerance>0</tolerance>\n      <feedback format="markdown"><text>Completely wrong.</text></feedback>');
    expect(xml).toContain('<text>\\*</text>');
  });

  it('should import nothing in strict mode, because questions were skipped and adapted', () => {
    const strict = importQuestions(fixture('moodle-all-constructs.xml'), 'moodle-xml', { strict: true });
    expect(strict.questions).toEqual([]);
    expect(strict.report).toEqual({ refused: 0, skipped: 2, adapted: 3, rejectedWhole: 'strict' });
  });
});
