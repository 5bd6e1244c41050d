import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BankQuestion } from '../../model';
import { importQuestions } from '../index';
import { questionStartLines } from './locate';

const fixture = (name: string): string => readFileSync(join(__dirname, '..', '__fixtures__', name), 'utf8');

function importXml(text: string, topic?: BankQuestion['topic']) {
  return importQuestions(text, 'moodle-xml', { sourceName: 'quiz.xml', ...(topic ? { topic } : {}) });
}

const errors = (result: ReturnType<typeof importXml>) =>
  result.problems.filter((p) => p.severity === 'error').map((p) => ({ line: p.line, message: p.message }));

const wrap = (questions: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${questions}\n</quiz>\n`;

describe('Moodle XML import of the documentation sample', () => {
  const result = importXml(fixture('sample.xml'));
  const byTitle = (title: string): BankQuestion => {
    const found = result.questions.find((q) => q.title === title);
    if (!found) throw new Error(`no question titled ${title}`);
    return found;
  };

  it('should import every expressible question and no errors', () => {
    expect(errors(result)).toEqual([]);
    expect(result.questions.map((q) => [q.id, q.type, q.topic, q.subtopic])).toEqual([
      ['mm-unsynchronised-flag', 'single', 'memory-model', 'happens-before'],
      ['mm-synchronising-operations', 'multi', 'memory-model', 'happens-before'],
      ['mm-atomics-are-sequentially-consistent', 'true-false', 'memory-model', 'happens-before'],
      ['mm-race-detector-flag', 'short', 'memory-model', 'happens-before'],
      ['gc-default-gogc', 'numeric', 'gc-tuning', 'imported'],
      ['gc-tuning-gomemlimit', 'essay', 'gc-tuning', 'imported'],
      ['gc-match-the-knobs', 'matching', 'gc-tuning', 'imported'],
    ]);
  });

  it('should read an HTML multichoice with CDATA, idnumber, tags, answer feedback and general feedback', () => {
    const { contentHash: _hash, ...q } = byTitle('Unsynchronised flag');
    expect(q).toEqual({
      id: 'mm-unsynchronised-flag',
      title: 'Unsynchronised flag',
      topic: 'memory-model',
      subtopic: 'happens-before',
      type: 'single',
      difficulty: 3,
      tags: ['data-race', 'memory-model', 'needs-review'],
      goVersion: '1.26',
      expectedSeconds: 60,
      references: [],
      prompt: 'A goroutine sets `done = true` after writing `msg`; **main** spins on `done`.\n\nWhat does the memory model promise?',
      explanation: 'Without synchronisation there is no happens-before edge & no guarantee.',
      options: [
        { id: 'a', text: 'Nothing: it is a data race', correct: true, feedback: 'Right: racy programs have no guarantees.' },
        { id: 'b', text: 'main prints msg', correct: false },
        { id: 'c', text: 'main never sees done', correct: false },
      ],
      key: { type: 'single', correct: 'a' },
      verify: [],
      draft: false,
      sourcePath: 'libs/question-bank/bank/memory-model/mm-unsynchronised-flag.md',
    });
  });

  it('should read single=false with positive and negative fractions as multi and report the different weights', () => {
    const q = byTitle('Synchronising operations');
    expect(q.key).toEqual({ type: 'multi', correct: ['a', 'b', 'c'] });
    expect(q.options?.[3]).toEqual({ id: 'd', text: 'two plain writes', correct: false, feedback: 'Plain writes synchronise nothing.' });
    expect(result.problems.map((p) => p.message)).toContain(
      'question "Synchronising operations": the answer weights differ from goprep multi scoring (+1/k per correct pick, -1/k per wrong pick)',
    );
  });

  it('should read truefalse with answer feedback', () => {
    const q = byTitle('Atomics are sequentially consistent');
    expect(q.key).toEqual({ type: 'true-false', answer: true });
    expect(q.explanation).toBe(
      'The Go memory model says so since 2022.\n\nIf you answered true: Yes.\n\nIf you answered false: They are sequentially consistent.',
    );
  });

  it('should read usecase and keep the * wildcard and the partial credit as graded answers', () => {
    expect(byTitle('Race detector flag').key).toEqual({
      type: 'short',
      accepted: ['-race'],
      caseSensitive: true,
      answers: [
        { text: '-race', credit: 1 },
        { text: 'go build -race*', credit: 1 },
        { text: 'race', credit: 0.5 },
      ],
    });
    expect(result.problems.filter((p) => p.message.includes('Race detector flag') && p.effect !== undefined)).toEqual([]);
  });

  it('should read numerical answers with tolerance, credit and feedback, and the base unit', () => {
    const q = byTitle('Default GOGC');
    expect(q.key).toEqual({
      type: 'numeric',
      answer: 100,
      tolerance: 0,
      answers: [
        { match: 'value', value: 100, tolerance: 0, credit: 1, feedback: 'Right.' },
        { match: 'value', value: 100, tolerance: 10, credit: 0.5 },
      ],
    });
    expect(q.unit).toBe('%');
  });

  it('should read the essay grader information as the rubric', () => {
    expect(byTitle('Tuning GOMEMLIMIT').key).toEqual({
      type: 'essay',
      rubric: ['mentions the container memory limit', 'warns about the death spiral near the limit'],
    });
  });

  it('should import the matching subquestions as pairs', () => {
    expect(byTitle('Match the knobs').key).toEqual({ type: 'matching', pairs: [{ left: 'a', right: 'm1' }, { left: 'b', right: 'm2' }] });
  });

  it('should report description questions with their lines instead of dropping them silently', () => {
    const skipped = result.problems.filter((p) => p.message.includes('not imported'));
    expect(skipped).toEqual([
      {
        file: 'quiz.xml',
        line: 104,
        severity: 'warning',
        effect: 'skipped',
        question: 104,
        message: 'question "Section intro" not imported: Moodle "description" questions are not expressible in goprep',
      },
    ]);
  });
});

describe('Moodle XML import of malformed input', () => {
  it('should refuse an unknown question type with its line', () => {
    const result = importXml(fixture('unknown-type.xml'), 'channels');
    expect(result.report.refused).toBe(1);
    expect(errors(result)).toEqual([{ line: 9, message: 'unknown question type "hotspot"' }]);
  });

  it('should refuse broken XML with the parser line and import nothing', () => {
    const result = importXml(fixture('broken.xml'), 'channels');
    expect(result.questions).toEqual([]);
    expect(result.report.rejectedWhole).toBe('file-error');
    expect(errors(result)).toEqual([
      { line: 6, message: "malformed XML: Expected closing tag 'questiontext' (opened in line 5, col 5) instead of closing tag 'question'." },
    ]);
  });

  it('should refuse a DOCTYPE (entity expansion) with its line', () => {
    const result = importXml('<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaa">]>\n<quiz></quiz>', 'channels');
    expect(errors(result)).toEqual([{ line: 2, message: 'DOCTYPE declarations are not accepted in Moodle XML' }]);
  });

  it('should refuse a document whose root is not <quiz>', () => {
    expect(errors(importXml('<questions></questions>', 'channels'))).toEqual([{ line: 1, message: 'the root element must be <quiz>' }]);
  });

  it.each([
    ['<question><name><text>N</text></name></question>', '<question> without a type attribute'],
    ['<question type="shortanswer"><name><text>N</text></name><answer fraction="100"><text>x</text></answer></question>', 'shortanswer question without <questiontext>'],
    ['<question type="multichoice"><questiontext><text>Q</text></questiontext><answer fraction="lots"><text>x</text></answer></question>', 'bad answer fraction "lots": expected a percentage between -100 and 100'],
    ['<question type="multichoice"><questiontext><text>Q</text></questiontext><answer fraction="200"><text>x</text></answer></question>', 'bad answer fraction "200": expected a percentage between -100 and 100'],
    ['<question type="numerical"><questiontext><text>Q</text></questiontext><answer fraction="100"><text>ten</text></answer></question>', 'bad numeric answer "ten" with tolerance "0": expected numbers, tolerance >= 0'],
    ['<question type="numerical"><questiontext><text>Q</text></questiontext><answer fraction="100"><text>10</text><tolerance>-1</tolerance></answer></question>', 'bad numeric answer "10" with tolerance "-1": expected numbers, tolerance >= 0'],
    ['<question type="truefalse"><questiontext><text>Q</text></questiontext><answer fraction="100"><text>yes</text></answer></question>', 'a truefalse question needs a "true" and a "false" answer'],
    ['<question type="multichoice"><questiontext><text>Q</text></questiontext><answer fraction="0"><text>x</text></answer><answer fraction="0"><text>y</text></answer></question>', 'question: choice question without a correct answer'],
  ])('should refuse %s with the line of its <question> tag', (question, message) => {
    const result = importXml(wrap(`\n${question}`), 'channels');
    expect(result.questions).toEqual([]);
    expect(errors(result)).toEqual([{ line: 4, message }]);
  });

  it('should import the good questions when one question of many is wrong, and nothing when strict', () => {
    const good = '<question type="truefalse"><name><text>Good</text></name><questiontext><text>Q</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>';
    const bad = '<question type="bogus"><questiontext><text>Q</text></questiontext></question>';
    const result = importXml(wrap(`${good}\n${good}\n${bad}`), 'channels');
    expect(result.questions.map((q) => q.id)).toEqual(['ch-good', 'ch-good-2']);
    expect(errors(result)).toEqual([{ line: 5, message: 'unknown question type "bogus"' }]);
    const strict = importQuestions(wrap(`${good}\n${bad}`), 'moodle-xml', { topic: 'channels', strict: true });
    expect(strict.questions).toEqual([]);
    expect(strict.report).toEqual({ refused: 1, skipped: 0, adapted: 0, rejectedWhole: 'strict' });
  });

  it('should keep a "*" numerical answer as the catch-all with its feedback', () => {
    const q = '<question type="numerical"><name><text>N</text></name><questiontext><text>Q</text></questiontext><answer fraction="100"><text>4</text></answer><answer fraction="0"><text>*</text><feedback><text>Count again.</text></feedback></answer></question>';
    const result = importXml(wrap(q), 'sync');
    expect(result.questions[0]?.key).toEqual({
      type: 'numeric',
      answer: 4,
      tolerance: 0,
      answers: [
        { match: 'value', value: 4, tolerance: 0, credit: 1 },
        { match: 'any', credit: 0, feedback: 'Count again.' },
      ],
    });
  });
});

describe('questionStartLines', () => {
  it('should skip <question inside comments and CDATA and not count <questiontext>', () => {
    const xml = '<quiz>\n<!-- <question -->\n<question type="x">\n<questiontext><text><![CDATA[<question>]]></text></questiontext>\n</question>\n<question type="y"/>\n</quiz>';
    expect(questionStartLines(xml)).toEqual([3, 6]);
  });
});

describe('Moodle XML options goprep decides elsewhere', () => {
  it('should report a fixed answer order', () => {
    const q = '<question type="multichoice"><name><text>N</text></name><questiontext><text>Q</text></questiontext><shuffleanswers>0</shuffleanswers><answer fraction="100"><text>a</text></answer><answer fraction="0"><text>all of the above</text></answer></question>';
    const result = importXml(wrap(q), 'sync');
    expect(result.questions).toHaveLength(1);
    expect(result.problems).toContainEqual({
      file: 'quiz.xml',
      line: 3,
      severity: 'warning',
      effect: 'adapted',
      question: 3,
      message: 'a fixed answer order is not expressible per question in goprep (shuffling is a question-set setting)',
    });
  });
});
