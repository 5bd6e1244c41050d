import { grade } from './grade';
import type { AnswerKey } from './answer-key';

const key: AnswerKey = { type: 'code-output', outputs: ['1\n2\n3\n'] };
const answer = (text: string) => grade(key, { type: 'code-output', text }).status;

describe('code-output grading', () => {
  it('should accept the exact output', () => {
    expect(grade(key, { type: 'code-output', text: '1\n2\n3\n' })).toEqual({ score: 1, status: 'correct' });
  });
  it('should accept the output without its final newline', () => {
    expect(answer('1\n2\n3')).toBe('correct');
  });
  it('should accept CRLF and lone CR line endings', () => {
    expect(answer('1\r\n2\r\n3\r\n')).toBe('correct');
    expect(answer('1\r2\r3')).toBe('correct');
  });
  it('should ignore trailing white space on each line and trailing empty lines', () => {
    expect(answer('1  \n2\t\n3 \n\n  \n')).toBe('correct');
  });
  it('should not ignore leading white space', () => {
    expect(answer(' 1\n2\n3')).toBe('incorrect');
  });
  it('should not ignore an empty line in the middle', () => {
    expect(answer('1\n\n2\n3')).toBe('incorrect');
  });
  it('should reject lines in another order', () => {
    expect(answer('3\n2\n1')).toBe('incorrect');
  });
  it('should reject a missing or an extra line', () => {
    expect(answer('1\n2')).toBe('incorrect');
    expect(answer('1\n2\n3\n4')).toBe('incorrect');
  });
  it('should treat an empty or blank answer as unanswered', () => {
    expect(answer('')).toBe('unanswered');
    expect(answer(' \n \r\n')).toBe('unanswered');
  });
  it('should accept any of the allowed outputs of a nondeterministic program', () => {
    const racy: AnswerKey = { type: 'code-output', outputs: ['a\nb\n', 'b\na\n'] };
    expect(grade(racy, { type: 'code-output', text: 'b\na' }).status).toBe('correct');
    expect(grade(racy, { type: 'code-output', text: 'a\na' }).status).toBe('incorrect');
  });
  it('should accept an empty answer when the program prints nothing', () => {
    const silent: AnswerKey = { type: 'code-output', outputs: [''] };
    expect(grade(silent, { type: 'code-output', text: '\n' }).status).toBe('correct');
  });
  it('should compare unicode output after NFC normalisation', () => {
    const accented: AnswerKey = { type: 'code-output', outputs: ['h\u00e9llo, 世界\n'] };
    expect(grade(accented, { type: 'code-output', text: 'he\u0301llo, 世界' }).status).toBe('correct');
  });
  it('should be case and punctuation exact', () => {
    const panic: AnswerKey = { type: 'code-output', outputs: ['panic: send on closed channel\n'] };
    expect(grade(panic, { type: 'code-output', text: 'Panic: send on closed channel' }).status).toBe('incorrect');
  });
  it('should reject a huge answer without error', () => {
    expect(answer('1\n'.repeat(200_000))).toBe('incorrect');
  });
});
