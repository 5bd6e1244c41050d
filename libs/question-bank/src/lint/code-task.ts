import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BankProblem } from '../model';
import { HIDDEN_TEST_FILE, VISIBLE_TEST_FILE } from '../parse/code-task';
import type { ParsedQuestionFile } from '../parse/parse-question';
import { displayPath } from '../parse/paths';

/** Comments blanked so a `package x` or `func TestX` inside one is not taken for code. */
const withoutComments = (source: string): string => source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, '');

const packageOf = (source: string): string | undefined => /^\s*package\s+([A-Za-z_]\w*)/m.exec(withoutComments(source))?.[1];

const testNamesOf = (source: string): string[] =>
  [...withoutComments(source).matchAll(/^func\s+(Test[^a-z(][\w]*|Test)\s*\(/gm)].map((match) => match[1] ?? '');

const importsOf = (source: string): string[] => {
  const code = withoutComments(source);
  const paths: string[] = [];
  for (const block of code.matchAll(/^import\s*\(([\s\S]*?)\)/gm)) {
    for (const match of (block[1] ?? '').matchAll(/"([^"]+)"/g)) paths.push(match[1] ?? '');
  }
  for (const match of code.matchAll(/^import\s+(?:[\w.]+\s+)?"([^"]+)"/gm)) paths.push(match[1] ?? '');
  return paths;
};

const goFilesIn = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
        .sort()
    : [];

/** Layout rules of a code task's folder (docs/question-format.md, "Code tasks"); gofmt is checked with every Go file. */
export function lintCodeTask(parsed: ParsedQuestionFile): BankProblem[] {
  const fm = parsed.frontMatter;
  if (fm?.type !== 'code-task') return [];
  const problems: BankProblem[] = [];
  const dir = parsed.programDir;
  const at = (path: string, message: string): void => {
    problems.push({ file: displayPath(path), message });
  };
  const goMod = join(dir, 'go.mod');
  if (existsSync(goMod)) {
    const text = readFileSync(goMod, 'utf8');
    if (!new RegExp(`^module goprep\\.dev/task/${fm.id}\\s*$`, 'm').test(text)) at(goMod, `the module must be goprep.dev/task/${fm.id}`);
    if (!/^go 1\.\d+/m.test(text)) at(goMod, 'go.mod needs a go directive such as go 1.26');
  }
  for (const part of ['starter', 'solution']) {
    const names = goFilesIn(join(dir, part));
    for (const name of names) {
      const path = join(dir, part, name);
      if (!fm.task.files.includes(name)) {
        at(path, `${part}/ holds exactly the task's files (${fm.task.files.join(', ')}); ${name} is not one of them`);
        continue;
      }
      const pkg = packageOf(readFileSync(path, 'utf8'));
      if (pkg !== fm.task.package) at(path, `package ${pkg ?? '?'}, expected package ${fm.task.package}`);
    }
  }
  const testsDir = join(dir, 'tests');
  const seen = new Map<string, string>();
  for (const name of goFilesIn(testsDir)) {
    const path = join(testsDir, name);
    if (name !== VISIBLE_TEST_FILE && !HIDDEN_TEST_FILE.test(name)) {
      at(path, 'tests/ holds visible_test.go and hidden*_test.go only');
      continue;
    }
    const source = readFileSync(path, 'utf8');
    const pkg = packageOf(source);
    if (pkg !== fm.task.package) at(path, `package ${pkg ?? '?'}, expected package ${fm.task.package} (tests are in-package)`);
    for (const test of testNamesOf(source)) {
      if (test === 'TestMain') at(path, 'TestMain is the judge\'s: tests must not define it');
      const other = seen.get(test);
      if (other !== undefined) at(path, `test ${test} is also defined in ${other}: names are unique across visible and hidden tests`);
      seen.set(test, name);
    }
    for (const imp of importsOf(source)) {
      const std = !imp.split('/')[0]?.includes('.');
      if (!std && imp !== 'go.uber.org/goleak') at(path, `tests may import the standard library and go.uber.org/goleak only, not ${imp}`);
    }
    if (/\bt\.Parallel\(\)/.test(withoutComments(source)) && fm.task.checks.leak) {
      at(path, 't.Parallel() makes the per-test leak check see other tests\' goroutines; task tests run sequentially');
    }
  }
  return problems;
}
