import { findOptionReferences, optionLabel, optionLabels, relabelOptionReferences, unresolvedOptionReferences } from './option-labels';

const ids = (text: string) => findOptionReferences(text).map((r) => r.id);

describe('optionLabel', () => {
  it('should letter options by their displayed place', () => {
    expect([0, 1, 2, 7].map(optionLabel)).toEqual(['A', 'B', 'C', 'H']);
    expect([...optionLabels(['c', 'a', 'b'])]).toEqual([
      ['c', 'A'],
      ['a', 'B'],
      ['b', 'C'],
    ]);
  });

  it('should refuse an index that has no letter', () => {
    expect(() => optionLabel(-1)).toThrow(RangeError);
    expect(() => optionLabel(26)).toThrow(RangeError);
  });
});

describe('findOptionReferences', () => {
  it('should find the forms the bank uses in English', () => {
    expect(ids('Option b is tempting, and option (c) is not.')).toEqual(['b', 'c']);
    expect(ids('Options a, d and f restate the docs; options c and d misstate it.')).toEqual(['a', 'd', 'f', 'c', 'd']);
    expect(ids('Options (a) and (d) assume an order (option e).')).toEqual(['a', 'd', 'e']);
    expect(ids('So (b) and (e) are races; (a) has no write.')).toEqual(['b', 'e', 'a']);
  });

  it('should find the forms the Chinese translations use', () => {
    expect(ids('选项 a、d 和 f 重述了文档；选项 (b) 有迷惑性，(d) 则弄反了。')).toEqual(['a', 'd', 'f', 'b', 'd']);
    expect(ids('轮询（选项 a）是经典错误')).toEqual(['a']);
  });

  it('should not take calls, code, URLs or words for references', () => {
    expect(ids('Use `wg.Go(f)` or Go(f) or `close(c)`; see https://go.dev/x(b) and [doc](https://a.b/(c)).')).toEqual([]);
    expect(ids('```go\nx := f(a) // (b)\n```\nThe options are many, option bar is not one.')).toEqual([]);
    expect(ids('The `GODEBUG` option and these options: none.')).toEqual([]);
  });
});

describe('relabelOptionReferences', () => {
  const labels = optionLabels(['c', 'a', 'd', 'b']);

  it('should name each option by the letter it was shown with', () => {
    expect(relabelOptionReferences('Option (b) is tempting; options a and c are wrong, and (d) too.', labels)).toBe(
      'Option (D) is tempting; options B and A are wrong, and (C) too.',
    );
    expect(relabelOptionReferences('选项 a、d 和 b 都错了；`f(a)` 不算。', labels)).toBe('选项 B、C 和 D 都错了；`f(a)` 不算。');
  });

  it('should leave a text without references unchanged', () => {
    const text = 'The `select` blocks (forever) because `ch` is nil.';
    expect(relabelOptionReferences(text, labels)).toBe(text);
  });

  it('should leave an id without a label as written', () => {
    expect(relabelOptionReferences('Option e and option a.', labels)).toBe('Option e and option B.');
  });
});

describe('unresolvedOptionReferences', () => {
  it('should report ids the question does not have, once each', () => {
    expect(unresolvedOptionReferences('Option (e) and (e) and option b.', ['a', 'b', 'c', 'd'])).toEqual(['e']);
    expect(unresolvedOptionReferences('Options a and d.', ['a', 'b', 'c', 'd'])).toEqual([]);
  });
});
