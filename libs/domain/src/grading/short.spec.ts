import { grade } from './grade';
import type { AnswerKey } from './answer-key';
import { PATTERN_INPUT_LIMIT } from './limits';

const key: AnswerKey = { type: 'short', accepted: ['happens before', 'Happens-Before'], caseSensitive: false };
const answer = (text: string) => grade(key, { type: 'short', text });

describe('short answer grading', () => {
  it('should accept an accepted answer verbatim', () => {
    expect(answer('happens before')).toEqual({ score: 1, status: 'correct' });
  });
  it('should ignore case unless the key is case sensitive', () => {
    expect(answer('HAPPENS BEFORE').status).toBe('correct');
    const sensitive: AnswerKey = { type: 'short', accepted: ['GOGC'], caseSensitive: true };
    expect(grade(sensitive, { type: 'short', text: 'gogc' }).status).toBe('incorrect');
    expect(grade(sensitive, { type: 'short', text: 'GOGC' }).status).toBe('correct');
  });
  it('should trim and collapse inner white space including tabs and newlines', () => {
    expect(answer('  happens \t\n  before  ').status).toBe('correct');
  });
  it('should normalise the accepted answers the same way', () => {
    const spaced: AnswerKey = { type: 'short', accepted: ['  sync.Once  '], caseSensitive: true };
    expect(grade(spaced, { type: 'short', text: 'sync.Once' }).status).toBe('correct');
  });
  it('should not treat a hyphen as a space', () => {
    expect(answer('happens-before').status).toBe('correct');
    expect(answer('happens_before').status).toBe('incorrect');
  });
  it('should reject a wrong answer', () => {
    expect(answer('synchronizes with')).toEqual({ score: 0, status: 'incorrect' });
  });
  it('should treat blank text as unanswered', () => {
    expect(answer('   ')).toEqual({ score: 0, status: 'unanswered' });
  });
  it('should equate composed and decomposed unicode forms', () => {
    const cafe: AnswerKey = { type: 'short', accepted: ['caf\u00e9'], caseSensitive: true };
    expect(grade(cafe, { type: 'short', text: 'cafe\u0301' }).status).toBe('correct');
  });
  it('should fold case of non-ASCII letters', () => {
    const greek: AnswerKey = { type: 'short', accepted: ['ΣΥΝΧ'], caseSensitive: false };
    expect(grade(greek, { type: 'short', text: 'συνχ' }).status).toBe('correct');
  });
  it('should reject a huge answer without error', () => {
    expect(answer('x'.repeat(1_000_000)).status).toBe('incorrect');
  });
});

describe('short answer patterns', () => {
  const withPattern: AnswerKey = {
    type: 'short',
    accepted: ['GOMEMLIMIT'],
    caseSensitive: false,
    pattern: '(runtime/debug\\.)?SetMemoryLimit(\\(\\))?',
  };
  const p = (text: string) => grade(withPattern, { type: 'short', text }).status;

  it('should accept an answer that fully matches the pattern', () => {
    expect(p('debug.SetMemoryLimit')).toBe('incorrect');
    expect(p('SetMemoryLimit()')).toBe('correct');
    expect(p('runtime/debug.SetMemoryLimit')).toBe('correct');
  });
  it('should anchor the pattern so a partial match is not enough', () => {
    expect(p('call SetMemoryLimit now')).toBe('incorrect');
    expect(p('SetMemoryLimitX')).toBe('incorrect');
  });
  it('should anchor a pattern with top-level alternation as a whole', () => {
    const alt: AnswerKey = { type: 'short', accepted: [], caseSensitive: false, pattern: 'a|b' };
    expect(grade(alt, { type: 'short', text: 'ab' }).status).toBe('incorrect');
    expect(grade(alt, { type: 'short', text: 'b' }).status).toBe('correct');
  });
  it('should match the pattern case-insensitively unless the key is case sensitive', () => {
    expect(p('setmemorylimit')).toBe('correct');
    const sensitive: AnswerKey = { ...withPattern, caseSensitive: true } as AnswerKey;
    expect(grade(sensitive, { type: 'short', text: 'setmemorylimit' }).status).toBe('incorrect');
  });
  it('should match the pattern against the space-collapsed answer', () => {
    const words: AnswerKey = { type: 'short', accepted: [], caseSensitive: false, pattern: 'go \\d+' };
    expect(grade(words, { type: 'short', text: '  go    126 ' }).status).toBe('correct');
  });
  it('should treat an invalid pattern as matching nothing instead of throwing', () => {
    const broken: AnswerKey = { type: 'short', accepted: ['ok'], caseSensitive: false, pattern: '(unclosed' };
    expect(grade(broken, { type: 'short', text: '(unclosed' }).status).toBe('incorrect');
    expect(grade(broken, { type: 'short', text: 'ok' }).status).toBe('correct');
  });
  it('should match a single emoji with a dot in unicode mode', () => {
    const dot: AnswerKey = { type: 'short', accepted: [], caseSensitive: true, pattern: 'go.' };
    expect(grade(dot, { type: 'short', text: 'go\u{1F680}' }).status).toBe('correct');
  });
  it('should still accept patterns that only legacy mode understands', () => {
    const legacy: AnswerKey = { type: 'short', accepted: [], caseSensitive: true, pattern: 'a\\-b' };
    expect(grade(legacy, { type: 'short', text: 'a-b' }).status).toBe('correct');
  });
  it('should not run the pattern on answers longer than the input limit', () => {
    const any: AnswerKey = { type: 'short', accepted: [], caseSensitive: true, pattern: 'a+' };
    expect(grade(any, { type: 'short', text: 'a'.repeat(PATTERN_INPUT_LIMIT) }).status).toBe('correct');
    expect(grade(any, { type: 'short', text: 'a'.repeat(PATTERN_INPUT_LIMIT + 1) }).status).toBe('incorrect');
  });
  it('should refuse a catastrophic pattern quickly instead of hanging', () => {
    const evil: AnswerKey = { type: 'short', accepted: [], caseSensitive: true, pattern: '(a+)+' };
    // 40 a's and a b would take hours to reject with a backtracking engine
    expect(grade(evil, { type: 'short', text: `${'a'.repeat(40)}b` }).status).toBe('incorrect');
    expect(grade(evil, { type: 'short', text: 'aaa' }).status).toBe('incorrect');
  });
});
