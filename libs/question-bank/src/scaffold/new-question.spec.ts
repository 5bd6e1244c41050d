import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { formatProblem, lintBank } from '../lint/lint-bank';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QUESTION_TYPES } from '../model';
import { parseQuestionFile } from '../parse/parse-question';
import { verifyBank } from '../verify/verify-bank';
import { scaffoldQuestion } from './new-question';

jest.setTimeout(60_000);

describe('scaffoldQuestion', () => {
  let bankDir: string;

  beforeEach(() => {
    bankDir = mkdtempSync(join(tmpdir(), 'goprep-scaffold-'));
    writeFileSync(join(bankDir, 'go.mod'), 'module goprep.dev/scaffold\n\ngo 1.22\n');
    mkdirSync(join(bankDir, 'channels'));
  });
  afterEach(() => rmSync(bankDir, { recursive: true, force: true }));

  it.each(QUESTION_TYPES)('should scaffold a %s question that passes the schema', (type) => {
    const result = scaffoldQuestion({ bankDir, topic: 'channels', type });
    expect(result.id).toBe(`ch-todo-${type}-1`);
    const parsed = parseQuestionFile(result.files[0] ?? '');
    expect(parsed.problems).toEqual([]);
    expect(parsed.question?.draft).toBe(true);
    expect(result.files).toHaveLength(type === 'code-output' || type === 'code-lines' ? 2 : type === 'code-task' ? 6 : 1);
  });

  it('should scaffold code questions whose programs already verify', async () => {
    scaffoldQuestion({ bankDir, topic: 'channels', type: 'code-output' });
    scaffoldQuestion({ bankDir, topic: 'channels', type: 'code-lines' });
    const report = await verifyBank(bankDir, { includeDrafts: true, concurrency: 2 });
    expect(report.results.map((result) => [result.id, result.passed, result.checks[0]?.reason])).toEqual([
      ['ch-todo-code-lines-1', true, '6 run(s) deadlocked with goroutines blocked at main.go lines [6]'],
      ['ch-todo-code-output-1', true, '1 run(s) printed an expected output'],
    ]);
  });

  it('should use the given id, pick the next free default id and never overwrite', () => {
    expect(scaffoldQuestion({ bankDir, topic: 'channels', type: 'essay', id: 'ch-my-essay' }).id).toBe('ch-my-essay');
    expect(readFileSync(join(bankDir, 'channels', 'ch-my-essay.md'), 'utf8')).toContain('type: essay');
    scaffoldQuestion({ bankDir, topic: 'channels', type: 'short' });
    expect(scaffoldQuestion({ bankDir, topic: 'channels', type: 'short' }).id).toBe('ch-todo-short-2');
    expect(() => scaffoldQuestion({ bankDir, topic: 'channels', type: 'essay', id: 'ch-my-essay' })).toThrow(/already exists/);
  });

  it('should lint clean as a draft and be flagged once published with its TODO text', async () => {
    writeFileSync(join(bankDir, 'channels', '_topic.md'), '---\nid: channels\ntitle: Channels\ncore: false\n---\nChannels. Their rules.\n');
    const { files } = scaffoldQuestion({ bankDir, topic: 'channels', type: 'single' });
    expect((await lintBank(bankDir)).problems).toEqual([]);
    const markdown = files[0] ?? '';
    writeFileSync(markdown, readFileSync(markdown, 'utf8').replace('draft: true\n', ''));
    expect((await lintBank(bankDir)).problems.map(formatProblem)).toEqual([`${markdown}:3: TODO text left in a question that is not a draft`]);
  });

  it('should refuse an id without the topic prefix', () => {
    expect(() => scaffoldQuestion({ bankDir, topic: 'channels', type: 'essay', id: 'sync-essay' })).toThrow(/must start with "ch-"/);
  });
});
