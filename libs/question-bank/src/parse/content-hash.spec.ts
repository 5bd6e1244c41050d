import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from './content-hash';
import { parseQuestionFile } from './parse-question';

const fixture = join(__dirname, '..', '__fixtures__', 'valid-bank', 'channels');

describe('canonicalJson', () => {
  it('should sort keys at every level and drop undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"z":1}]},"b":1}');
  });
});

describe('contentHash', () => {
  let dir: string;
  const hashOf = (name: string): string => {
    const parsed = parseQuestionFile(join(dir, name));
    if (!parsed.question) throw new Error(parsed.problems.map((problem) => problem.message).join('\n'));
    return parsed.question.contentHash;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'goprep-hash-'));
    cpSync(fixture, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should not change when the YAML is only reformatted', () => {
    const before = hashOf('ch-single.md');
    const path = join(dir, 'ch-single.md');
    const text = readFileSync(path, 'utf8')
      .replace('tags: [fixture]', 'tags:\n  - "fixture"   # comment')
      .replace('difficulty: 2', 'difficulty:   2');
    writeFileSync(path, text);
    expect(hashOf('ch-single.md')).toBe(before);
  });

  it('should not change when only draft is toggled', () => {
    const before = hashOf('ch-true-false.md');
    const path = join(dir, 'ch-true-false.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('answer: false\n', 'answer: false\ndraft: true\n'));
    expect(hashOf('ch-true-false.md')).toBe(before);
  });

  it('should change when the key, the prompt or the program changes', () => {
    const before = hashOf('ch-code-output.md');
    const markdown = join(dir, 'ch-code-output.md');
    const original = readFileSync(markdown, 'utf8');
    writeFileSync(markdown, original.replace('What happens?', 'What is printed?'));
    const promptChanged = hashOf('ch-code-output.md');
    writeFileSync(markdown, original);
    const program = join(dir, 'ch-code-output', 'main.go');
    writeFileSync(program, readFileSync(program, 'utf8').replace('ch <- 3', 'ch <- 4'));
    const codeChanged = hashOf('ch-code-output.md');
    expect(new Set([before, promptChanged, codeChanged]).size).toBe(3);
  });
});
