import { join } from 'node:path';
import { formatProblem, lintBank, type LintResult } from './lint-bank';

const fixtures = join(__dirname, '..', '__fixtures__');
const brokenPath = 'libs/question-bank/src/__fixtures__/broken-bank';

describe('lintBank', () => {
  let broken: LintResult;
  let messages: string[];

  beforeAll(async () => {
    broken = await lintBank(join(fixtures, 'broken-bank'));
    messages = broken.problems.map(formatProblem);
  });

  it('should report nothing on the valid bank', async () => {
    const result = await lintBank(join(fixtures, 'valid-bank'));
    expect(result.problems.map(formatProblem)).toEqual([]);
    // 13 questions (one a draft) + 2 topic files + 2 programs.
    expect(result.files).toBe(17);
  });

  it.each([
    ['a missing explanation with its line', 'channels/ch-missing-explanation.md:16: missing `## Explanation` section'],
    ['an explanation shorter than three sentences', 'channels/ch-short-explanation.md:17: the explanation needs at least 3 sentences (found 2)'],
    ['a flashcard without an answer', 'channels/ch-flashcard-no-answer.md:16: a flashcard needs an `## Answer` section before `## Explanation`'],
    ['an answer section outside a flashcard', 'channels/ch-answer-outside-flashcard.md:17: only flashcards have an `## Answer` section; put the key in the front matter'],
    ['a single-choice question with two correct options', 'channels/ch-single-two-correct.md:13: single: exactly one option must be correct (found 2)'],
    ['a multi-choice question with no correct option', 'channels/ch-multi-none-correct.md:13: multi: at least one option must be correct'],
    ['duplicate option ids', 'channels/ch-duplicate-option-ids.md:17: duplicate option id "a"'],
    ['an option without correct at the option', 'channels/ch-option-missing-correct.md:17: missing required key `options[1].correct`'],
    ['an http reference at its line', 'channels/ch-http-reference.md:12: `references[0]`: must be an https URL'],
    ['an unknown key at its own line', 'channels/ch-unknown-key.md:14: unknown key `dificulty`'],
    ['an unknown type', 'channels/ch-bad-type.md:6: `type` must be one of single, multi, true-false, short, numeric, code-output, code-lines, essay, flashcard'],
    ['an unknown check kind', 'channels/ch-bad-kind.md:22: `verify[0].kind` must be one of output, output-matches, race, deadlock, leak, compile-error, vet, escape'],
    ['an unquoted go_version', 'channels/ch-unquoted-go-version.md:9: `go_version`: must be a quoted version string such as "1.26"'],
    ['a YAML syntax error', 'channels/ch-bad-yaml.md:3: YAML:'],
    ['an id without its topic prefix', 'channels/ch-wrong-prefix.md:2: id of a channels question must start with "ch-"'],
    ['an id that differs from the file name', 'channels/ch-file-name.md:2: id "ch-other-name" must equal the file name "ch-file-name"'],
    ['a topic that differs from the folder', 'channels/ch-wrong-topic.md:4: topic "sync" must equal the folder "channels"'],
    ['a duplicate id', 'sync/ch-duplicate.md:2: duplicate id "ch-duplicate" (also libs/question-bank/src/__fixtures__/broken-bank/channels/ch-duplicate.md)'],
    ['a code question without main.go', 'channels/ch-code-no-main.md:13: code question without its program'],
    ['a program that is not gofmt-clean', 'channels/ch-code-unformatted/main.go: not gofmt-clean (run gofmt -w on it)'],
    ['check lines that differ from the key', 'channels/ch-lines-mismatch.md:17: deadlock check lines [4] must equal the key lines [5]'],
    ['a line outside main.go', 'channels/ch-lines-mismatch.md:19: line 40 is outside main.go (6 lines)'],
    ['a code-output question without an output check', 'channels/ch-output-without-output-check.md:17: a code-output question needs a verify check of kind `output`'],
    ['a race check whose fixed program is missing', 'channels/ch-missing-fixed.md:18: race check with fixed: true needs'],
    ['a verify file that does not exist', 'channels/ch-missing-fixed.md:20: verify file'],
    ['a stray program folder', 'channels/ch-stray: stray program folder: no question ch-stray.md'],
    ['a stray Go file', 'channels/stray.go: stray Go file'],
    ['an unknown topic folder', 'misc: unknown topic folder "misc"'],
    ['a topic folder without _topic.md', 'sync: topic folder without _topic.md'],
    ['an explanation naming options the question does not have', 'channels/ch-unknown-option-reference.md:24: the explanation names options (d), (e), which the question does not have (options: a, b)'],
    ['option feedback naming an option the question does not have', 'channels/ch-unknown-option-reference.md:20: the feedback of option b names option (c), which the question does not have (options: a, b)'],
  ])('should report %s', (_scenario, expected) => {
    expect(messages).toContainEqual(expect.stringContaining(`${brokenPath}/${expected}`));
  });

  it('should report nothing it was not asked to', () => {
    // Every broken file breaks its rule and only that rule (plus the prefix rule a misplaced file also breaks).
    expect(broken.problems).toHaveLength(36);
  });
});
