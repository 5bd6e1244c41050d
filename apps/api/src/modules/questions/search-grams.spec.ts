import { hasHan, searchGrams } from './search-grams';

describe('searchGrams', () => {
  it('should index a Han run as its overlapping character pairs', () => {
    expect(searchGrams('内存模型')).toEqual(['内存', '存模', '模型']);
  });

  it('should find a two-character word inside a longer run: its pair is among the text\'s', () => {
    const text = new Set(searchGrams('关闭一个 nil channel 会触发运行时 panic'));
    for (const gram of searchGrams('运行时')) expect(text.has(gram)).toBe(true);
    expect(searchGrams('内存').every((gram) => text.has(gram))).toBe(false);
  });

  it('should keep a lone Han character and lowercase Latin words, without duplicates', () => {
    expect(searchGrams('从 Channel 接收 channel')).toEqual(['从', '接收', 'channel']);
  });

  it('should tell Han text from Latin text', () => {
    expect(hasHan('goroutine 泄漏')).toBe(true);
    expect(hasHan('goroutine leak')).toBe(false);
  });
});
