import { isAnswered, parseNumber, toggleChoice } from './responses';

describe('shared response helpers', () => {
  it('should not count empty text or selections as answers', () => {
    expect(isAnswered(null)).toBe(false);
    expect(isAnswered({ type: 'multi', choices: [] })).toBe(false);
    expect(isAnswered({ type: 'code-lines', lines: [] })).toBe(false);
    expect(isAnswered({ type: 'code-output', text: '  \n' })).toBe(false);
    expect(isAnswered({ type: 'code-lines', lines: [4] })).toBe(true);
    expect(isAnswered({ type: 'true-false', value: false })).toBe(true);
    expect(isAnswered({ type: 'short', text: '  ' })).toBe(false);
    expect(isAnswered({ type: 'numeric', value: 0 })).toBe(true);
  });

  it.each([
    ['', undefined],
    ['  ', undefined],
    ['42', 42],
    ['-0.5', -0.5],
    ['1,5', 1.5],
    ['1e3', 1000],
    ['12 ms', Number.NaN],
    ['abc', Number.NaN],
  ])('should parse %j as %p', (text, value) => {
    expect(parseNumber(text)).toEqual(value);
  });

  it('should toggle choices in the displayed order', () => {
    const order = ['c', 'a', 'b'];
    expect(toggleChoice([], 'b', order)).toEqual(['b']);
    expect(toggleChoice(['b'], 'c', order)).toEqual(['c', 'b']);
    expect(toggleChoice(['c', 'b'], 'c', order)).toEqual(['b']);
  });
});
