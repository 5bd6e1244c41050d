import { relative, sep } from 'node:path';
import type { BankQuestion, VerifyCheck } from '../model';
import { run, type RunResult } from '../go/exec';
import { goEnv, type GoToolchain } from '../go/toolchain';
import { LEAK_HARNESS_IMPORTS } from './leak-harness';
import { buildEnv } from './program';

// Generous: on a loaded 2-core machine a cold client-go alone has taken over 20 minutes.
const PREPARE_TIMEOUT_MS = 60 * 60_000;

const RACE_RUNTIME = ['runtime/race', 'runtime/cgo'];

/** Which of the bank's program packages are built plainly and which with -race. */
export interface SharedBuildPlan {
  plain: string[];
  race: string[];
}

export interface SharedBuildStep {
  /** `go list ...`, `go build` or `go build -race`. */
  step: string;
  packages: number;
  durationMs: number;
  /** The go command failed; the questions' own builds will say why, so this is only a note. */
  failed?: string;
}

/**
 * The program packages (as `./topic/id[/fixed]`) the checks of `questions` build, split by how.
 * A check with its own build settings (GOEXPERIMENT, GOFLAGS...) compiles its dependencies
 * differently, so it is left to its own build.
 */
export function sharedBuildPlan(
  bankDir: string,
  questions: readonly { question: BankQuestion; programDir: string }[],
): SharedBuildPlan {
  const plain = new Set<string>();
  const race = new Set<string>();
  const packageArg = (programDir: string, file: string): string => {
    const dir = relative(bankDir, `${programDir}${sep}${file}`).split(sep).slice(0, -1).join('/');
    return `./${dir}`;
  };
  for (const { question, programDir } of questions) {
    for (const check of question.verify) {
      if (buildEnv(check.env) !== undefined) continue;
      if (check.kind === 'race') {
        race.add(packageArg(programDir, check.file));
        if (check.fixed) race.add(packageArg(programDir, 'fixed/main.go'));
      } else if (usesCompiledDependencies(check)) {
        plain.add(packageArg(programDir, check.file));
      }
    }
  }
  return { plain: [...plain].sort(), race: [...race].sort() };
}

// Every kind but race compiles the program's imports without instrumentation (escape's -gcflags
// apply to the named package only; vet reads the compiled imports' export data).
const usesCompiledDependencies = (check: VerifyCheck): boolean => check.kind !== 'race';

/**
 * Compiles, once and before any question runs, every package the bank's programs import, plainly
 * and with -race, into the build cache. Without it, a cold cache makes every Kubernetes and
 * OpenTelemetry program compile client-go or the SDK itself, two processes at a time compiling
 * the same packages. One `go build` of the whole import set compiles each package once, using
 * every core through the go command's own parallelism. Returns what each step took.
 */
export async function buildSharedDependencies(go: GoToolchain, bankDir: string, plan: SharedBuildPlan): Promise<SharedBuildStep[]> {
  const steps: SharedBuildStep[] = [];
  const goCommand = (args: string[]): ReturnType<typeof run> =>
    run(go.go, args, { cwd: bankDir, env: goEnv(), timeoutMs: PREPARE_TIMEOUT_MS });

  // -e: a program that does not compile (compile-error questions) still lists its imports.
  const listImports = async (step: string, packages: readonly string[]): Promise<string[]> => {
    if (packages.length === 0) return [];
    const started = Date.now();
    const listed = await goCommand(['list', '-e', '-f', '{{join .Imports " "}}', ...packages]);
    const found = new Set(listed.stdout.split(/\s+/).filter((path) => path !== '' && path !== 'C'));
    steps.push({
      step,
      packages: packages.length,
      durationMs: Date.now() - started,
      ...(listed.exitCode !== 0 && found.size === 0 ? { failed: failure(listed) } : {}),
    });
    return [...found];
  };
  const plainImports = [...new Set([...(await listImports('go list (plain programs)', plan.plain)), ...(plan.plain.length > 0 ? LEAK_HARNESS_IMPORTS : [])])].sort();
  // A -race binary also links the race runtime, which the go command adds to every -race main package.
  const raceImports = [...new Set([...(await listImports('go list (race programs)', plan.race)), ...(plan.race.length > 0 ? RACE_RUNTIME : [])])].sort();
  for (const [step, flags, packages] of [
    ['go build', [], plainImports],
    ['go build -race', ['-race'], raceImports],
  ] as const) {
    if (packages.length === 0) continue;
    const started = Date.now();
    // Several packages at once: compiled into the cache, nothing written to the bank folder.
    const result = await goCommand(['build', ...flags, ...packages]);
    steps.push({
      step,
      packages: packages.length,
      durationMs: Date.now() - started,
      ...(result.exitCode !== 0 ? { failed: failure(result) } : {}),
    });
  }
  return steps;
}

const firstLine = (text: string): string => text.trim().split('\n')[0] ?? '';

function failure(result: RunResult): string {
  if (result.timedOut) return `timed out after ${PREPARE_TIMEOUT_MS / 60_000} min`;
  if (result.spawnError) return result.spawnError;
  return firstLine(result.stderr || result.stdout) || `exit code ${String(result.exitCode)}`;
}
