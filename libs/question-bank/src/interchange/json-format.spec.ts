import * as bank from './__fixtures__/bank-questions';
import { importQuestions } from './index';
import { jsonErrorOffset } from './json-error-offset';

const errors = (text: string) =>
  importQuestions(text, 'json', { sourceName: 'bank.json' }).problems.map((p) => ({ line: p.line, message: p.message, severity: p.severity }));

describe('JSON import', () => {
  it('should report malformed JSON with its line', () => {
    expect(errors('{\n  "version": 1,\n  "questions": [\n    {"id": }\n  ]\n}')).toEqual([
      { line: 4, message: expect.stringContaining('malformed JSON'), severity: 'error' },
    ]);
  });
  it('should refuse an unknown version', () => {
    expect(errors('{"format": "goprep-questions", "version": 2, "questions": []}')).toEqual([
      { line: 1, message: 'unsupported version 2: this reader understands version 1', severity: 'error' },
    ]);
  });
  it('should refuse a document without a questions list', () => {
    expect(errors('[]')[0]?.message).toContain('expected an object');
  });
  it('should report every bad field of a question with the line of its id and import nothing', () => {
    const bad = { ...bank.single, difficulty: 9, topic: 'nope', key: { type: 'multi', correct: [] } };
    const text = JSON.stringify({ format: 'goprep-questions', version: 1, questions: [bank.multi, bad] }, null, 2);
    const result = importQuestions(text, 'json');
    expect(result.questions).toEqual([]);
    const line = text.split('\n').findIndex((l) => l.includes('"id": "ch-nil-receive"')) + 1;
    expect(result.problems.map((p) => [p.line, p.message])).toEqual([
      [line, expect.stringContaining('questions[1]: "topic" must be one of')],
      [line, 'questions[1]: "difficulty" must be an integer 1-5'],
      [line, 'questions[1]: "key" must be an answer key of the question\'s type'],
    ]);
  });
  it('should refuse duplicate ids', () => {
    const text = JSON.stringify({ format: 'goprep-questions', version: 1, questions: [bank.single, bank.single] });
    expect(importQuestions(text, 'json').problems.map((p) => p.message)).toEqual(['questions[1]: duplicate id "ch-nil-receive"']);
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1}', undefined],
    ['[1, "x\\u00e9", true, false, null, -2.5e3, {"b": []}]', undefined],
    ['{"a": }', 6],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['"\\q"', 1],
    ['{"a": 1} x', 9],
    ['tru', 0],
    ['[01]', 2],
  ])('should find the offending offset of %j', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });
});
