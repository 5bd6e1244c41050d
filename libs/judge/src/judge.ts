import { randomBytes } from 'node:crypto';
import { chownSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractRaceReports, splitTestOutput, stripWorkPaths, submissionLines } from './reports';
import { GOROOT, moduleFilesOf, SANDBOX_UID } from './sandbox';
import { selectTests } from './select';
import { callTool, type CheckAnswer, type HarnessAnswer, type ToolProblem } from './tool';
import type { JudgeMode, JudgeResult, LimitKind, RunLimits, RunOutcome, Sandbox, TaskSpec, TestResult, Verdict } from './types';

const GO = join(GOROOT, 'bin', 'go');

/** Environment of every go command in the sandbox: offline, local toolchain, private cache. */
export function goEnv(): Record<string, string> {
  return {
    GOROOT,
    GOCACHE: '/work/.cache',
    GOMODCACHE: '/gomod',
    GOPATH: '/tmp/gopath',
    GOFLAGS: '-mod=readonly',
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GOTOOLCHAIN: 'local',
    GOENV: 'off',
    GOWORK: 'off',
    GOTELEMETRY: 'off',
    CGO_ENABLED: '1',
  };
}

/** Compiling: generous, since a cold cache compiles the standard library with -race (~45 s). */
export const COMPILE_LIMITS: RunLimits = {
  wallSeconds: 240,
  cpuSeconds: 400,
  memoryMb: 2048,
  processes: 512,
  openFiles: 1024,
  fileSizeMb: 512,
  outputBytes: 1024 * 1024,
};

export function runLimits(limits: { timeSeconds: number; memoryMb: number }): RunLimits {
  return {
    wallSeconds: limits.timeSeconds + 5,
    cpuSeconds: limits.timeSeconds * 2,
    memoryMb: limits.memoryMb,
    processes: 256,
    openFiles: 256,
    fileSizeMb: 16,
    outputBytes: 1024 * 1024,
  };
}

/** The verdict a run gets when the sandbox killed it for a limit (judge and playground alike). */
export const LIMIT_VERDICT: Record<LimitKind, Verdict> = {
  cpu: 'time-limit',
  wall: 'time-limit',
  memory: 'memory-limit',
  output: 'output-limit',
  files: 'output-limit',
  processes: 'failed',
};

const describe = (problems: ToolProblem[]): string =>
  problems.map((p) => (p.line > 0 ? `${p.file}:${p.line}: ${p.message}` : p.line === 0 && p.file ? `${p.file}: ${p.message}` : p.message)).join('\n');

interface Record_ {
  name: string;
  passed: boolean;
  leak?: string;
  done?: boolean;
  code: number;
}

function parseRecords(text: string): Record_[] {
  const records: Record_[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line) as Record_);
    } catch {
      // a torn last line when the binary was killed mid-write
    }
  }
  return records;
}

function writeOwned(path: string, content: string): void {
  writeFileSync(path, content, { mode: 0o644 });
  chownSync(path, SANDBOX_UID, SANDBOX_UID);
}

/** Compile output as the learner may see it: work-dir paths gone, hidden test files and the harness named but not shown. */
function maskOutput(text: string, hiddenFiles: readonly string[], harnessFile: string): string {
  let out = stripWorkPaths(text);
  out = out.split(harnessFile).join('judge harness');
  for (const file of hiddenFiles) out = out.replace(new RegExp(`${file.replace('.', '\\.')}:\\d+(:\\d+)?`, 'g'), 'hidden tests');
  return out;
}

/**
 * Compiler and vet output as the learner may see it. In a hidden run a message about a hidden test
 * file is replaced as a whole, with its continuation lines: Go quotes the offending expression
 * ("invalid operation: got != 800"), and a submission with deliberately wrong types would read the
 * hidden tests' inputs and expected values out of it. What stays is the name of a declaration the
 * hidden tests use and the code lacks ("undefined: X", "has no field or method X").
 */
function maskCompileOutput(text: string, hiddenFiles: readonly string[], harnessFile: string): string {
  if (hiddenFiles.length === 0) return maskOutput(text, hiddenFiles, harnessFile);
  const names = hiddenFiles.map((file) => file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const hiddenLine = new RegExp(`(^|[\\s/])(${names}):\\d+`);
  const out: string[] = [];
  const missing = new Set<string>();
  let withheld = false;
  let skipping = false;
  for (const line of stripWorkPaths(text).split('\n')) {
    if (skipping && /^\s/.test(line)) continue;
    skipping = hiddenLine.test(line);
    if (!skipping) {
      out.push(line);
      continue;
    }
    withheld = true;
    const name = /(?:undefined: |has no field or method )([\p{L}_][\p{L}\p{N}_]*)/u.exec(line)?.[1];
    if (name !== undefined && !name.includes('goprep')) missing.add(name);
  }
  if (withheld) {
    const lacking = missing.size > 0 ? ` They use ${[...missing].join(', ')}, which this code does not declare as they need.` : '';
    out.push(`hidden tests: they do not compile with this code (the compiler's messages are withheld: they quote the hidden tests).${lacking}`);
  }
  return maskOutput(out.join('\n'), hiddenFiles, harnessFile);
}

interface BinaryRun {
  outcome: RunOutcome;
  records: Record_[];
}

/**
 * Judges a submission against a task's visible or hidden tests in the sandbox. A test counts as
 * passed only from the record the judge's harness (inside the test binary, under a random name the
 * submission cannot reference) writes on fd 3 after that test finished: nothing the submission
 * prints on stdout or stderr can make a test pass.
 */
export async function judgeSubmission(task: TaskSpec, files: Record<string, string>, mode: JudgeMode, sandbox: Sandbox): Promise<JudgeResult> {
  const started = Date.now();
  const finish = (result: Omit<JudgeResult, 'durationMs'>): JudgeResult => ({ ...result, durationMs: Date.now() - started });
  try {
    return finish(await judge(task, files, mode, sandbox));
  } catch (error) {
    return finish({ verdict: 'internal-error', score: 0, tests: [], message: `judge failed: ${(error as Error).message}` });
  }
}

/** Largest submission (all files together) the judge looks at. */
export const SUBMISSION_LIMIT_BYTES = 512 * 1024;

async function judge(task: TaskSpec, files: Record<string, string>, mode: JudgeMode, sandbox: Sandbox): Promise<Omit<JudgeResult, 'durationMs'>> {
  const size = Object.values(files).reduce((sum, source) => sum + Buffer.byteLength(source, 'utf8'), 0);
  if (size > SUBMISSION_LIMIT_BYTES) {
    return { verdict: 'rejected', score: 0, tests: [], message: `Submission rejected: ${size} bytes of code, more than the ${SUBMISSION_LIMIT_BYTES} allowed.` };
  }
  const check = await callTool<CheckAnswer>(sandbox.toolPath, 'check', {
    mode: 'task',
    package: task.package,
    files: task.files,
    imports: task.imports,
    sources: files,
  });
  if (check.problems.length > 0) {
    return { verdict: 'rejected', score: 0, tests: [], message: `Submission rejected:\n${describe(check.problems)}` };
  }
  if (check.syntaxErrors.length > 0) {
    const compileOutput = describe(check.syntaxErrors);
    return { verdict: 'compile-error', score: 0, tests: [], message: 'The code does not compile.', compileOutput };
  }

  const testFiles = mode === 'hidden' ? task.hiddenTests : task.visibleTests;
  const nonce = randomBytes(8).toString('hex');
  const harness = await callTool<HarnessAnswer>(sandbox.toolPath, 'harness', { package: task.package, nonce, leak: task.checks.leak, tests: testFiles });
  if (harness.problems.length > 0) throw new Error(`the task's ${mode} tests are unusable: ${describe(harness.problems)}`);
  if (harness.tests.length === 0) throw new Error(`the task has no ${mode} tests`);
  const harnessFile = `goprep_harness_${nonce}_test.go`;
  const hiddenFiles = mode === 'hidden' ? Object.keys(testFiles) : [];

  const work = await sandbox.newWorkDir();
  try {
    const src = join(work.path, 'src');
    const { goMod, goSum } = moduleFilesOf(sandbox);
    writeOwned(join(src, 'go.mod'), goMod);
    writeOwned(join(src, 'go.sum'), goSum);
    for (const [name, source] of Object.entries(files)) writeOwned(join(src, name), source);
    for (const [name, source] of Object.entries(harness.files)) writeOwned(join(src, name), source);

    const selection = selectTests(harness.tests, task.checks.race);
    const raceRun = selection.race;
    const separateAllocs = selection.allocs !== undefined;

    const compile = (args: string[]) =>
      sandbox.run({ argv: [GO, ...args], workDir: work.path, writableWork: true, cwd: '/work/src', env: goEnv(), limits: COMPILE_LIMITS });
    const compileFailed = (outcome: RunOutcome): Omit<JudgeResult, 'durationMs'> | undefined => {
      if (outcome.exitCode === 0) return undefined;
      if (outcome.limitKilled !== undefined && outcome.limitKilled !== 'output') {
        return { verdict: LIMIT_VERDICT[outcome.limitKilled], score: 0, tests: [], message: `Compiling hit the ${outcome.limitKilled} limit.`, limitKilled: outcome.limitKilled };
      }
      const compileOutput = maskCompileOutput(outcome.stderr + outcome.stdout, hiddenFiles, harnessFile).slice(0, 64 * 1024);
      return { verdict: 'compile-error', score: 0, tests: [], message: 'The code does not compile with the tests.', compileOutput };
    };

    // The builds share the job's cache (Go locks its entries) and run side by side on two cores.
    const [mainBuild, allocBuild, vet] = await Promise.all([
      compile(['test', '-c', ...(raceRun ? ['-race'] : []), '-ldflags=-w', '-o', '/work/bin/main.test', '.']),
      separateAllocs ? compile(['test', '-c', '-ldflags=-w', '-o', '/work/bin/allocs.test', '.']) : undefined,
      task.checks.vet ? compile(['vet', '.']) : undefined,
    ]);
    const buildFailed = compileFailed(mainBuild) ?? (allocBuild ? compileFailed(allocBuild) : undefined);
    if (buildFailed) return buildFailed;
    if (vet && vet.exitCode !== 0) {
      if (vet.limitKilled !== undefined) {
        return { verdict: LIMIT_VERDICT[vet.limitKilled], score: 0, tests: [], message: `go vet hit the ${vet.limitKilled} limit.`, limitKilled: vet.limitKilled };
      }
      const output = maskCompileOutput(vet.stderr + vet.stdout, hiddenFiles, harnessFile).slice(0, 16 * 1024);
      return { verdict: 'failed', score: 0, tests: harness.tests.map((name) => ({ name, passed: false })), message: `go vet reports problems:\n${output}` };
    }

    const limits = runLimits(task.limits);
    const runBinary = async (binary: string, args: string[]): Promise<BinaryRun> => {
      const outcome = await sandbox.run({
        argv: [binary, '-test.v', '-test.count=1', `-test.timeout=${task.limits.timeSeconds}s`, ...args],
        workDir: work.path,
        writableWork: false,
        cwd: '/work/src',
        env: { GORACE: 'atexit_sleep_ms=0', GOTRACEBACK: 'single' },
        limits,
        resultChannel: true,
      });
      return { outcome, records: parseRecords(outcome.results) };
    };

    // Allocation counts do not depend on timing, so the two binaries may run at once.
    const runs: BinaryRun[] = selection.allocs
      ? await Promise.all([runBinary('/work/bin/main.test', selection.main), runBinary('/work/bin/allocs.test', selection.allocs)])
      : [await runBinary('/work/bin/main.test', selection.main)];
    return verdictOf(task, harness.tests, runs, mode, hiddenFiles, harnessFile);
  } finally {
    await work.dispose();
  }
}

function verdictOf(
  task: TaskSpec,
  testNames: string[],
  runs: BinaryRun[],
  mode: JudgeMode,
  hiddenFiles: string[],
  harnessFile: string,
): Omit<JudgeResult, 'durationMs'> {
  const records = new Map<string, Record_>();
  for (const run of runs) for (const record of run.records) if (!record.done) records.set(record.name, record);
  const output = new Map<string, string>();
  for (const run of runs) for (const [name, text] of splitTestOutput(run.outcome.stdout)) output.set(name, maskOutput(text, hiddenFiles, harnessFile));
  const tests: TestResult[] = testNames.map((name) => {
    const text = output.get(name);
    return { name, passed: records.get(name)?.passed === true, ...(text !== undefined ? { output: text } : {}) };
  });
  const passedCount = tests.filter((test) => test.passed).length;
  const allOutput = runs.map((run) => `${run.outcome.stdout}\n${run.outcome.stderr}`).join('\n');
  const races = extractRaceReports(allOutput);
  const leaks = [...records.values()].filter((record) => record.leak).map((record) => `${record.name}: ${stripWorkPaths(record.leak ?? '')}`);
  const reports = {
    ...(races.length > 0 ? { raceReport: maskOutput(races.join('\n\n'), hiddenFiles, harnessFile).slice(0, 64 * 1024) } : {}),
    ...(leaks.length > 0 ? { leakReport: maskOutput(leaks.join('\n\n'), hiddenFiles, harnessFile).slice(0, 64 * 1024) } : {}),
  };
  const where = (report: string | undefined): string => {
    const lines = report ? submissionLines(report, task.files) : [];
    return lines.length > 0 ? ` (${lines.slice(0, 3).join(', ')})` : '';
  };
  const kind = mode === 'hidden' ? 'hidden' : 'visible';

  const killed = runs.find((run) => run.outcome.limitKilled !== undefined)?.outcome.limitKilled;
  if (killed !== undefined && killed !== 'processes') {
    return { verdict: LIMIT_VERDICT[killed], score: 0, tests, message: `Stopped: the ${killed} limit was exceeded.`, limitKilled: killed, ...reports };
  }
  const timedOut = runs.some((run) => run.outcome.exitCode !== 0 && !run.records.some((r) => r.done) && /panic: test timed out after/.test(run.outcome.stdout + run.outcome.stderr));
  if (timedOut) {
    return { verdict: 'time-limit', score: 0, tests, message: `The tests did not finish within ${task.limits.timeSeconds} s.`, limitKilled: 'wall', ...reports };
  }

  const allPassed = passedCount === tests.length;
  const cleanExit = runs.every((run) => run.outcome.exitCode === 0 && run.records.some((r) => r.done && r.code === 0));
  const raceFailed = task.checks.race && races.length > 0;
  const verdict: Verdict = allPassed && cleanExit && !raceFailed ? 'passed' : 'failed';
  const share = tests.length === 0 ? 0 : passedCount / tests.length;
  const score = verdict === 'passed' ? 1 : task.scoring === 'all' ? 0 : share;

  const notes: string[] = [`${passedCount}/${tests.length} ${kind} tests passed.`];
  if (raceFailed) notes.push(`Data race detected${where(reports.raceReport)}.`);
  if (leaks.length > 0) notes.push(`Goroutine leak${where(reports.leakReport)}.`);
  if (killed === 'processes') notes.push('The process limit was reached.');
  if (allPassed && !cleanExit) notes.push('The test binary did not exit cleanly after the tests.');
  if (!allPassed) {
    const failed = tests.filter((test) => !test.passed).map((test) => test.name);
    notes.push(`Failed: ${failed.slice(0, 10).join(', ')}${failed.length > 10 ? ', ...' : ''}.`);
  }
  return { verdict, score, tests, message: notes.join(' '), ...(killed === 'processes' ? { limitKilled: killed } : {}), ...reports };
}
