import { countSentences } from './sentences';

describe('countSentences', () => {
  it('should count plain sentences', () => {
    expect(countSentences('One. Two! Three?')).toBe(3);
  });

  it('should not end a sentence inside inline code, versions or fenced code', () => {
    expect(countSentences('Call `time.Sleep(1)` here. Go 1.26 changed it.\n```go\nx.y()\n```\nDone')).toBe(4);
  });

  it('should skip common abbreviations and URLs', () => {
    expect(countSentences('Use a buffer, e.g. make(chan int, 1). See https://go.dev/ref/spec. Done.')).toBe(3);
  });

  it('should count an unterminated last sentence and nothing in an empty text', () => {
    expect(countSentences('First. Second without a stop')).toBe(2);
    expect(countSentences('   ')).toBe(0);
  });
});
