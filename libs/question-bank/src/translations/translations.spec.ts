import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../cli';
import { lintBank } from '../lint/lint-bank';
import type { BankQuestion } from '../model';
import { loadBank } from '../parse/load-bank';
import { exportLocalized, importTranslations } from './interchange';
import { loadTranslations, localeCounts } from './load-translations';
import { localizeQuestion } from './localize';
import { stampTranslations } from './stamp';

const validBank = join(__dirname, '..', '__fixtures__', 'valid-bank');

/** An English question with code spans and a fence, to check what must be copied byte for byte. */
const SPAN_QUESTION = `---
id: ch-span
title: Receiving twice
topic: channels
subtopic: fixtures
type: single
difficulty: 2
tags: [fixture]
go_version: "1.26"
expected_seconds: 60
references:
  - https://go.dev/ref/spec
options:
  - id: a
    text: It prints \`0 false\`
    correct: true
    feedback: The channel is closed and drained.
  - id: b
    text: It blocks forever
    correct: false
---
What does \`v, ok := <-ch\` give after \`close(ch)\`?

\`\`\`go
ch := make(chan int)
close(ch)
\`\`\`

## Explanation
The receive proceeds at once. It yields \`0\` and \`false\`. Nothing blocks.
`;

const SPAN_ZH = `---
id: ch-span
locale: zh-CN
title: 接收两次
options:
  - id: a
    text: 输出 \`0 false\`
    feedback: channel 已关闭且已取空。
  - id: b
    text: 永久阻塞
---
在 \`close(ch)\` 之后，\`v, ok := <-ch\` 得到什么？

\`\`\`go
ch := make(chan int)
close(ch)
\`\`\`

## Explanation
接收会立即完成。它得到 \`0\` 和 \`false\`。不会阻塞。
`;

const FLASHCARD_ZH = `---
id: ch-flashcard
locale: zh-CN
title: 夹具闪卡
---
会发生什么？

## Answer
从已关闭且已取空的 channel 接收会立即返回零值。

## Explanation
答案来自语言规范。每个干扰项都描述了一种看似合理但不同的行为。运行程序可以验证答案。
`;

const SHORT_ZH = `---
id: ch-short
locale: zh-CN
title: 夹具简答
accepted:
  - 空
---
会发生什么？

## Explanation
答案来自语言规范。每个干扰项都描述了一种看似合理但不同的行为。运行程序可以验证答案。
`;

const ESSAY_ZH = `---
id: ch-essay
locale: zh-CN
title: 夹具论述
rubric:
  - 指出 nil channel
  - 解释 select
---
会发生什么？

## Explanation
答案来自语言规范。每个干扰项都描述了一种看似合理但不同的行为。运行程序可以验证答案。
`;

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

describe('translations', () => {
  let root: string;
  let bankDir: string;
  let translationsDir: string;
  let english: BankQuestion[];

  const write = (id: string, text: string, topic = 'channels'): string => {
    const dir = join(translationsDir, 'zh-CN', topic);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${id}.md`);
    writeFileSync(path, text);
    return path;
  };
  const hashOf = (id: string): string => english.find((question) => question.id === id)?.contentHash ?? '';
  const stamped = (text: string, id: string): string => text.replace('locale: zh-CN\n', `locale: zh-CN\nsource_hash: ${hashOf(id)}\n`);
  const load = () => loadTranslations(translationsDir, english);
  const messages = () => load().problems.map((problem) => `${problem.line ?? ''}: ${problem.message}`);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'goprep-translations-'));
    bankDir = join(root, 'bank');
    translationsDir = join(root, 'translations');
    cpSync(validBank, bankDir, { recursive: true });
    writeFileSync(join(bankDir, 'channels', 'ch-span.md'), SPAN_QUESTION);
    english = loadBank(bankDir).questions;
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('should load a stamped translation as fresh and report nothing', () => {
    write('ch-span', stamped(SPAN_ZH, 'ch-span'));
    const loaded = load();
    expect(loaded.problems).toEqual([]);
    expect(loaded.translations).toHaveLength(1);
    expect(loaded.translations[0]).toMatchObject({ id: 'ch-span', status: 'fresh', title: '接收两次', options: [{ id: 'a', text: '输出 `0 false`' }, { id: 'b', text: '永久阻塞' }] });
  });

  it('should treat a missing translation as no problem and count it nowhere', () => {
    write('ch-span', stamped(SPAN_ZH, 'ch-span'));
    expect(localeCounts(english, load().translations)).toEqual({ locales: { en: english.length, 'zh-CN': 1 }, stale: { 'zh-CN': 0 } });
  });

  it('should mark a translation stale when the English changed since its source_hash', () => {
    write('ch-span', stamped(SPAN_ZH, 'ch-span'));
    writeFileSync(join(bankDir, 'channels', 'ch-span.md'), SPAN_QUESTION.replace('Nothing blocks.', 'Nothing ever blocks.'));
    english = loadBank(bankDir).questions;
    const loaded = load();
    expect(loaded.translations.map((translation) => translation.status)).toEqual(['stale']);
    expect(loaded.problems).toEqual([expect.objectContaining({ kind: 'stale', line: 4, message: expect.stringMatching(/^stale: the English question changed/) })]);
    expect(localeCounts(english, loaded.translations)).toEqual({ locales: { en: english.length, 'zh-CN': 0 }, stale: { 'zh-CN': 1 } });
  });

  it('should reject option ids in another order than the English', () => {
    write('ch-span', stamped(SPAN_ZH.replace('  - id: a\n    text: 输出 `0 false`\n    feedback: channel 已关闭且已取空。\n', '').replace('    text: 永久阻塞\n', '    text: 永久阻塞\n  - id: a\n    text: 输出 `0 false`\n    feedback: channel 已关闭且已取空。\n'), 'ch-span'));
    expect(messages()).toEqual(['6: option ids [b, a] must equal the English ids [a, b] in the same order']);
    expect(load().translations).toEqual([]);
  });

  it('should reject a code span that differs from the English', () => {
    write('ch-span', stamped(SPAN_ZH.replace('`v, ok := <-ch`', '`v, ok = <-ch`'), 'ch-span'));
    expect(messages()).toEqual(['13: prompt: code spans differ from the English; missing `v, ok := <-ch`; not in the English `v, ok = <-ch`']);
  });

  it('should reject a changed number inside an option code span', () => {
    write('ch-span', stamped(SPAN_ZH.replace('输出 `0 false`', '输出 `1 false`'), 'ch-span'));
    expect(messages()).toEqual(['8: option a: code spans differ from the English; missing `0 false`; not in the English `1 false`']);
  });

  it('should reject a fenced block that is not copied unchanged', () => {
    write('ch-span', stamped(SPAN_ZH.replace('ch := make(chan int)\n', 'ch := make(chan int, 1)\n'), 'ch-span'));
    expect(messages()).toEqual(['13: prompt: fenced code blocks must be copied from the English unchanged']);
  });

  it('should report an English sentence left in the Chinese text', () => {
    write('ch-span', stamped(SPAN_ZH.replace('不会阻塞。', 'The receive never blocks on a closed channel.'), 'ch-span'));
    expect(messages()).toEqual(['20: explanation: untranslated fragment "The receive never blocks on a closed channel"']);
  });

  it('should report an option left entirely in English', () => {
    write('ch-span', stamped(SPAN_ZH.replace('text: 永久阻塞', 'text: It blocks forever'), 'ch-span'));
    expect(messages()).toEqual(['11: option b: untranslated fragment "It blocks forever"']);
  });

  it('should accept English identifiers Chinese engineers keep (goroutine, happens-before, GOMEMLIMIT)', () => {
    write('ch-span', stamped(SPAN_ZH.replace('不会阻塞。', '这与 goroutine 调度、happens-before 关系和 GOMEMLIMIT 都无关。'), 'ch-span'));
    expect(messages()).toEqual([]);
  });

  it('should leave quoted program output and identifier-only text alone', () => {
    const quoted = SPAN_ZH.replace('不会阻塞。', '程序以 "fatal error: all goroutines are asleep - deadlock!" 结束。');
    write('ch-span', stamped(quoted.replace('text: 永久阻塞', 'text: GOGC=off, GOMEMLIMIT=1GiB'), 'ch-span'));
    expect(messages()).toEqual([]);
  });

  it('should report a missing `## Explanation` section', () => {
    write('ch-span', stamped(SPAN_ZH.slice(0, SPAN_ZH.indexOf('## Explanation')), 'ch-span'));
    expect(messages()).toContainEqual(expect.stringMatching(/missing `## Explanation` section$/));
    expect(load().translations).toEqual([]);
  });

  it('should reject a key field: a translation never carries `correct`', () => {
    write('ch-span', stamped(SPAN_ZH.replace('    text: 永久阻塞\n', '    text: 永久阻塞\n    correct: true\n'), 'ch-span'));
    expect(messages()).toEqual(['12: unknown key `options[1].correct`']);
  });

  it('should reject a translation of an id the bank does not have', () => {
    write('ch-missing', stamped(SPAN_ZH.replace('id: ch-span', 'id: ch-missing'), 'ch-span'));
    expect(messages()).toEqual(['2: no English question with id "ch-missing" in the bank']);
  });

  it('should require the rubric with the English count and a flashcard its answer', () => {
    write('ch-essay', stamped(ESSAY_ZH.replace('  - 解释 select\n', ''), 'ch-essay'));
    write('ch-flashcard', stamped(FLASHCARD_ZH.replace(/## Answer\n.*\n\n/, ''), 'ch-flashcard'));
    expect(messages()).toEqual([
      '6: rubric needs 2 line(s) in the English order (found 1)',
      '9: a flashcard translation needs an `## Answer` section before `## Explanation`',
    ]);
  });

  it('should localize text but keep ids, correctness and code from the English; short answers accept both lists', () => {
    write('ch-span', stamped(SPAN_ZH, 'ch-span'));
    write('ch-short', stamped(SHORT_ZH, 'ch-short'));
    write('ch-flashcard', stamped(FLASHCARD_ZH, 'ch-flashcard'));
    const byId = new Map(load().translations.map((translation) => [translation.id, translation]));
    const span = english.find((question) => question.id === 'ch-span') as BankQuestion;
    const localized = localizeQuestion(span, byId.get('ch-span') as NonNullable<ReturnType<typeof byId.get>>);
    expect(localized.options).toEqual([
      { id: 'a', text: '输出 `0 false`', correct: true, feedback: 'channel 已关闭且已取空。' },
      { id: 'b', text: '永久阻塞', correct: false },
    ]);
    expect(localized.key).toEqual(span.key);
    expect(localized.contentHash).toBe(span.contentHash);
    const short = localizeQuestion(english.find((question) => question.id === 'ch-short') as BankQuestion, byId.get('ch-short') as NonNullable<ReturnType<typeof byId.get>>);
    expect(short.key).toEqual({ type: 'short', accepted: ['nil', '空'], caseSensitive: true, pattern: '^nil( channel)?$' });
    const card = localizeQuestion(english.find((question) => question.id === 'ch-flashcard') as BankQuestion, byId.get('ch-flashcard') as NonNullable<ReturnType<typeof byId.get>>);
    expect(card.key).toEqual({ type: 'flashcard', answer: '从已关闭且已取空的 channel 接收会立即返回零值。' });
  });

  describe('lint', () => {
    it('should fail on a stale translation unless --allow-stale', async () => {
      write('ch-span', SPAN_ZH);
      const strict = await lintBank(bankDir, { translationsDir });
      expect(strict.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^no source_hash/)]);
      const lenient = await lintBank(bankDir, { translationsDir, allowStale: true });
      expect(lenient.problems).toEqual([]);
      expect(lenient.stale).toHaveLength(1);
    });

    it('should reject a translated explanation that names an option the question does not have', async () => {
      write('ch-span', stamped(SPAN_ZH.replace('不会阻塞。', '选项 (b) 不会阻塞，选项 c 也不会。'), 'ch-span'));
      const result = await lintBank(bankDir, { translationsDir });
      expect(result.problems.map((problem) => problem.message)).toEqual(['the explanation names option (c), which the question does not have (options: a, b)']);
    });

    it('should exit 1 from the CLI on a broken translation and 0 when all are fresh', async () => {
      write('ch-span', stamped(SPAN_ZH.replace('`0 false`', '`0 true`'), 'ch-span'));
      const broken = capture();
      expect(await main(['lint', '--bank', bankDir, '--translations', translationsDir], broken)).toBe(1);
      expect(broken.stdout[0]).toMatch(/ch-span\.md:8: option a: code spans differ from the English/);
      write('ch-span', stamped(SPAN_ZH, 'ch-span'));
      const clean = capture();
      expect(await main(['lint', '--bank', bankDir, '--translations', translationsDir], clean)).toBe(0);
      expect(clean.stdout).toEqual(['19 files, 0 problems']);
    });
  });

  describe('stamp', () => {
    it('should fill source_hash only where it is missing, changing nothing else', () => {
      const fresh = write('ch-span', SPAN_ZH);
      const staleText = SHORT_ZH.replace('locale: zh-CN\n', `locale: zh-CN\nsource_hash: ${'ab'.repeat(32)}\n`);
      const stale = write('ch-short', staleText);
      const results = stampTranslations(load());
      expect(results.map((result) => [result.id, result.action])).toEqual([
        ['ch-short', 'skipped'],
        ['ch-span', 'stamped'],
      ]);
      expect(readFileSync(fresh, 'utf8')).toBe(stamped(SPAN_ZH, 'ch-span'));
      expect(readFileSync(stale, 'utf8')).toBe(staleText);
      expect(load().translations.find((translation) => translation.id === 'ch-span')?.status).toBe('fresh');
    });

    it('should refresh a stale hash with --force through the CLI, for the named locale', async () => {
      const stale = write('ch-short', SHORT_ZH.replace('locale: zh-CN\n', `locale: zh-CN\nsource_hash: ${'ab'.repeat(32)}\n`));
      const io = capture();
      expect(await main(['translations', 'stamp', '--locale', 'zh-CN', '--force', '--bank', bankDir, '--translations', translationsDir], io)).toBe(0);
      expect(io.stdout[io.stdout.length - 1]).toBe('0 stamped, 1 refreshed, 0 unchanged, 0 skipped');
      expect(readFileSync(stale, 'utf8')).toBe(stamped(SHORT_ZH, 'ch-short'));
    });

    it('should refuse an unknown locale as a usage error', async () => {
      const io = capture();
      expect(await main(['translations', 'stamp', '--locale', 'fr', '--bank', bankDir], io)).toBe(2);
      expect(io.stderr[0]).toMatch(/--locale must be en or one of zh-CN/);
    });
  });

  it('should report per-locale counts with stale ones apart in stats --json', async () => {
    write('ch-span', stamped(SPAN_ZH, 'ch-span'));
    write('ch-short', SHORT_ZH);
    const io = capture();
    expect(await main(['stats', '--json', '--bank', bankDir, '--translations', translationsDir], io)).toBe(0);
    const stats = JSON.parse(io.stdout.join('\n')) as { locales: unknown; stale: unknown; questions: number };
    expect(stats.locales).toEqual({ en: stats.questions, 'zh-CN': 1 });
    expect(stats.stale).toEqual({ 'zh-CN': 1 });
  });

  describe('interchange', () => {
    beforeEach(() => {
      write('ch-span', stamped(SPAN_ZH, 'ch-span'));
      write('ch-essay', stamped(ESSAY_ZH, 'ch-essay'));
      write('ch-flashcard', stamped(FLASHCARD_ZH, 'ch-flashcard'));
    });

    it('should export GIFT in Chinese with the English ids and keys, and English where no translation is current', () => {
      const questions = english.filter((question) => ['ch-span', 'ch-single'].includes(question.id));
      const result = exportLocalized(questions, load().translations, 'zh-CN', 'gift');
      expect(result.text).toContain('[id:ch-span]');
      expect(result.text).toContain('::接收两次::');
      expect(result.text).toMatch(/=输出 `0 false` #channel 已关闭且已取空。/);
      expect(result.text).toMatch(/~永久阻塞/);
      expect(result.text).toContain('::Fixture ch-single::');
      expect(result.problems[0]?.message).toBe('1 question(s) without a current zh-CN translation exported in English: ch-single');
    });

    it.each(['json', 'gift', 'moodle-xml'] as const)('should import a %s export in zh-CN back onto the same ids and text', (format) => {
      const exportable = english.filter((question) => ['ch-span', 'ch-essay', ...(format === 'json' ? ['ch-flashcard'] : [])].includes(question.id));
      const loaded = load().translations;
      const exported = exportLocalized(exportable, loaded, 'zh-CN', format);
      const imported = importTranslations(exported.text, format, 'zh-CN', english);
      expect(imported.problems).toEqual([]);
      const strip = ({ id, title, prompt, explanation, options, rubric, answer }: (typeof loaded)[number]) => ({ id, title, prompt, explanation, options, rubric, answer });
      const expected = loaded.filter((translation) => exportable.some((question) => question.id === translation.id)).map(strip);
      const got = imported.translations.map((translation) => strip({ ...translation, status: 'fresh' }));
      // Moodle keeps the rubric as grader information; GIFT has nowhere for it.
      expect(got).toEqual(expected.map((translation) => (format === 'gift' && translation.id === 'ch-essay' ? { ...translation, rubric: undefined } : translation)));
    });

    it('should refuse an import whose choices do not line up with the English options', () => {
      const questions = english.filter((question) => question.id === 'ch-span');
      const text = exportLocalized(questions, load().translations, 'zh-CN', 'gift').text.replace(/\n\t~永久阻塞\n/, '\n');
      const imported = importTranslations(text, 'gift', 'zh-CN', english);
      expect(imported.translations).toEqual([]);
      expect(imported.problems.map((problem) => problem.message)).toEqual(['question ch-span: 0 choice(s), the English has 2']);
    });

    it('should write the imported translations through the CLI and refuse to overwrite them', async () => {
      const exported = join(root, 'zh.json');
      const io = capture();
      expect(await main(['export', '--format', 'json', '--locale', 'zh-CN', '--bank', bankDir, '--translations', translationsDir], io)).toBe(0);
      writeFileSync(exported, io.stdout.join('\n'));
      const target = join(root, 'imported');
      const first = capture();
      expect(await main(['import', '--format', 'json', '--locale', 'zh-CN', exported, '--bank', bankDir, '--translations', target], first)).toBe(0);
      expect(first.stdout.filter((line) => line.endsWith('.md'))).toHaveLength(3);
      const stampIo = capture();
      await main(['translations', 'stamp', '--bank', bankDir, '--translations', target], stampIo);
      expect(loadTranslations(target, english).problems).toEqual([]);
      const again = capture();
      expect(await main(['import', '--format', 'json', '--locale', 'zh-CN', exported, '--bank', bankDir, '--translations', target], again)).toBe(1);
      expect(again.stderr[again.stderr.length - 1]).toBe('nothing imported');
    });
  });
});
