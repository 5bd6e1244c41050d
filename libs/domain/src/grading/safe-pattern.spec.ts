import { isSafePattern, MAX_PATTERN_LENGTH } from './safe-pattern';

describe('isSafePattern', () => {
  it.each([
    ['GOMEMLIMIT'],
    ['go ?1\\.2[0-9]'],
    ['(runtime/debug\\.)?SetMemoryLimit'],
    ['(?:happens|synchronizes)[ -]before'],
    ['\\d+ ?(MiB|MB)'],
    ['[a-z]+(\\.[a-z]+)?'],
    ['(?<name>ab)c'],
    ['a{2,5}'],
    ['[(+*]+'],
  ])('should allow the ordinary pattern %s', (pattern) => {
    expect(isSafePattern(pattern)).toBe(true);
  });

  it.each([
    ['(a+)+'],
    ['(a*)*b'],
    ['(a|a)*'],
    ['(a|aa)+$'],
    ['((ab)*c)+'],
    ['(x+x+)+y'],
    ['(\\w+\\s?)*$'],
    ['(a?){2,}'],
    ['(.*a){12}'],
    ['(a)\\1'],
    ['(?<x>a)\\k<x>'],
    ['.*.*.*.*x'],
    ['(unclosed'],
    ['unopened)'],
  ])('should refuse the risky or broken pattern %s', (pattern) => {
    expect(isSafePattern(pattern)).toBe(false);
  });

  it('should refuse a pattern longer than the limit', () => {
    expect(isSafePattern('a'.repeat(MAX_PATTERN_LENGTH + 1))).toBe(false);
  });
});
