import { join } from 'node:path';
import type { BankQuestion } from '../model';
import { loadBank } from '../parse/load-bank';
import { exportQuestions, importQuestions, type InterchangeFormat } from './index';

const valid = loadBank(join(__dirname, '..', '__fixtures__', 'valid-bank'));
const question = (id: string): BankQuestion => {
  const found = valid.questions.find((q) => q.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const ordering = question('ch-ordering');
const matching = question('ch-matching');

const text = (q: BankQuestion, id: string): string | undefined => q.options?.find((o) => o.id === id)?.text;
/** What survives a trip through a foreign format: texts, not ids (importers number items a, b, c...). */
const orderedTexts = (q: BankQuestion): (string | undefined)[] => (q.key.type === 'ordering' ? q.key.order.map((id) => text(q, id)) : []);
const pairTexts = (q: BankQuestion): [string | undefined, string | undefined][] =>
  q.key.type === 'matching' ? q.key.pairs.map((pair) => [text(q, pair.left), text(q, pair.right)]) : [];
const rightTexts = (q: BankQuestion): string[] => (q.options ?? []).filter((o) => o.side === 'right').map((o) => o.text);

function through(questions: BankQuestion[], format: InterchangeFormat) {
  const exported = exportQuestions(questions, format);
  const imported = importQuestions(exported.text, format, { topic: 'channels' });
  expect(imported.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { exported, imported };
}

describe('Moodle XML: ordering and matching both ways', () => {
  const { exported, imported } = through([ordering, matching], 'moodle-xml');

  it('should write the ordering plugin question with each item\'s place as its fraction, graded by the longest ordered subset', () => {
    expect(exported.text).toContain('<question type="ordering">');
    expect(exported.text).toContain('<gradingtype>LONGEST_ORDERED_SUBSET</gradingtype>');
    expect(exported.text).toMatch(/<answer fraction="1" format="markdown">\s*<text>The send on `ch` starts<\/text>/);
    expect(exported.text).toMatch(/<answer fraction="3" format="markdown">\s*<text>The sender continues<\/text>/);
  });

  it('should bring the ordering question back with the same items in the same order', () => {
    const back = imported.questions.find((q) => q.type === 'ordering');
    expect(back && orderedTexts(back)).toEqual(orderedTexts(ordering));
    expect(orderedTexts(ordering)).toEqual(['The send on `ch` starts', 'The matching receive completes', 'The sender continues']);
  });

  it('should bring the matching question back with its pairs and its distractor (a subquestion without text)', () => {
    expect(exported.text).toMatch(/<subquestion format="markdown">\s*<text>Receive from a nil channel<\/text>\s*<answer><text>Blocks forever<\/text><\/answer>/);
    expect(exported.text).toMatch(/<subquestion format="markdown">\s*<text><\/text>\s*<answer><text>Panics<\/text><\/answer>/);
    const back = imported.questions.find((q) => q.type === 'matching');
    expect(back && pairTexts(back)).toEqual([
      ['Receive from a nil channel', 'Blocks forever'],
      ['Receive from a closed channel', 'Returns the zero value at once'],
    ]);
    expect(back && rightTexts(back)).toEqual(rightTexts(matching));
    expect(rightTexts(matching)).toEqual(['Blocks forever', 'Returns the zero value at once', 'Panics']);
  });
});

describe('GIFT: matching both ways, ordering not expressible', () => {
  const { exported, imported } = through([ordering, matching], 'gift');

  it('should write matching as "=left -> right" pairs and read them back', () => {
    expect(exported.text).toContain('=Receive from a nil channel -> Blocks forever');
    expect(imported.questions.map((q) => q.type)).toEqual(['matching']);
    expect(pairTexts(imported.questions[0] as BankQuestion)).toEqual(pairTexts(matching));
  });

  it('should say what GIFT loses: the ordering question, the distractor and the two-pair minimum', () => {
    const messages = exported.problems.map((p) => p.message);
    expect(messages).toContain('ordering questions are not expressible in GIFT; export as Moodle XML (the ordering question type)');
    expect(messages).toContain('matching distractors (answers that match nothing) are not expressible in GIFT; not exported');
    expect(messages).toContain("Moodle's GIFT import needs at least three matching pairs; this question has two");
    expect(exported.text).not.toContain('Panics');
  });
});

describe('Moodle XML import of ordering questions written by Moodle', () => {
  const xml = (gradingType: string, answers: string) => `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="ordering">
    <name><text>GC phases</text></name>
    <questiontext format="html"><text><![CDATA[<p>Order the phases.</p>]]></text></questiontext>
    <layouttype>VERTICAL</layouttype>
    <selecttype>ALL</selecttype>
    <gradingtype>${gradingType}</gradingtype>
${answers}
  </question>
</quiz>`;

  it('should sort the items by the place each answer\'s fraction gives, not by document order', () => {
    const answers = ['<answer fraction="2" format="html"><text>mark</text></answer>', '<answer fraction="3" format="html"><text>sweep</text></answer>', '<answer fraction="1" format="html"><text>sweep termination</text></answer>'];
    const result = importQuestions(xml('LONGEST_ORDERED_SUBSET', answers.join('\n')), 'moodle-xml', { topic: 'gc-tuning' });
    expect(result.report).toEqual({ refused: 0, skipped: 0, adapted: 0 });
    const q = result.questions[0] as BankQuestion;
    expect(q.type).toBe('ordering');
    expect(orderedTexts(q)).toEqual(['sweep termination', 'mark', 'sweep']);
  });

  it('should report another Moodle grading type as adapted', () => {
    const answers = ['a', 'b', 'c'].map((item, i) => `<answer fraction="${i + 1}" format="html"><text>${item}</text></answer>`).join('\n');
    const result = importQuestions(xml('ABSOLUTE_POSITION', answers), 'moodle-xml', { topic: 'gc-tuning' });
    expect(result.report.adapted).toBe(1);
    expect(result.problems.map((p) => p.message)).toContain('question "GC phases": Moodle grading "ABSOLUTE_POSITION" became goprep\'s longest-ordered-subset grading');
  });

  it('should skip an ordering question with fewer than three items and refuse one with fewer than two', () => {
    const two = ['a', 'b'].map((item, i) => `<answer fraction="${i + 1}" format="html"><text>${item}</text></answer>`).join('\n');
    expect(importQuestions(xml('LONGEST_ORDERED_SUBSET', two), 'moodle-xml', { topic: 'gc-tuning' }).report.skipped).toBe(1);
    const one = '<answer fraction="1" format="html"><text>a</text></answer>';
    expect(importQuestions(xml('LONGEST_ORDERED_SUBSET', one), 'moodle-xml', { topic: 'gc-tuning' }).report.refused).toBe(1);
  });
});
