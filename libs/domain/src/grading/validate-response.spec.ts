import { RESPONSE_LIMITS } from './limits';
import { validateResponse } from './validate-response';

describe('validateResponse', () => {
  it.each([
    ['single', { choice: 'a' }, { type: 'single', choice: 'a' }],
    ['multi', { choices: [] }, { type: 'multi', choices: [] }],
    ['multi', { choices: ['a', 'a'] }, { type: 'multi', choices: ['a', 'a'] }],
    ['true-false', { value: false }, { type: 'true-false', value: false }],
    ['short', { text: '' }, { type: 'short', text: '' }],
    ['numeric', { value: -0.5 }, { type: 'numeric', value: -0.5 }],
    ['code-output', { text: '1\r\n' }, { type: 'code-output', text: '1\r\n' }],
    ['code-lines', { lines: [3, 8] }, { type: 'code-lines', lines: [3, 8] }],
    ['essay', { text: 'because' }, { type: 'essay', text: 'because' }],
    ['flashcard', {}, { type: 'flashcard' }],
    ['flashcard', { selfRating: 3 }, { type: 'flashcard', selfRating: 3 }],
    ['single', { type: 'single', choice: 'b' }, { type: 'single', choice: 'b' }],
  ])('should accept a well-formed %s response %j', (type, value, expected) => {
    expect(validateResponse(type, value)).toEqual({ ok: true, response: expected });
  });

  it.each([
    ['single', null, 'must be a JSON object'],
    ['single', ['a'], 'must be a JSON object'],
    ['single', 'a', 'must be a JSON object'],
    ['single', {}, '"choice" must be a non-empty string'],
    ['single', { choice: '' }, '"choice" must be a non-empty string'],
    ['single', { choice: 1 }, '"choice" must be a non-empty string'],
    ['single', { choice: 'x'.repeat(RESPONSE_LIMITS.choiceLength + 1) }, 'longer than'],
    ['single', { choice: 'a', extra: 1 }, 'unexpected field(s): extra'],
    ['single', { type: 'multi', choice: 'a' }, 'does not match question type'],
    ['multi', { choices: 'a' }, '"choices" must be an array'],
    ['multi', { choices: ['a', 2] }, '"choices[1]" must be a non-empty string'],
    ['multi', { choices: Array(RESPONSE_LIMITS.choices + 1).fill('a') }, 'more than'],
    ['true-false', { value: 'true' }, 'must be true or false'],
    ['short', { text: 5 }, '"text" must be a string'],
    ['short', { text: 'x'.repeat(RESPONSE_LIMITS.shortText + 1) }, 'longer than'],
    ['numeric', { value: '3.14' }, 'finite number'],
    ['numeric', { value: Number.NaN }, 'finite number'],
    ['numeric', { value: Infinity }, 'finite number'],
    ['code-output', { text: 'x'.repeat(RESPONSE_LIMITS.codeOutputText + 1) }, 'longer than'],
    ['code-lines', { lines: [0] }, 'line number'],
    ['code-lines', { lines: [1.5] }, 'line number'],
    ['code-lines', { lines: ['3'] }, 'line number'],
    ['code-lines', { lines: Array(RESPONSE_LIMITS.lines + 1).fill(1) }, 'more than'],
    ['essay', { text: null }, '"text" must be a string'],
    ['flashcard', { selfRating: 5 }, '"selfRating" must be 1'],
    ['flashcard', { selfRating: 'good' }, '"selfRating" must be 1'],
    ['cloze', { parts: [] }, 'unknown question type "cloze"'],
  ])('should refuse a %s response %j', (type, value, message) => {
    const result = validateResponse(type, value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('should copy arrays so later mutation of the input does not change the response', () => {
    const input = { choices: ['a'] };
    const result = validateResponse('multi', input);
    input.choices.push('b');
    expect(result).toEqual({ ok: true, response: { type: 'multi', choices: ['a'] } });
  });
});
