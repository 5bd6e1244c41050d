import { realpathSync } from 'node:fs';
import type { VerifyCheck } from '../model';
import type { RunResult } from '../go/exec';
import {
  escapeLines,
  innermostLine,
  isBlockedState,
  mainGoPositions,
  parseGoroutineDump,
  parseVetJson,
  RACE_WARNING,
  raceAccessLines,
} from './go-output';
import { DUMP_MARKER, HARNESS_FILE } from './leak-harness';
import { mapPool } from './pool';
import type { QuestionProgram } from './program';

export interface Verdict {
  passed: boolean;
  reason: string;
}

const DEADLOCK = 'fatal error: all goroutines are asleep - deadlock!';

const pass = (reason: string): Verdict => ({ passed: true, reason });
const fail = (reason: string): Verdict => ({ passed: false, reason });

const list = (lines: Iterable<number>): string => `[${[...lines].sort((a, b) => a - b).join(', ')}]`;
const quote = (text: string): string => JSON.stringify(text);

/** The last lines of a stream, enough to see a panic or a compiler message in a failure reason. */
export function tail(text: string, lines = 12): string {
  const kept = text.trimEnd().split('\n');
  const shown = kept.slice(-lines).join('\n');
  return kept.length > lines ? `...\n${shown}` : shown;
}

/**
 * Matches a path the toolchain printed against a file we know. The go command reports the
 * directory it ran in after resolving symlinks (/tmp -> /private/tmp on macOS), so compare both.
 */
export function sameFile(target: string): (path: string) => boolean {
  let real = target;
  try {
    real = realpathSync(target);
  } catch {
    // A file that is gone can only match by its given name.
  }
  return (path) => path === target || path === real;
}

function runProblem(result: RunResult, timeoutSeconds: number): string | undefined {
  if (result.spawnError) return `could not start the program: ${result.spawnError}`;
  if (result.timedOut) return `timed out after ${timeoutSeconds} s`;
  return undefined;
}

function buildFailure(output: string): Verdict {
  return fail(`go build failed:\n${tail(output)}`);
}

/** Runs one check of a question against the real toolchain. */
export async function runCheck(program: QuestionProgram, check: VerifyCheck): Promise<Verdict> {
  switch (check.kind) {
    case 'output':
      return outputCheck(program, check);
    case 'output-matches':
      return outputMatchesCheck(program, check);
    case 'race':
      return raceCheck(program, check);
    case 'deadlock':
      return deadlockCheck(program, check);
    case 'leak':
      return leakCheck(program, check);
    case 'compile-error':
      return compileErrorCheck(program, check);
    case 'vet':
      return vetCheck(program, check);
    case 'escape':
      return escapeCheck(program, check);
  }
}

/** GOMAXPROCS per run: the check's list, or 1 and 4 alternating for multi-run checks. */
export function gomaxprocsPlan(runs: number, gomaxprocs: readonly number[] | undefined): (number | undefined)[] {
  const values = gomaxprocs ?? (runs > 1 ? [1, 4] : []);
  return Array.from({ length: runs }, (_, index) => (values.length > 0 ? values[index % values.length] : undefined));
}

function runEnv(base: Record<string, string> | undefined, gomaxprocs: number | undefined): Record<string, string> {
  return { ...(base ?? {}), ...(gomaxprocs !== undefined ? { GOMAXPROCS: String(gomaxprocs) } : {}) };
}

async function outputCheck(program: QuestionProgram, check: Extract<VerifyCheck, { kind: 'output' }>): Promise<Verdict> {
  const key = program.question.key;
  const allowed = key.type === 'code-output' ? key.outputs : (check.stdoutAny ?? []);
  if (allowed.length === 0) return fail('no expected output: code-output `outputs` or the check\'s `stdout_any` is empty');
  const build = await program.build(check.file, { ...(check.env ? { env: check.env } : {}) });
  if (!build.ok) return buildFailure(build.output);
  const plan = gomaxprocsPlan(check.runs, check.gomaxprocs);
  const seen = new Set<string>();
  for (const [index, gomaxprocs] of plan.entries()) {
    const where = `run ${index + 1}/${plan.length}${gomaxprocs !== undefined ? ` (GOMAXPROCS=${gomaxprocs})` : ''}`;
    const result = await program.runBinary(build.binary, runEnv(check.env, gomaxprocs), check.timeoutSeconds);
    const problem = runProblem(result, check.timeoutSeconds);
    if (problem) return fail(`${where}: ${problem}`);
    if (result.exitCode !== check.exitCode) {
      return fail(`${where}: exit code ${String(result.exitCode)}, expected ${check.exitCode}\nstderr:\n${tail(result.stderr)}`);
    }
    if (!allowed.includes(result.stdout)) {
      const expected = allowed.length === 1 ? quote(allowed[0] ?? '') : `one of ${allowed.map(quote).join(', ')}`;
      return fail(`${where}: stdout ${quote(result.stdout)}, expected ${expected}`);
    }
    seen.add(result.stdout);
  }
  const note = allowed.length > 1 ? ` (${seen.size} of ${allowed.length} allowed outputs seen)` : '';
  return pass(`${plan.length} run(s) printed an expected output${note}`);
}

async function outputMatchesCheck(
  program: QuestionProgram,
  check: Extract<VerifyCheck, { kind: 'output-matches' }>,
): Promise<Verdict> {
  const build = await program.build(check.file, { ...(check.env ? { env: check.env } : {}) });
  if (!build.ok) return buildFailure(build.output);
  // Multiline, so `^gc \d+` matches any gctrace line rather than only the first line of the stream.
  const patterns = [
    ...(check.stdoutRegex ?? []).map((source) => ({ stream: 'stdout' as const, source, regex: new RegExp(source, 'm') })),
    ...(check.stderrRegex ?? []).map((source) => ({ stream: 'stderr' as const, source, regex: new RegExp(source, 'm') })),
  ];
  for (let index = 0; index < check.runs; index += 1) {
    const where = `run ${index + 1}/${check.runs}`;
    const result = await program.runBinary(build.binary, check.env, check.timeoutSeconds);
    const problem = runProblem(result, check.timeoutSeconds);
    if (problem) return fail(`${where}: ${problem}`);
    if (result.exitCode !== check.exitCode) {
      return fail(`${where}: exit code ${String(result.exitCode)}, expected ${check.exitCode}\nstderr:\n${tail(result.stderr)}`);
    }
    for (const pattern of patterns) {
      const text = pattern.stream === 'stdout' ? result.stdout : result.stderr;
      if (!pattern.regex.test(text)) {
        return fail(`${where}: ${pattern.stream} does not match /${pattern.source}/\n${pattern.stream}:\n${tail(text)}`);
      }
    }
  }
  return pass(`${check.runs} run(s) matched ${patterns.length} pattern(s)`);
}

/** Runs of a race check without `runs`: enough for the interleavings a small program allows. */
export const RACE_DEFAULT_RUNS = 30;
/** Runs of a deadlock check without `runs`. */
export const DEADLOCK_DEFAULT_RUNS = 6;

/**
 * Compares a key with the lines the toolchain named. Returns undefined when they are the same set,
 * else what differs: lines the key leaves out, and key lines nothing was seen on.
 */
export function keyMismatch(key: readonly number[], seen: ReadonlySet<number>, absent: string): string | undefined {
  const missing = [...seen].filter((line) => !key.includes(line));
  const extra = [...new Set(key)].filter((line) => !seen.has(line));
  if (missing.length === 0 && extra.length === 0) return undefined;
  return [
    missing.length > 0 ? `missing from the key ${list(missing)}` : '',
    extra.length > 0 ? `in the key but ${absent} ${list(extra)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

interface RaceObservation {
  /** A run that could not be watched (timeout, spawn failure); the check fails with it. */
  problem?: string;
  runs: number;
  /** Runs whose stderr had at least one race report. */
  racingRuns: number;
  reports: number;
  /** Union over the runs of the innermost program line of every reported access. */
  lines: Set<number>;
  /** Distinct per-run line sets: how many different interleavings the reports showed. */
  variants: Set<string>;
  /** Accesses with no frame in the program file at all (distinct descriptions). */
  outside: string[];
  lastStderr: string;
  lastExitCode: number | null;
}

async function observeRaces(
  program: QuestionProgram,
  binary: string,
  check: Extract<VerifyCheck, { kind: 'race' }>,
  file: string,
  plan: readonly (number | undefined)[],
): Promise<RaceObservation> {
  const isTarget = sameFile(program.filePath(file));
  const seen: RaceObservation = {
    runs: plan.length,
    racingRuns: 0,
    reports: 0,
    lines: new Set(),
    variants: new Set(),
    outside: [],
    lastStderr: '',
    lastExitCode: null,
  };
  const results = await runMany(program, binary, check.env, check.timeoutSeconds, plan);
  for (const [index, gomaxprocs] of plan.entries()) {
    const result = results[index] as RunResult;
    const problem = runProblem(result, check.timeoutSeconds);
    if (problem) return { ...seen, problem: `${file} ${runLabel(index, plan.length, gomaxprocs)}: ${problem}` };
    seen.lastStderr = result.stderr;
    seen.lastExitCode = result.exitCode;
    if (!result.stderr.includes(RACE_WARNING)) continue;
    const report = raceAccessLines(result.stderr, isTarget);
    seen.racingRuns += 1;
    seen.reports += report.reports;
    report.lines.forEach((line) => seen.lines.add(line));
    seen.variants.add(list(report.lines));
    for (const access of report.outside) if (!seen.outside.includes(access)) seen.outside.push(access);
  }
  return seen;
}

/*
 * A -race binary sleeps a second before it exits while other goroutines exist (the race runtime's
 * atexit_sleep_ms, left at its default so the verifier sees what `go run -race` shows a learner),
 * so the runs of a check are started a few at a time: they wait, they do not compute.
 */
const PARALLEL_RUNS = 15;

function runMany(
  program: QuestionProgram,
  binary: string,
  env: Record<string, string> | undefined,
  timeoutSeconds: number,
  plan: readonly (number | undefined)[],
): Promise<RunResult[]> {
  return mapPool(plan, PARALLEL_RUNS, (gomaxprocs) => program.runBinary(binary, runEnv(env, gomaxprocs), timeoutSeconds));
}

const runLabel = (index: number, runs: number, gomaxprocs: number | undefined): string =>
  `run ${index + 1}/${runs}${gomaxprocs !== undefined ? ` (GOMAXPROCS=${gomaxprocs})` : ''}`;

/**
 * A race check runs the program `runs` times under -race (GOMAXPROCS alternating) and collects,
 * over all runs, the line of every reported access: the innermost frame in the program file of
 * each `Read at` / `Write at` / `Previous ... at` stack. One racing run proves a race exists; the
 * key's `lines` must equal the whole set, so a key that leaves out a racing access, or names the
 * call sites (or where a goroutine was started) instead of the accesses, fails.
 */
async function raceCheck(program: QuestionProgram, check: Extract<VerifyCheck, { kind: 'race' }>): Promise<Verdict> {
  const build = await program.build(check.file, { race: true, ...(check.env ? { env: check.env } : {}) });
  if (!build.ok) return buildFailure(build.output);
  const plan = gomaxprocsPlan(check.runs ?? RACE_DEFAULT_RUNS, check.gomaxprocs);
  const seen = await program.observe(['race', check.file, check.env ?? {}, check.timeoutSeconds, plan], () =>
    observeRaces(program, build.binary, check, check.file, plan),
  );
  if (seen.problem) return fail(seen.problem);
  if (seen.racingRuns === 0) {
    return fail(`-race reported no data race in ${seen.runs} run(s) (last exit code ${String(seen.lastExitCode)})\nstderr:\n${tail(seen.lastStderr)}`);
  }
  const name = check.file;
  if (check.lines) {
    const mismatch = keyMismatch(check.lines, seen.lines, 'no reported access there');
    if (mismatch) {
      return fail(
        `the key ${list(check.lines)} is not the set of racing accesses: over ${seen.runs} run(s) the race reports name ${name} lines ${list(seen.lines)} (innermost ${name} frame of each access); ${mismatch}`,
      );
    }
  }
  let fixedNote = '';
  if (check.fixed) {
    const fixed = await program.build('fixed/main.go', { race: true, ...(check.env ? { env: check.env } : {}) });
    if (!fixed.ok) return fail(`fixed/main.go: ${buildFailure(fixed.output).reason}`);
    const fixedRuns = await runMany(program, fixed.binary, check.env, check.timeoutSeconds, plan);
    for (const [index, gomaxprocs] of plan.entries()) {
      const fixedRun = fixedRuns[index] as RunResult;
      const where = `fixed/main.go ${runLabel(index, plan.length, gomaxprocs)}`;
      const fixedProblem = runProblem(fixedRun, check.timeoutSeconds);
      if (fixedProblem) return fail(`${where}: ${fixedProblem}`);
      if (fixedRun.stderr.includes(RACE_WARNING)) return fail(`${where} still races:\n${tail(fixedRun.stderr, 20)}`);
    }
    fixedNote = `; fixed/main.go is race-free in ${plan.length} run(s)`;
  }
  // An access made entirely outside the program (sync/atomic's assembly reports no caller) names
  // no line of it; the key is judged on the lines the reports do name.
  const outside = seen.outside.length > 0 ? `; ${seen.outside.length} access(es) without a ${name} frame (${seen.outside[0] ?? ''})` : '';
  const variants = seen.variants.size > 1 ? ` (${seen.variants.size} different line sets: ${[...seen.variants].join(' ')})` : '';
  return pass(
    `${seen.racingRuns} of ${seen.runs} run(s) reported races (${seen.reports} report(s)); accesses on ${name} lines ${list(seen.lines)}${variants}${outside}${fixedNote}`,
  );
}

/**
 * A deadlock check runs the program `runs` times (GOMAXPROCS alternating); every run must die with
 * the runtime's deadlock error, and the key's `lines` must equal the union of where the
 * goroutines are blocked (each goroutine's innermost frame in the program file).
 */
async function deadlockCheck(program: QuestionProgram, check: Extract<VerifyCheck, { kind: 'deadlock' }>): Promise<Verdict> {
  const build = await program.build(check.file, { ...(check.env ? { env: check.env } : {}) });
  if (!build.ok) return buildFailure(build.output);
  const plan = gomaxprocsPlan(check.runs ?? DEADLOCK_DEFAULT_RUNS, check.gomaxprocs);
  const isTarget = sameFile(program.filePath(check.file));
  const blocked = new Set<number>();
  for (const [index, gomaxprocs] of plan.entries()) {
    const where = runLabel(index, plan.length, gomaxprocs);
    // The dump must list every goroutine for blocked lines to be found, whatever the caller's setting.
    const env = { GOTRACEBACK: 'all', ...runEnv(check.env, gomaxprocs) };
    const result = await program.runBinary(build.binary, env, check.timeoutSeconds);
    const problem = runProblem(result, check.timeoutSeconds);
    if (problem) return fail(`${where}: ${problem}`);
    if (!result.stderr.includes(DEADLOCK)) {
      return fail(`${where}: expected "${DEADLOCK}", got exit code ${String(result.exitCode)}\nstderr:\n${tail(result.stderr)}`);
    }
    for (const goroutine of parseGoroutineDump(result.stderr.slice(result.stderr.indexOf(DEADLOCK)))) {
      const line = innermostLine(goroutine, isTarget);
      if (line !== undefined) blocked.add(line);
    }
  }
  if (check.lines) {
    const mismatch = keyMismatch(check.lines, blocked, 'no goroutine blocked there');
    if (mismatch) {
      return fail(
        `the key ${list(check.lines)} is not where the goroutines are blocked: over ${plan.length} run(s) they are blocked at ${check.file} lines ${list(blocked)}; ${mismatch}`,
      );
    }
  }
  return pass(`${plan.length} run(s) deadlocked with goroutines blocked at ${check.file} lines ${list(blocked)}`);
}

async function leakCheck(program: QuestionProgram, check: Extract<VerifyCheck, { kind: 'leak' }>): Promise<Verdict> {
  const harness = await program.prepareLeakHarness(check.file, check.settleMs);
  if ('error' in harness) return fail(harness.error);
  const packageArg = `./${harness.dir.slice(program.bankDir.length + 1).split('\\').join('/')}`;
  const build = await program.goBuild(packageArg, [], check.env);
  if (!build.ok) return buildFailure(build.output);
  const result = await program.runBinary(build.binary, check.env, check.timeoutSeconds);
  const problem = runProblem(result, check.timeoutSeconds);
  if (problem) return fail(problem);
  const markerAt = result.stderr.lastIndexOf(DUMP_MARKER);
  if (markerAt < 0) {
    return fail(`the program ended before the harness could dump its goroutines (exit code ${String(result.exitCode)}); main must return normally\nstderr:\n${tail(result.stderr)}`);
  }
  const isMainGo = sameFile(harness.mainGo);
  const blocked = new Set<number>();
  for (const goroutine of parseGoroutineDump(result.stderr.slice(markerAt))) {
    if (goroutine.frames.some((frame) => frame.file.endsWith(`/${HARNESS_FILE}`))) continue;
    if (!isBlockedState(goroutine.state)) continue;
    const line = innermostLine(goroutine, isMainGo);
    if (line !== undefined) blocked.add(line);
  }
  const expected = new Set(check.lines);
  const same = expected.size === blocked.size && [...expected].every((line) => blocked.has(line));
  if (!same) return fail(`blocked goroutines after main returned are at main.go lines ${list(blocked)}, expected ${list(expected)}`);
  return pass(`goroutines still blocked at main.go lines ${list(blocked)}`);
}

async function compileErrorCheck(
  program: QuestionProgram,
  check: Extract<VerifyCheck, { kind: 'compile-error' }>,
): Promise<Verdict> {
  const build = await program.build(check.file, { ...(check.env ? { env: check.env } : {}) });
  if (build.ok) return fail(`go build succeeded; expected a compile error containing ${quote(check.message)}`);
  if (!build.output.includes(check.message)) {
    return fail(`compile error does not contain ${quote(check.message)}:\n${tail(build.output)}`);
  }
  const positions = mainGoPositions(build.output);
  const missing = (check.lines ?? []).filter((line) => !positions.has(line));
  if (missing.length > 0) {
    return fail(`compile error not reported on line(s) ${list(missing)}: expected ${list(check.lines ?? [])}, reported at ${list(positions)}\n${tail(build.output)}`);
  }
  return pass(`compile error ${quote(check.message)} at main.go lines ${list(positions)}`);
}

async function vetCheck(program: QuestionProgram, check: Extract<VerifyCheck, { kind: 'vet' }>): Promise<Verdict> {
  const result = await program.runGo(['vet', '-json', program.packageArg(check.file)], check.env);
  if (result.timedOut) return fail('go vet timed out');
  const output = result.stdout + result.stderr;
  const diagnostics = parseVetJson(output);
  const found = diagnostics.filter((diagnostic) => diagnostic.analyzer === check.analyzer);
  if (found.length === 0) {
    const others = [...new Set(diagnostics.map((diagnostic) => diagnostic.analyzer))];
    return fail(`go vet did not report ${check.analyzer}; it reported ${others.length > 0 ? others.join(', ') : 'nothing'}\n${tail(output)}`);
  }
  const isTarget = sameFile(program.filePath(check.file));
  const lines = new Set(found.filter((diagnostic) => isTarget(diagnostic.file)).map((diagnostic) => diagnostic.line));
  const missing = (check.lines ?? []).filter((line) => !lines.has(line));
  if (missing.length > 0) {
    return fail(`go vet reported ${check.analyzer} at main.go lines ${list(lines)}, expected ${list(check.lines ?? [])}`);
  }
  return pass(`go vet ${check.analyzer} at main.go lines ${list(lines)}`);
}

async function escapeCheck(program: QuestionProgram, check: Extract<VerifyCheck, { kind: 'escape' }>): Promise<Verdict> {
  const build = await program.goBuild(program.packageArg(check.file), ['-gcflags=-m'], check.env);
  if (!build.ok) return buildFailure(build.output);
  const reported = escapeLines(build.output);
  const escaping = new Set(reported.keys());
  const missing = check.lines.filter((line) => !escaping.has(line));
  const extra = check.exact ? [...escaping].filter((line) => !check.lines.includes(line)) : [];
  const forbidden = (check.notLines ?? []).filter((line) => escaping.has(line));
  if (missing.length > 0 || extra.length > 0 || forbidden.length > 0) {
    const details = [
      missing.length > 0 ? `no escape on ${list(missing)}` : '',
      extra.length > 0 ? `unexpected escape on ${list(extra)}` : '',
      forbidden.length > 0 ? `escape on not_lines ${list(forbidden)}` : '',
    ].filter(Boolean);
    const evidence = [...reported.entries()]
      .sort(([a], [b]) => a - b)
      .map(([line, messages]) => `  main.go:${line}: ${messages.join('; ')}`)
      .join('\n');
    return fail(`escape lines ${list(escaping)}, expected ${list(check.lines)}${check.exact ? ' exactly' : ''} (${details.join(', ')})\n${evidence}`);
  }
  return pass(`escapes at main.go lines ${list(escaping)}`);
}
