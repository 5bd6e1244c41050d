import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BankQuestion } from '../model';
import { loadBank } from '../parse/load-bank';
import { loadTranslations } from './load-translations';
import { localizeQuestion } from './localize';
import { translationFileText } from './write-translation';

const validBank = join(__dirname, '..', '__fixtures__', 'valid-bank');

/** A question with suggested follow-ups; line 13 is `follow_ups:`. */
const WITH_FOLLOW_UPS = `---
id: ch-follow
title: Receiving from a closed channel
topic: channels
subtopic: fixtures
type: true-false
difficulty: 2
tags: [fixture]
go_version: "1.26"
expected_seconds: 60
references:
  - https://go.dev/ref/spec
follow_ups:
  - How would you tell a closed channel from a zero value sent on purpose?
  - What changes if the channel is \`nil\` instead of closed?
answer: true
---
Does a receive from a closed, drained channel return at once?

## Explanation
A closed channel is always ready to receive. The receive yields the zero value. Nothing blocks.
`;

/** Its translation; once stamped (a `source_hash` line after `locale`), line 6 is `follow_ups:`. */
const ZH = `---
id: ch-follow
locale: zh-CN
title: 从已关闭的 channel 接收
follow_ups:
  - 你怎么区分 channel 已关闭和对方有意发送的零值？
  - 如果 channel 是 \`nil\` 而不是已关闭，会有什么不同？
---
从已关闭且已取空的 channel 接收会立即返回吗？

## Explanation
已关闭的 channel 总是可以接收。接收得到零值。不会阻塞。
`;

describe('follow_ups', () => {
  let root: string;
  let bankDir: string;
  let translationsDir: string;
  let english: BankQuestion[];

  const writeEnglish = (text: string): void => {
    writeFileSync(join(bankDir, 'channels', 'ch-follow.md'), text);
    english = loadBank(bankDir).questions;
  };
  const writeZh = (text: string, stamp = true): void => {
    const dir = join(translationsDir, 'zh-CN', 'channels');
    mkdirSync(dir, { recursive: true });
    const hash = english.find((q) => q.id === 'ch-follow')?.contentHash ?? '';
    writeFileSync(join(dir, 'ch-follow.md'), stamp ? text.replace('locale: zh-CN\n', `locale: zh-CN\nsource_hash: ${hash}\n`) : text);
  };
  const messages = (): string[] => loadTranslations(translationsDir, english).problems.map((p) => `${p.line ?? ''}: ${p.message}`);
  const englishProblems = (text: string): string[] => {
    writeFileSync(join(bankDir, 'channels', 'ch-follow.md'), text);
    return loadBank(bankDir).problems.filter((p) => p.file.endsWith('ch-follow.md')).map((p) => `${p.line ?? ''}: ${p.message}`);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'goprep-follow-ups-'));
    bankDir = join(root, 'bank');
    translationsDir = join(root, 'translations');
    cpSync(validBank, bankDir, { recursive: true });
    writeEnglish(WITH_FOLLOW_UPS);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('should parse follow_ups into the model and leave questions without them unchanged', () => {
    const question = english.find((q) => q.id === 'ch-follow');
    expect(question?.followUps).toEqual([
      'How would you tell a closed channel from a zero value sent on purpose?',
      'What changes if the channel is `nil` instead of closed?',
    ]);
    expect(english.filter((q) => q.id !== 'ch-follow').every((q) => !('followUps' in q))).toBe(true);
  });

  it('should make follow_ups part of the content hash', () => {
    const before = english.find((q) => q.id === 'ch-follow')?.contentHash;
    writeEnglish(WITH_FOLLOW_UPS.replace('on purpose?', 'deliberately?'));
    expect(english.find((q) => q.id === 'ch-follow')?.contentHash).not.toBe(before);
  });

  it('should reject a follow-up over 300 characters, an empty list, more than five and one that is no question', () => {
    const long = `Why ${'x'.repeat(297)}?`;
    expect(long.length).toBe(302);
    expect(englishProblems(WITH_FOLLOW_UPS.replace('  - How would you tell', `  - ${long}\n  - How would you tell`))).toEqual([
      '14: `follow_ups[0]`: a follow-up is at most 300 characters',
    ]);
    expect(englishProblems(WITH_FOLLOW_UPS.replace(/follow_ups:\n(?: {2}- .*\n)+/, 'follow_ups: []\n'))).toEqual([
      '13: `follow_ups`: list 1-5 follow-up questions, or leave follow_ups out',
    ]);
    const six = Array.from({ length: 6 }, (_, i) => `  - Question ${i + 1}?`).join('\n');
    expect(englishProblems(WITH_FOLLOW_UPS.replace(/follow_ups:\n(?: {2}- .*\n)+/, `follow_ups:\n${six}\n`))).toEqual(['13: `follow_ups`: at most 5 follow-up questions']);
    expect(englishProblems(WITH_FOLLOW_UPS.replace('on purpose?', 'on purpose.'))).toEqual(['14: `follow_ups[0]`: a follow-up is a question: end it with a question mark']);
  });

  it('should accept a stamped translation with the same number of follow-ups and localize them', () => {
    writeZh(ZH);
    expect(messages()).toEqual([]);
    const loaded = loadTranslations(translationsDir, english);
    const question = english.find((q) => q.id === 'ch-follow') as BankQuestion;
    const translation = loaded.translations[0];
    expect(translation?.status).toBe('fresh');
    expect(localizeQuestion(question, translation as NonNullable<typeof translation>).followUps).toEqual([
      '你怎么区分 channel 已关闭和对方有意发送的零值？',
      '如果 channel 是 `nil` 而不是已关闭，会有什么不同？',
    ]);
  });

  it('should report a translation whose follow-up count differs from the English, or that has follow-ups the English lacks', () => {
    writeZh(ZH.replace('  - 如果 channel 是 `nil` 而不是已关闭，会有什么不同？\n', ''));
    expect(messages()).toEqual(['6: follow_ups needs 2 item(s) in the English order (found 1)']);
    writeZh(ZH.replace(/follow_ups:\n(?: {2}- .*\n)+/, ''));
    expect(messages()).toEqual(['5: follow_ups needs 2 item(s) in the English order (found 0)']);
    writeEnglish(WITH_FOLLOW_UPS.replace(/follow_ups:\n(?: {2}- .*\n)+/, ''));
    writeZh(ZH);
    expect(messages()).toEqual(['6: the English question has no follow_ups']);
  });

  it('should check translated follow-ups like other text: code spans copied, no English left, too long rejected', () => {
    writeZh(ZH.replace('`nil`', '`nil channel`'));
    expect(messages()).toEqual(['8: follow-up 2: code spans differ from the English; missing `nil`; not in the English `nil channel`']);
    writeZh(ZH.replace('你怎么区分 channel 已关闭和对方有意发送的零值？', 'How would you tell a closed channel from a zero value?'));
    expect(messages()).toEqual(['7: follow-up 1: untranslated fragment "How would you tell a closed channel from a zero value"']);
    writeZh(ZH.replace('你怎么区分', `${'很'.repeat(300)}你怎么区分`));
    expect(messages()).toEqual(['7: `follow_ups[0]`: a follow-up is at most 300 characters']);
  });

  it('should mark the translation stale when an English follow-up changes', () => {
    writeZh(ZH);
    writeEnglish(WITH_FOLLOW_UPS.replace('on purpose?', 'deliberately?'));
    expect(loadTranslations(translationsDir, english).translations.map((t) => t.status)).toEqual(['stale']);
    expect(messages()).toEqual([expect.stringMatching(/^4: stale: the English question changed/)]);
  });

  it('should write follow_ups back when a translation file is generated', () => {
    writeZh(ZH);
    const translation = loadTranslations(translationsDir, english).translations[0];
    expect(translationFileText(translation as NonNullable<typeof translation>)).toContain(
      'follow_ups:\n  - 你怎么区分 channel 已关闭和对方有意发送的零值？\n  - 如果 channel 是 `nil` 而不是已关闭，会有什么不同？\n',
    );
  });
});
