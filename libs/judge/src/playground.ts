import { judgeSubmission } from './judge';
import { runProgram } from './program';
import { extractRaceReports } from './reports';
import type { JudgeResult, Sandbox, TaskSpec } from './types';

/** What a playground run shows of a program's output (each stream). */
const SHOWN_BYTES = 64 * 1024;

/**
 * A playground run: an item that is final (its key may be shown) run again with the learner's
 * edits. A code task's files run against its visible and hidden tests (their logs shown, since the
 * review shows the hidden tests anyway); a code-output or code-lines program (`main.go`) is built
 * with -race and run with the playground's limits, its output and race report returned.
 */
export async function runPlayground(
  task: TaskSpec | undefined,
  files: Record<string, string>,
  sandbox: Sandbox,
): Promise<JudgeResult> {
  if (task) {
    const allTests = { ...task.visibleTests, ...task.hiddenTests };
    return judgeSubmission({ ...task, visibleTests: allTests }, files, 'visible', sandbox);
  }
  const source = files['main.go'];
  if (source === undefined || Object.keys(files).length !== 1) {
    return {
      verdict: 'rejected',
      score: 0,
      tests: [],
      message: 'A playground program is one file, main.go.',
      durationMs: 0,
    };
  }
  const run = await runProgram(source, { race: true }, sandbox);
  const races = extractRaceReports(run.stderr);
  const exit = run.exitCode >= 0 ? `exit status ${run.exitCode}` : 'not run';
  const message =
    run.verdict === 'passed' || run.verdict === 'failed'
      ? `${exit}${races.length > 0 ? `; ${races.length} data race(s) reported` : ''}.`
      : run.verdict === 'compile-error'
        ? 'The program does not compile.'
        : run.verdict === 'rejected'
          ? 'The program was rejected before compiling.'
          : `Stopped: ${run.verdict}.`;
  return {
    verdict: run.verdict,
    score: run.verdict === 'passed' ? 1 : 0,
    tests: [],
    message,
    durationMs: run.durationMs,
    ...(races.length > 0 ? { raceReport: races.join('\n\n').slice(0, SHOWN_BYTES) } : {}),
    ...(run.verdict === 'compile-error' || run.verdict === 'rejected'
      ? { compileOutput: run.stderr.slice(0, SHOWN_BYTES) }
      : {}),
    program: {
      stdout: run.stdout.slice(0, SHOWN_BYTES),
      stderr: run.stderr.slice(0, SHOWN_BYTES),
      exitCode: run.exitCode,
    },
  };
}
