import { keyText, responseText } from './answer-text';

const labels = { yes: 'True', no: 'False', lines: (l: string) => `lines ${l}` };
const options = [
  { id: 'o1', text: 'nil', correct: false },
  { id: 'o2', text: 'panic', correct: true },
  { id: 'o3', text: '0', correct: true },
];

describe('report answer text', () => {
  it('should name chosen options with the letter the candidate saw', () => {
    expect(responseText({ type: 'single', options, response: { choice: 'o2' }, key: {} }, labels)).toBe('B. panic');
    expect(responseText({ type: 'multi', options, response: { choices: ['o3', 'o1'] }, key: {} }, labels)).toBe('C. 0\nA. nil');
    expect(keyText({ type: 'multi', options, response: null, key: {} }, labels)).toBe('B. panic\nC. 0');
  });

  it('should show unanswered as null and an empty multi as unanswered', () => {
    expect(responseText({ type: 'single', options, response: null, key: {} }, labels)).toBeNull();
    expect(responseText({ type: 'multi', options, response: { choices: [] }, key: {} }, labels)).toBeNull();
  });

  it('should list graded numeric and short answers with the share of partial ones', () => {
    const numeric = {
      answers: [
        { match: 'value', value: 100, tolerance: 0, credit: 1 },
        { match: 'range', min: 90, max: 110, credit: 0.5 },
        { match: 'any', credit: 0, feedback: 'No.' },
      ],
      answer: 100,
      tolerance: 0,
    };
    expect(keyText({ type: 'numeric', unit: 'MiB', response: null, key: numeric }, labels)).toBe('100 MiB · 90–110 MiB (50%)');
    const short = { accepted: [], answers: [{ text: 'go * -race', credit: 1 }, { text: 'race', credit: 0.3333333 }, { text: '*', credit: 0 }] };
    expect(keyText({ type: 'short', response: null, key: short }, labels)).toBe('go * -race · race (33.3%)');
  });

  it('should render the other answer types', () => {
    expect(responseText({ type: 'true-false', response: { value: false }, key: { answer: true } }, labels)).toBe('False');
    expect(keyText({ type: 'true-false', response: null, key: { answer: true } }, labels)).toBe('True');
    expect(responseText({ type: 'numeric', unit: 'ms', response: { value: 12.5 }, key: {} }, labels)).toBe('12.5 ms');
    expect(keyText({ type: 'numeric', unit: 'ms', response: null, key: { answer: 12, tolerance: 1 } }, labels)).toBe('12 ms (± 1)');
    expect(responseText({ type: 'code-lines', response: { lines: [3, 7] }, key: {} }, labels)).toBe('lines 3, 7');
    expect(responseText({ type: 'essay', response: { text: 'Use a mutex.' }, key: {} }, labels)).toBe('Use a mutex.');
    expect(keyText({ type: 'short', response: null, key: { accepted: ['GOMAXPROCS', 'gomaxprocs'] } }, labels)).toBe('GOMAXPROCS · gomaxprocs');
    expect(keyText({ type: 'code-output', response: null, key: { outputs: ['1\n2\n'] } }, labels)).toBe('1\n2\n');
    expect(keyText({ type: 'essay', response: null, key: { rubric: ['x'] } }, labels)).toBeNull();
  });
});

describe('answer text for ordering and matching', () => {
  const labels = { yes: 'Yes', no: 'No', lines: (l: string) => `Lines ${l}` };
  it('should number an ordering answer and key by item text', () => {
    const item = {
      type: 'ordering',
      options: [
        { id: 'b', text: 'second' },
        { id: 'a', text: 'first' },
      ],
      response: { type: 'ordering', order: ['b', 'a'] },
      key: { type: 'ordering', order: ['a', 'b'] },
    };
    expect(responseText(item, labels)).toBe('1. second\n2. first');
    expect(keyText(item, labels)).toBe('1. first\n2. second');
  });
  it('should write matching pairs as left → right in the left items\' order, blanks left out', () => {
    const item = {
      type: 'matching',
      matchItems: [
        { id: 'x', text: 'close(ch)' },
        { id: 'y', text: 'send' },
      ],
      options: [
        { id: 'm2', text: 'receive completes' },
        { id: 'm1', text: 'closed receive' },
      ],
      response: { type: 'matching', pairs: { y: 'm1', x: '' } },
      key: { type: 'matching', pairs: [{ left: 'x', right: 'm1' }, { left: 'y', right: 'm2' }] },
    };
    expect(responseText(item, labels)).toBe('send → closed receive');
    expect(keyText(item, labels)).toBe('close(ch) → closed receive\nsend → receive completes');
  });
});
