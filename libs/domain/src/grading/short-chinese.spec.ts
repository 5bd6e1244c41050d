import type { AnswerKey } from './answer-key';
import { grade } from './grade';
import { withTranslatedAnswers } from './short';

/** ch-range-needs-close as the bank ships it: the English key and the zh-CN translation's answers. */
const english: AnswerKey = {
  type: 'short',
  accepted: ['close', 'close(ch)', 'close the channel'],
  caseSensitive: false,
  pattern: '(the sender |sender )?(must |should )?close[sd]?( the channel| ch| it|\\(ch\\))?\\.?',
};
const zhAccepted = ['关闭 channel', '关闭通道', '调用 close(ch)'];
const status = (key: AnswerKey, text: string) => grade(key, { type: 'short', text }).status;

describe('short answers in Chinese', () => {
  it('should refuse a Chinese answer against the English key alone', () => {
    expect(status(english, '关闭通道')).toBe('incorrect');
  });

  it('should accept the translation\'s answers once they are added to the key, and still the English ones', () => {
    const key = withTranslatedAnswers(english, zhAccepted);
    expect(status(key, '关闭通道')).toBe('correct');
    expect(status(key, 'close the channel')).toBe('correct');
    expect(status(key, '打开通道')).toBe('incorrect');
  });

  it('should leave the English key untouched when there is nothing to add, and other types always', () => {
    expect(withTranslatedAnswers(english, [])).toBe(english);
    const single: AnswerKey = { type: 'single', correct: 'a' };
    expect(withTranslatedAnswers(single, ['甲'])).toBe(single);
  });

  it('should not let a blank translated answer make an empty response correct or match white space', () => {
    const key = withTranslatedAnswers(english, ['  ', '关闭通道']);
    expect(key).toMatchObject({ accepted: ['close', 'close(ch)', 'close the channel', '关闭通道'] });
    expect(grade(key, { type: 'short', text: ' ' })).toEqual({ score: 0, status: 'unanswered' });
  });

  it('should accept an answer with or without a space between Chinese and a Latin word', () => {
    const key = withTranslatedAnswers(english, zhAccepted);
    expect(status(key, '关闭channel')).toBe('correct');
    expect(status(key, '关闭  channel')).toBe('correct');
    expect(status(key, '调用close(ch)')).toBe('correct');
    // Latin words keep their space: the English comparison is unchanged.
    expect(status(key, 'closethe channel')).toBe('incorrect');
  });

  it('should fold the full-width forms a Chinese input method types', () => {
    const key = withTranslatedAnswers(english, zhAccepted);
    expect(status(key, '调用 close（ch）')).toBe('correct');
    expect(status(key, 'ｃｌｏｓｅ')).toBe('correct');
    expect(status(key, '关闭\u3000channel')).toBe('correct');
    // and the author's ASCII pattern matches the full-width spelling of an English answer
    expect(status(english, 'the sender opens（ch）')).toBe('incorrect');
    expect(status(english, 'sender close（ch）')).toBe('correct');
  });

  it('should add the translated answers as full-credit literal rules when the key grades by rules', () => {
    const rules: AnswerKey = {
      type: 'short',
      accepted: ['GOGC'],
      caseSensitive: false,
      answers: [
        { text: 'GOGC', credit: 1 },
        { text: 'GOMEM*', credit: 0.5 },
      ],
    };
    const key = withTranslatedAnswers(rules, ['GOGC 环境变量', '*号']);
    expect(grade(key, { type: 'short', text: 'GOGC环境变量' })).toEqual({ score: 1, status: 'correct' });
    expect(grade(key, { type: 'short', text: 'GOMEMLIMIT' }).score).toBe(0.5);
    // A star in a translated answer is literal, not a wildcard.
    expect(status(key, '*号')).toBe('correct');
    expect(status(key, '任意号')).toBe('incorrect');
  });
});
