import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BankQuestion } from '../model';
import { parseQuestionFile } from '../parse/parse-question';
import * as bank from './__fixtures__/bank-questions';
import { importQuestions, toQuestionFiles } from './index';

describe('toQuestionFiles', () => {
  it('should write the contract front matter, the prompt and the explanation', () => {
    expect(toQuestionFiles(bank.single)).toEqual({
      markdown: [
        '---',
        'id: ch-nil-receive',
        'title: Receive from a nil channel',
        'topic: channels',
        'subtopic: nil-channels',
        'type: single',
        'difficulty: 2',
        'tags: [ nil-channel, blocking ]',
        'go_version: "1.26"',
        'expected_seconds: 60',
        'references:',
        '  - https://go.dev/ref/spec#Channel_types',
        'options:',
        '  - id: a',
        '    text: It blocks forever',
        '    correct: true',
        '    feedback: "Right: a nil channel is never ready."',
        '  - id: b',
        '    text: It panics',
        '    correct: false',
        '    feedback: Only `close(ch)` panics on a nil channel.',
        '  - id: c',
        '    text: It returns the zero value',
        '    correct: false',
        '---',
        'What does `<-ch` do when `ch` is `nil`?',
        '',
        '## Explanation',
        'A nil channel is never ready. The receive blocks forever. Only close panics on nil.',
        '',
      ].join('\n'),
    });
  });

  it('should write the program of a code question as main.go and verify checks in snake_case', () => {
    const files = toQuestionFiles(bank.codeLines);
    expect(files.goFile).toBe(bank.codeLines.code);
    expect(files.markdown).toContain('code: true\nlines: [ 8 ]\nverify:\n  - kind: deadlock\n    lines: [ 8 ]\n---\n');
  });

  it('should write the flashcard answer as its own section before the explanation', () => {
    expect(toQuestionFiles(bank.flashcard).markdown).toContain('\n\n## Answer\ngoroutineleak\n\n## Explanation\nGo 1.26 adds it.');
  });

  it('should keep multi-line outputs exact in YAML', () => {
    const question: BankQuestion = { ...bank.codeOutput, key: { type: 'code-output', outputs: ['a\n  b\n', 'b\n'] } };
    expect(toQuestionFiles(question).markdown).toContain('outputs:\n  - |\n    a\n      b\n  - |\n    b\n');
  });

  describe('read back by the bank parser', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'goprep-interchange-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const write = (question: BankQuestion): string => {
      const files = toQuestionFiles(question);
      const topicDir = join(dir, question.topic);
      mkdirSync(join(topicDir, question.id), { recursive: true });
      const path = join(topicDir, `${question.id}.md`);
      writeFileSync(path, files.markdown);
      if (files.goFile !== undefined) writeFileSync(join(topicDir, question.id, 'main.go'), files.goFile);
      return path;
    };

    const withoutPaths = ({ sourcePath: _s, contentHash: _h, ...rest }: BankQuestion) => rest;

    it.each(bank.ALL.map((q) => [q.id, q]))('should give back the same question for %s', (_id, question) => {
      const parsed = parseQuestionFile(write(question));
      expect(parsed.problems).toEqual([]);
      expect(parsed.question && withoutPaths(parsed.question)).toEqual(withoutPaths(question));
    });

    it('should write graded numeric and short answers that the bank parser reads back as the same key', () => {
      const fixture = (name: string): string => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
      const imported = [
        ...importQuestions(fixture('gift-all-constructs.gift'), 'gift').questions,
        ...importQuestions(fixture('moodle-all-constructs.xml'), 'moodle-xml').questions,
      ].filter((q) => (q.key.type === 'numeric' || q.key.type === 'short') && q.key.answers !== undefined);
      expect(imported.length).toBeGreaterThanOrEqual(8);
      for (const question of imported) {
        // What the author adds after an import, so the file parses into a question.
        const completed = { ...question, id: `${question.id}-x`, references: ['https://docs.moodle.org/en/GIFT_format'], explanation: question.explanation || 'Written by the author.' };
        const parsed = parseQuestionFile(write(completed));
        expect(parsed.problems).toEqual([]);
        expect(parsed.question?.key).toEqual(question.key);
        expect(parsed.question?.unit).toEqual(question.unit);
      }
    });

    it('should leave only the author to-dos on an imported question', () => {
      const imported = importQuestions('$CATEGORY: goprep/sync/once\n\n::Once::Does sync.Once run f twice?{F####No. It runs once. Later calls wait.}', 'gift');
      const question = imported.questions[0] as BankQuestion;
      const parsed = parseQuestionFile(write(question));
      expect(parsed.problems.map((p) => p.message).join('\n')).toMatch(/references/);
    });
  });
});
