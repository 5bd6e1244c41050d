import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeTask } from '../model';
import type { TaskFrontMatter } from '../schema/front-matter';
import { displayPath } from './paths';

export const HIDDEN_TEST_FILE = /^hidden[a-z0-9_]*_test\.go$/;
export const VISIBLE_TEST_FILE = 'visible_test.go';

const goFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.go'))
        .map((entry) => entry.name)
        .sort()
    : [];

const readAll = (dir: string, names: readonly string[]): Record<string, string> =>
  Object.fromEntries(names.filter((name) => existsSync(join(dir, name))).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

/**
 * Reads a code task's folder `<id>/` (go.mod, starter/, solution/, tests/) into the model. Problems
 * that make the task unusable (a declared file missing, no tests) are returned as messages and keep
 * the question out of the bank; finer rules (extra files, package names, gofmt, test names) are the
 * linter's (lintCodeTask).
 */
export function readCodeTask(programDir: string, task: TaskFrontMatter): { task?: CodeTask; problems: string[] } {
  const problems: string[] = [];
  if (!existsSync(join(programDir, 'go.mod'))) problems.push(`code task without its module file ${displayPath(join(programDir, 'go.mod'))}`);
  for (const part of ['starter', 'solution'] as const) {
    for (const file of task.files) {
      const path = join(programDir, part, file);
      if (!existsSync(path)) problems.push(`code task without ${displayPath(path)}`);
    }
  }
  const testsDir = join(programDir, 'tests');
  const testFiles = goFiles(testsDir);
  if (!testFiles.includes(VISIBLE_TEST_FILE)) problems.push(`code task without ${displayPath(join(testsDir, VISIBLE_TEST_FILE))}`);
  const hidden = testFiles.filter((name) => HIDDEN_TEST_FILE.test(name));
  if (hidden.length === 0) problems.push(`code task without hidden tests (${displayPath(testsDir)}/hidden*_test.go)`);
  if (problems.length > 0) return { problems };
  return {
    problems,
    task: {
      package: task.package,
      files: task.files,
      imports: task.imports,
      checks: task.checks,
      limits: { timeSeconds: task.limits.time_seconds, memoryMb: task.limits.memory_mb },
      scoring: task.scoring,
      starterFails: task.starter_fails,
      starter: readAll(join(programDir, 'starter'), task.files),
      solution: readAll(join(programDir, 'solution'), task.files),
      visibleTests: readAll(testsDir, [VISIBLE_TEST_FILE]),
      hiddenTests: readAll(testsDir, hidden),
    },
  };
}
