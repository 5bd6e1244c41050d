import type { TaskSpec } from '@goprep/judge';
import type { BankQuestion } from '../model';
import { findRepoRoot } from '../parse/paths';
import { join } from 'node:path';

/** What the judge needs of a bank code task (the reference solution and starter stay here). */
export function toJudgeTask(question: BankQuestion): TaskSpec {
  const task = question.task;
  if (question.type !== 'code-task' || task === undefined) throw new Error(`${question.id} is not a code task`);
  return {
    id: question.id,
    package: task.package,
    files: task.files,
    imports: task.imports,
    checks: task.checks,
    limits: task.limits,
    scoring: task.scoring,
    visibleTests: task.visibleTests,
    hiddenTests: task.hiddenTests,
  };
}

/** The judge's data dir: JUDGE_DATA_DIR, else .data/judge in this repository. */
export function judgeDataDir(): string {
  return process.env['JUDGE_DATA_DIR'] ?? join(findRepoRoot(), '.data', 'judge');
}
