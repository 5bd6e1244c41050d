import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from './cli';

const fixtures = join(__dirname, '__fixtures__');

// The verify tests build and run Go: about 1 s on a warm build cache, 5-10 s on an empty one beside
// another Go-bound spec (timed out at Jest's default 5 s on 7 December, cold cache, two workers).
jest.setTimeout(120_000);

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

describe('bank CLI', () => {
  it('should end lint with "N files, 0 problems" and exit 0 on a clean bank', async () => {
    const io = capture();
    expect(await main(['lint', '--bank', join(fixtures, 'valid-bank')], io)).toBe(0);
    expect(io.stdout).toEqual(['17 files, 0 problems']);
  });

  it('should print file:line messages and exit 1 when lint finds problems', async () => {
    const io = capture();
    expect(await main(['lint', '--bank', join(fixtures, 'broken-bank')], io)).toBe(1);
    expect(io.stdout).toContain('libs/question-bank/src/__fixtures__/broken-bank/channels/ch-unknown-key.md:14: unknown key `dificulty`');
    expect(io.stdout[io.stdout.length - 1]).toMatch(/^\d+ files, 36 problems$/);
  });

  it('should print stats as one JSON object', async () => {
    const io = capture();
    expect(await main(['stats', '--json', '--bank', join(fixtures, 'valid-bank')], io)).toBe(0);
    const stats = JSON.parse(io.stdout.join('\n')) as Record<string, unknown>;
    expect(Object.keys(stats)).toEqual(['questions', 'byTopic', 'byType', 'byDifficulty', 'codeQuestions', 'verifiable', 'locales', 'stale']);
    expect(stats['locales']).toEqual({ en: 12, 'zh-CN': 0 });
    expect(stats['questions']).toBe(12);
  });

  it('should end verify with the "N passed, N failed" line and exit 1 on a failure', async () => {
    const io = capture();
    const code = await main(['verify', '--bank', join(fixtures, 'verify-bank'), '--topic', 'escape-analysis'], io);
    expect(code).toBe(1);
    expect(io.stdout[io.stdout.length - 1]).toBe('1 passed, 1 failed');
    expect(io.stdout).toContainEqual(expect.stringMatching(/^FAIL escape-analysis\/esc-fail \(/));
    expect(io.stdout).toContainEqual(expect.stringMatching(/^ {2}escape #1: escape lines \[7\], expected \[12\] exactly/));
    // The failure is repeated just above the last line, for logs that keep only their tail.
    const recap = io.stdout.slice(io.stdout.lastIndexOf('failed:'));
    expect(recap[1]).toMatch(/^ {2}FAIL escape-analysis\/esc-fail \(/);
    expect(recap[2]).toMatch(/^ {4}escape #1: escape lines \[7\], expected \[12\] exactly/);
  });

  it('should exit 0 when every verified question passes', async () => {
    const io = capture();
    expect(await main(['verify', '--bank', join(fixtures, 'verify-bank'), '--id', 'ch-output-pass'], io)).toBe(0);
    expect(io.stdout[io.stdout.length - 1]).toBe('1 passed, 0 failed');
  });

  it('should scaffold with new and print the paths', async () => {
    const bankDir = mkdtempSync(join(tmpdir(), 'goprep-cli-'));
    try {
      const io = capture();
      expect(await main(['new', '--bank', bankDir, '--topic', 'gc-tuning', '--type', 'code-output', '--id', 'gc-example'], io)).toBe(0);
      expect(io.stdout).toEqual([join(bankDir, 'gc-tuning', 'gc-example.md'), join(bankDir, 'gc-tuning', 'gc-example', 'main.go')]);
    } finally {
      rmSync(bankDir, { recursive: true, force: true });
    }
  });

  it('should write the JSON Schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goprep-schema-'));
    try {
      const io = capture();
      expect(await main(['schema', '--out', join(dir, 'question.schema.json')], io)).toBe(0);
      const schema = JSON.parse(readFileSync(join(dir, 'question.schema.json'), 'utf8')) as { oneOf: unknown[] };
      expect(schema.oneOf).toHaveLength(12);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should exit 2 with usage on an unknown command, a bad option or a bad type', async () => {
    for (const argv of [['frobnicate'], ['lint', '--nope'], ['new', '--topic', 'channels', '--type', 'quiz']]) {
      const io = capture();
      expect(await main(argv, io)).toBe(2);
      expect(io.stderr.join('\n')).toMatch(/^error: .*\n\nusage: npm run bank/s);
    }
  });

  it('should export the bank and import it into an empty bank, where it lints clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goprep-interchange-'));
    try {
      const exported = capture();
      expect(await main(['export', '--format', 'json', '--bank', join(fixtures, 'valid-bank')], exported)).toBe(0);
      writeFileSync(join(dir, 'bank.json'), exported.stdout.join('\n'));
      const target = join(dir, 'bank');
      // An empty bank: the module and the topic files only.
      for (const file of ['go.mod', 'channels/_topic.md', 'memory-model/_topic.md']) {
        cpSync(join(fixtures, 'valid-bank', file), join(target, file), { recursive: true });
      }
      const imported = capture();
      expect(await main(['import', '--format', 'json', join(dir, 'bank.json'), '--bank', target], imported)).toBe(0);
      expect(imported.stdout[imported.stdout.length - 1]).toBe('imported 12 questions; run `npm run bank -- lint` next');
      const linted = capture();
      expect({ code: await main(['lint', '--bank', target], linted), out: linted.stdout }).toEqual({ code: 0, out: ['16 files, 0 problems'] }); // the draft is not exported
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should import nothing when a question id already exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goprep-interchange-'));
    try {
      const exported = capture();
      await main(['export', '--format', 'json', '--bank', join(fixtures, 'valid-bank'), '--topic', 'memory-model'], exported);
      writeFileSync(join(dir, 'mm.json'), exported.stdout.join('\n'));
      const target = join(dir, 'bank');
      cpSync(join(fixtures, 'valid-bank'), target, { recursive: true });
      const io = capture();
      expect(await main(['import', '--format', 'json', join(dir, 'mm.json'), '--bank', target], io)).toBe(1);
      expect(io.stderr).toEqual([`${join(dir, 'mm.json')}: error: question id "mm-single" already exists in the bank`, 'nothing imported']);
      expect(existsSync(join(target, 'memory-model', 'mm-single.md'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('should import the readable questions of a GIFT file, report the refused one with its line, and import nothing with --strict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goprep-interchange-'));
    try {
      const gift = join(dir, 'quiz.gift');
      writeFileSync(gift, '::Good::Is the zero Mutex unlocked?{T}\n\n::Bad::How many?{#=%-50%3 =4}\n');
      const target = join(dir, 'bank');
      mkdirSync(target);
      const strict = capture();
      expect(await main(['import', '--format', 'gift', gift, '--topic', 'sync', '--bank', target, '--strict'], strict)).toBe(1);
      expect(strict.stderr).toContain(`${gift}:3: error (refused): numeric answers earn 0% to 100%; "%-50%" is negative`);
      expect(strict.stderr[strict.stderr.length - 1]).toBe('nothing imported (--strict: 1 refused, 0 skipped, 0 adapted)');
      expect(existsSync(join(target, 'sync', 'sync-good.md'))).toBe(false);

      const io = capture();
      expect(await main(['import', '--format', 'gift', gift, '--topic', 'sync', '--bank', target], io)).toBe(1);
      expect(io.stdout).toEqual([join(target, 'sync', 'sync-good.md'), 'imported 1 question; run `npm run bank -- lint` next']);
      expect(io.stderr[io.stderr.length - 1]).toBe('import report: 1 refused, 0 skipped, 0 adapted (see the lines above)');
      expect(existsSync(join(target, 'sync', 'sync-good.md'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
