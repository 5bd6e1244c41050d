import { displayTextPattern, hasControlCharacters } from './display-text';

describe('display text', () => {
  it.each(['Acme Infra', 'Zoë 李', 'a\u00a0b', '🚀 launch'])('should accept the one-line name %j', (s) => {
    expect(hasControlCharacters(s)).toBe(false);
  });

  it.each(['a\u0000b', 'bell\u0007', 'esc\u001b[31mred', 'del\u007f', 'c1\u0085', 'line\nbreak', 'tab\there', 'sep\u2028'])(
    'should refuse the one-line name %j',
    (s) => {
      expect(hasControlCharacters(s)).toBe(true);
    },
  );

  it('should allow tabs and line breaks in multi-line text but not other controls', () => {
    expect(hasControlCharacters('# Title\r\n\n\tcode', { multiline: true })).toBe(false);
    expect(hasControlCharacters('text\u001b[2J', { multiline: true })).toBe(true);
    expect(hasControlCharacters('nul\u0000', { multiline: true })).toBe(true);
  });

  it('should refuse a blank value when it must not be blank', () => {
    const oneLine = displayTextPattern({ nonBlank: true });
    expect(oneLine.test('  x ')).toBe(true);
    expect(oneLine.test('   ')).toBe(false);
    expect(oneLine.test('\u3000\u00a0')).toBe(false);
    expect(oneLine.test('')).toBe(false);
    const multi = displayTextPattern({ multiline: true, nonBlank: true });
    expect(multi.test('\n\n a')).toBe(true);
    expect(multi.test('\n\t ')).toBe(false);
  });
});
