import { judgeSubmission, warmCache, type JudgeResult, type Sandbox } from '@goprep/judge';
import type { BankQuestion, StarterFails } from '../model';
import type { CheckResult } from '../verify/types';
import { toJudgeTask } from './task-spec';

/** Whether a starter's result shows the failure the task says it has. */
export function failsFor(reason: StarterFails, result: JudgeResult): string | undefined {
  if (result.verdict === 'passed') return 'the starter passes every hidden test';
  if (result.verdict === 'compile-error' || result.verdict === 'rejected' || result.verdict === 'internal-error') {
    return `the starter must compile and run, got ${result.verdict}: ${result.message} ${result.compileOutput ?? ''}`.trim();
  }
  const failedTests = result.tests.filter((test) => !test.passed);
  switch (reason) {
    case 'race':
      return result.raceReport !== undefined && failedTests.length > 0 ? undefined : 'no data race reported by a failing hidden test';
    case 'leak':
      return result.leakReport !== undefined && failedTests.length > 0 ? undefined : 'no leaked goroutine reported by a failing hidden test';
    case 'allocs':
      return failedTests.some((test) => test.name.startsWith('TestAllocs')) ? undefined : 'no TestAllocs... test fails';
    case 'wrong-result':
      return failedTests.some((test) => !test.name.startsWith('TestAllocs')) ? undefined : 'no hidden test fails';
    case 'vet':
      return result.message.startsWith('go vet') ? undefined : 'go vet is clean';
    case 'timeout':
      return result.verdict === 'time-limit' ? undefined : `expected a time limit, got ${result.verdict}`;
  }
}

const summary = (result: JudgeResult): string =>
  `${result.verdict} (score ${result.score.toFixed(2)}): ${result.message}${result.compileOutput ? `\n${result.compileOutput}` : ''}${
    result.raceReport ? `\n${result.raceReport.split('\n').slice(0, 12).join('\n')}` : ''
  }${result.leakReport ? `\n${result.leakReport.split('\n').slice(0, 12).join('\n')}` : ''}`;

/**
 * The two proofs of a code task, through the same sandbox the server uses: the reference solution
 * passes the visible and the hidden tests (with -race, the leak check and the allocation tests, as
 * the task's checks say), repeatedly; the starter fails at least one hidden test, for the stated reason.
 */
export async function verifyCodeTask(question: BankQuestion, sandbox: Sandbox, repeat = 1): Promise<CheckResult[]> {
  const task = question.task;
  if (task === undefined) return [];
  const spec = toJudgeTask(question);
  const checks: CheckResult[] = [];
  let started = Date.now();
  let solutionFailure: string | undefined;
  for (const mode of ['visible', 'hidden'] as const) {
    for (let run = 0; run < (mode === 'hidden' ? repeat : 1) && solutionFailure === undefined; run += 1) {
      const result = await judgeSubmission(spec, task.solution, mode, sandbox);
      if (result.verdict !== 'passed' || result.score !== 1) solutionFailure = `reference solution, ${mode} tests${repeat > 1 ? ` (run ${run + 1})` : ''}: ${summary(result)}`;
    }
  }
  checks.push({
    kind: 'solution',
    index: 0,
    passed: solutionFailure === undefined,
    reason: solutionFailure ?? 'the reference solution passes the visible and hidden tests',
    durationMs: Date.now() - started,
  });
  started = Date.now();
  const starter = await judgeSubmission(spec, task.starter, 'hidden', sandbox);
  const why = failsFor(task.starterFails, starter);
  checks.push({
    kind: 'starter',
    index: 1,
    passed: why === undefined,
    reason: why === undefined ? `the starter fails for the stated reason (${task.starterFails})` : `starter_fails: ${task.starterFails}, but ${why}\n${summary(starter)}`,
    durationMs: Date.now() - started,
  });
  return checks;
}

/** Warms the judge's build cache for these tasks (warmCache skips it when already warm for them). */
export async function warmForTasks(questions: BankQuestion[], sandbox: Sandbox, onProgress: (done: number, total: number) => void, force = false): Promise<boolean> {
  return warmCache(questions.map(toJudgeTask), sandbox, onProgress, { force });
}
