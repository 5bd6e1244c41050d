import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { openSandbox, type Sandbox } from '@goprep/judge';
import { judgeDataDir } from '../judge/task-spec';
import { verifyCodeTask, warmForTasks } from '../judge/verify-task';
import type { BankQuestion } from '../model';
import { findGo, type GoToolchain } from '../go/toolchain';
import { loadBank } from '../parse/load-bank';
import { findRepoRoot } from '../parse/paths';
import { runCheck } from './checks';
import { mapPool } from './pool';
import { QuestionProgram } from './program';
import { buildSharedDependencies, sharedBuildPlan } from './shared-deps';
import type { CheckResult, QuestionVerifyResult, VerifyPhase, VerifyReport } from './types';

export interface VerifyOptions {
  topic?: string;
  id?: string;
  /** Questions verified at once (default: one per CPU), and code tasks up to MAX_TASKS_AT_ONCE (default: two per CPU, see tasksAtOnce). */
  concurrency?: number;
  includeDrafts?: boolean;
  /** Called once before the first question starts. */
  onStart?: (plan: { questions: number; goVersion: string; concurrency: number }) => void;
  /** Called as each question finishes, for progress output. */
  onResult?: (result: QuestionVerifyResult) => void;
  /** Code tasks: progress of warming the judge's build cache (only when the tasks changed). */
  onWarm?: (done: number, total: number) => void;
  /**
   * How many times each question's checks run (an audit for programs whose output depends on
   * timing; default 1) and, for code tasks, how many times the solution runs the hidden tests.
   */
  repeat?: number;
  /** Code tasks: the judge's data dir (default JUDGE_DATA_DIR or .data/judge). */
  judgeDataDir?: string;
  /** Called as a long phase starts (compiling the shared dependencies), for progress output. */
  onPhaseStart?: (name: string) => void;
  /** Called as each phase (loading, compiling shared dependencies, the questions) ends. */
  onPhase?: (phase: VerifyPhase) => void;
  /**
   * Compile the packages the programs import once, before the questions run in parallel
   * (default true). Off, each question's build compiles what the cache lacks on its own.
   */
  sharedBuild?: boolean;
}

/**
 * Proves every verify check of the bank with the real Go toolchain. Throws GoToolchainError when
 * no Go >= 1.22 is available; a failing check is a result, not an exception.
 */
export async function verifyBank(bankDir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const phases: VerifyPhase[] = [];
  const phase = (name: string, started: number, detail?: string): void => {
    const entry: VerifyPhase = { name, durationMs: Date.now() - started, ...(detail !== undefined ? { detail } : {}) };
    phases.push(entry);
    options.onPhase?.(entry);
  };
  const loadStarted = Date.now();
  const go = await findGo();
  const dir = resolve(bankDir);
  if (!existsSync(join(dir, 'go.mod'))) {
    throw new Error(`${dir} has no go.mod: the bank's programs must belong to one Go module`);
  }
  const bank = loadBank(dir, {
    ...(options.topic !== undefined ? { topic: options.topic } : {}),
    ...(options.id !== undefined ? { id: options.id } : {}),
    ...(options.includeDrafts ? { includeDrafts: true } : {}),
  });
  const questions = bank.questions.filter((question) => question.verify.length > 0);
  const tasks = bank.questions.filter((question) => question.type === 'code-task' && question.task !== undefined);
  const concurrency = options.concurrency ?? cpus().length;
  phase('load', loadStarted, `${questions.length} question(s) with verify checks`);
  options.onStart?.({ questions: questions.length + tasks.length, goVersion: go.version, concurrency });
  if (options.sharedBuild !== false && questions.length > 0) {
    const sharedStarted = Date.now();
    options.onPhaseStart?.('shared dependencies');
    const plan = sharedBuildPlan(dir, questions.map((question) => ({ question, programDir: programDirOf(dir, question) })));
    const steps = await buildSharedDependencies(go, dir, plan);
    const detail = steps
      .map((step) => `${step.step} ${step.packages} package(s) ${seconds(step.durationMs)}${step.failed ? ` (failed: ${step.failed})` : ''}`)
      .join(', ');
    phase('shared dependencies', sharedStarted, detail);
  }
  // The judge's warm-up only compiles, with no time-sensitive run, so it goes beside the questions:
  // their programs leave a core idle (a -race binary sleeps a second at exit, many programs sleep
  // or block on purpose). Measured in docs/performance.md ("The judge's warm-up beside the
  // questions"). The tasks themselves run after the questions, as before.
  const judge = tasks.length > 0 ? prepareTaskSandbox(tasks, options, (started) => phase('judge warm-up (beside the questions)', started)) : undefined;
  try {
    const questionsStarted = Date.now();
    const results = await mapPool(questions, concurrency, async (question) => {
      const result = await verifyQuestion(go, dir, question, options.repeat ?? 1);
      options.onResult?.(result);
      return result;
    });
    phase('questions', questionsStarted, `${questions.length} question(s), ${concurrency} at a time`);
    if (judge) {
      const tasksStarted = Date.now();
      results.push(...(await verifyTasks(tasks, await judge.ready, options)));
      phase('code tasks', tasksStarted, `${tasks.length} task(s) in the judge's sandbox`);
    }
    const passed = results.filter((result) => result.passed).length;
    return { goVersion: go.version, results, passed, failed: results.length - passed, problems: bank.problems, phases };
  } finally {
    await judge?.close();
  }
}

/**
 * Opens the judge's sandbox and warms its build cache for the tasks, starting now. `ready` rejects
 * as openSandbox or the warm-up would have (verify then fails, as before); `close` waits for the
 * warm-up to settle and closes the sandbox, whatever happened.
 */
function prepareTaskSandbox(tasks: BankQuestion[], options: VerifyOptions, onWarmed: (started: number) => void): { ready: Promise<Sandbox>; close: () => Promise<void> } {
  const started = Date.now();
  const opened = openSandbox({ dataDir: options.judgeDataDir ?? judgeDataDir() });
  const ready = opened.then(async (sandbox) => {
    await warmForTasks(tasks, sandbox, options.onWarm ?? (() => undefined));
    onWarmed(started);
    return sandbox;
  });
  // Until the tasks phase awaits it, a failure is held here (not an unhandled rejection).
  ready.catch(() => undefined);
  return {
    ready,
    close: async () => {
      await ready.catch(() => undefined);
      const sandbox = await opened.catch(() => undefined);
      await sandbox?.close();
    },
  };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * Code tasks at once: two per CPU unless `--concurrency` says otherwise. A judge run is a compile,
 * then hidden tests that wait for goroutines to settle, so one run per CPU left the cores idle a good
 * part of the time: on 2 cores, warm, 75-82 s at two, 60-65 s at three, 55 s at four; 188 of 188
 * every time, also beside two busy loops (docs/performance.md, "Bank verify: code tasks two per CPU").
 * The questions stay at one per CPU: at two per CPU they finish sooner warm (54-66 s -> 35-37 s),
 * but on a fresh clone they slow the judge's warm-up running beside them, which the tasks wait for.
 */
function tasksAtOnce(concurrency: number | undefined): number {
  return Math.min(MAX_TASKS_AT_ONCE, concurrency ?? 2 * cpus().length);
}

/** Each judge run holds a sandboxed `go test -race` build (a few hundred MB): at most this many at once, however many CPUs. */
const MAX_TASKS_AT_ONCE = 8;

/** `<bank>/<topic>/<id>`: the folder of a question's program. */
export function programDirOf(bankDir: string, question: BankQuestion): string {
  return join(dirname(resolve(repoRootOr(bankDir), question.sourcePath)), question.id);
}

/**
 * Runs one question's checks in order, sharing builds between them; `repeat` times over, stopping at
 * the first round with a failure, whose reasons then name that round.
 */
export async function verifyQuestion(go: GoToolchain, bankDir: string, question: BankQuestion, repeat = 1): Promise<QuestionVerifyResult> {
  const started = Date.now();
  const program = new QuestionProgram(go, bankDir, question, programDirOf(bankDir, question), await mkdtemp(join(tmpdir(), 'goprep-verify-')));
  let checks: CheckResult[] = [];
  try {
    for (let round = 1; round <= repeat; round += 1) {
      checks = await runChecksOnce(program, question, repeat > 1 ? `round ${round}/${repeat}: ` : '');
      if (!checks.every((check) => check.passed)) break;
    }
  } finally {
    await program.cleanup();
  }
  return resultOf(question, checks, started);
}

/** Every check of the question once, in order; `prefix` goes before each reason. */
async function runChecksOnce(program: QuestionProgram, question: BankQuestion, prefix: string): Promise<CheckResult[]> {
  const checks: CheckResult[] = [];
  for (const [index, check] of question.verify.entries()) {
    const checkStarted = Date.now();
    let verdict;
    try {
      verdict = await runCheck(program, check);
    } catch (error) {
      verdict = { passed: false, reason: `verifier error: ${(error as Error).message}` };
    }
    checks.push({ kind: check.kind, index, ...verdict, reason: prefix + verdict.reason, durationMs: Date.now() - checkStarted });
  }
  return checks;
}

/** A question's result: passed when every check passed; timed from `started`. */
function resultOf(question: BankQuestion, checks: CheckResult[], started: number): QuestionVerifyResult {
  return {
    id: question.id,
    topic: question.topic,
    sourcePath: question.sourcePath,
    passed: checks.every((check) => check.passed),
    checks,
    durationMs: Date.now() - started,
  };
}

/**
 * Code tasks are proven through the judge's sandbox, exactly as the server judges them; without a
 * working sandbox verify fails (openSandbox throws SandboxUnavailable with the reason).
 */
async function verifyTasks(tasks: BankQuestion[], sandbox: Sandbox, options: VerifyOptions): Promise<QuestionVerifyResult[]> {
  return mapPool(tasks, tasksAtOnce(options.concurrency), async (question) => {
    const started = Date.now();
    const result = resultOf(question, await verifyCodeTask(question, sandbox, options.repeat ?? 1), started);
    options.onResult?.(result);
    return result;
  });
}

// sourcePath is relative to this repository's root when the bank is inside it, else absolute.
function repoRootOr(bankDir: string): string {
  try {
    return findRepoRoot();
  } catch {
    return bankDir;
  }
}
