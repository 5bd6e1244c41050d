import type { OrgQuestionInput } from '../api/create-org-question';
import { emptyForm, errorsFor, freeId, fromSource, moveRow, toInput, type FormState } from './form-state';

const filled = (patch: Partial<FormState>): FormState => ({
  ...emptyForm(),
  title: 'Close a nil channel',
  subtopic: 'nil-channels',
  tags: 'nil-channel, close',
  references: 'https://go.dev/ref/spec#Close',
  prompt: 'What happens?',
  explanation: 'It panics. Always. By the spec.',
  ...patch,
});

describe('toInput', () => {
  it('should send only the keys of the chosen type, with option ids by position', () => {
    const body = toInput(filled({ options: [{ text: 'It panics', correct: true, feedback: ' why ' }, { text: 'Nothing', correct: false, feedback: '' }] }));
    expect(body).toMatchObject({ type: 'single', difficulty: 2, expected_seconds: 60, tags: ['nil-channel', 'close'] });
    expect(body.options).toEqual([
      { id: 'a', text: 'It panics', correct: true, feedback: 'why' },
      { id: 'b', text: 'Nothing', correct: false },
    ]);
    expect(body).not.toHaveProperty('code');
    expect(body).not.toHaveProperty('answer');
  });

  it('should end every output with a newline and ask for many runs when several are possible', () => {
    const body = toInput(filled({ type: 'code-output', outputs: ['a', 'b\n'] }));
    expect(body.outputs).toEqual(['a\n', 'b\n']);
    expect(body.verify).toEqual([{ kind: 'output', runs: 20 }]);
  });

  it('should make the code-lines check point at the key lines', () => {
    const body = toInput(filled({ type: 'code-lines', lines: [7, 3], lineCheck: 'leak' }));
    expect(body.lines).toEqual([3, 7]);
    expect(body.verify).toEqual([{ kind: 'leak', lines: [3, 7] }]);
  });

  it('should leave a non-number as text so the API reports the field', () => {
    expect(toInput(filled({ type: 'numeric', numericAnswer: 'lots' })).answer).toBe('lots');
    expect(toInput(filled({ type: 'numeric', numericAnswer: '1.5' })).answer).toBe(1.5);
  });
});

describe('ordering and matching rows', () => {
  it('should send ordering items in the listed order with their ids, trimmed', () => {
    const body = toInput(filled({ type: 'ordering', orderItems: [{ id: 'b', text: ' second ' }, { id: 'a', text: 'first' }, { id: 'c', text: 'third' }] }));
    expect(body.items).toEqual([
      { id: 'b', text: 'second' },
      { id: 'a', text: 'first' },
      { id: 'c', text: 'third' },
    ]);
    expect(body).not.toHaveProperty('options');
  });

  it('should send matching pairs as text and match, and leave out blank distractors', () => {
    const body = toInput(filled({ type: 'matching', pairs: [{ id: 'a', left: ' close ', right: ' panics ' }, { id: 'b', left: 'send', right: 'blocks' }], distractors: ['', ' returns '] }));
    expect(body.pairs).toEqual([
      { id: 'a', text: 'close', match: 'panics' },
      { id: 'b', text: 'send', match: 'blocks' },
    ]);
    expect(body.distractors).toEqual(['returns']);
    expect(toInput(filled({ type: 'matching', distractors: [' '] }))).not.toHaveProperty('distractors');
  });

  it('should give a new row the first unused letter, never an id of the m1 kind', () => {
    expect(freeId([{ id: 'a' }, { id: 'c' }])).toBe('b');
    expect(freeId(Array.from({ length: 26 }, (_, i) => ({ id: String.fromCharCode(97 + i) })))).toBe('i27');
  });

  it('should move a row up or down and keep the others in order', () => {
    expect(moveRow(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });
});

describe('fromSource', () => {
  it('should give back the same body for every type it can edit', () => {
    const forms: Array<Partial<FormState>> = [
      { type: 'multi', options: [{ text: 'x', correct: true, feedback: '' }, { text: 'y', correct: true, feedback: 'f' }] },
      { type: 'true-false', trueFalse: false },
      { type: 'short', accepted: 'close\nclose()', caseSensitive: true, pattern: '^close$' },
      { type: 'numeric', numericAnswer: '100', tolerance: '0.5', unit: '%' },
      { type: 'code-output', outputs: ['hi'] },
      { type: 'code-lines', lines: [4], lineCheck: 'race' },
      { type: 'essay', rubric: 'one\ntwo' },
      { type: 'flashcard', cardAnswer: 'It panics.' },
      { type: 'ordering', orderItems: [{ id: 'write', text: 'write x' }, { id: 'a', text: 'send' }, { id: 'b', text: 'read x' }] },
      { type: 'matching', pairs: [{ id: 'close', left: 'close', right: 'panics' }, { id: 'b', left: 'send', right: 'blocks' }], distractors: ['returns'] },
    ];
    for (const patch of forms) {
      const body = toInput(filled(patch));
      expect(toInput(fromSource(body))).toEqual(body);
    }
  });

  it('should keep checks the editor does not manage, and a program on a choice question', () => {
    const source = {
      ...toInput(filled({ type: 'single' })),
      code: 'package main\n',
      verify: [{ kind: 'vet', analyzer: 'copylocks' }],
    } as OrgQuestionInput;
    expect(toInput(fromSource(source))).toEqual(source);
  });
});

describe('errorsFor', () => {
  it('should collect the messages of a field and its children', () => {
    const errors = [
      { field: 'options', message: 'exactly one' },
      { field: 'options.1.text', message: 'too short' },
      { field: 'optionsX', message: 'other' },
    ];
    expect(errorsFor(errors, 'options')).toBe('exactly one · too short');
    expect(errorsFor(errors, 'options.1')).toBe('too short');
    expect(errorsFor(errors, 'title')).toBeUndefined();
  });
});
