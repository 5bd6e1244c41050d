/**
 * The judge's public shapes (see /work docs: docs/judge-threat-model.md and the code-task format in
 * docs/question-format.md). Consumers (runner app, API, bank CLI) use only what index.ts exports.
 */

export type Verdict =
  | 'passed'
  | 'failed'
  | 'compile-error'
  | 'rejected'
  | 'time-limit'
  | 'memory-limit'
  | 'output-limit'
  | 'internal-error';

export const VERDICTS: readonly Verdict[] = [
  'passed',
  'failed',
  'compile-error',
  'rejected',
  'time-limit',
  'memory-limit',
  'output-limit',
  'internal-error',
];

export type LimitKind = 'cpu' | 'wall' | 'memory' | 'output' | 'processes' | 'files';

export interface TestResult {
  name: string;
  passed: boolean;
  /** That test's log (capped). Display only: it comes from the program's output, which the submission controls. */
  output?: string;
}

export interface JudgeResult {
  verdict: Verdict;
  /** 0..1 */
  score: number;
  tests: TestResult[];
  message: string;
  raceReport?: string;
  leakReport?: string;
  compileOutput?: string;
  durationMs: number;
  limitKilled?: LimitKind;
  /** A playground program's own output (playground runs of code-output / code-lines programs only). */
  program?: ProgramOutput;
}

export interface ProgramOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export type Scoring = 'partial' | 'all';

/** What the judge needs of a task (built from a BankQuestion of type code-task). */
export interface TaskSpec {
  id: string;
  package: string;
  files: string[];
  imports: string[];
  checks: { race: boolean; leak: boolean; vet: boolean };
  limits: { timeSeconds: number; memoryMb: number };
  scoring: Scoring;
  /** file name -> source */
  visibleTests: Record<string, string>;
  hiddenTests: Record<string, string>;
}

export type JudgeMode = 'visible' | 'hidden';

export interface ProgramResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  verdict: Verdict;
  durationMs: number;
}

/** Resource limits of one sandboxed command. */
export interface RunLimits {
  wallSeconds: number;
  /** RLIMIT_CPU per process. */
  cpuSeconds: number;
  memoryMb: number;
  /** Tasks (threads count) in the job's pids cgroup. */
  processes: number;
  openFiles: number;
  /** RLIMIT_FSIZE: the largest file a process may write. */
  fileSizeMb: number;
  /** stdout + stderr beyond this kills the command. */
  outputBytes: number;
}

export interface RunSpec {
  /** argv inside the sandbox. */
  argv: string[];
  /** Host directory mounted at /work. */
  workDir: string;
  /** Whether /work is writable (compile steps) or read-only (running submitted code). */
  writableWork: boolean;
  /** Working directory inside the sandbox (default /work). */
  cwd?: string;
  env: Record<string, string>;
  limits: RunLimits;
  /** Collect what the command writes to fd 3 (the judge harness's private result channel). */
  resultChannel?: boolean;
}

export interface RunOutcome {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** What was written to fd 3 (empty unless resultChannel). */
  results: string;
  durationMs: number;
  limitKilled?: LimitKind;
}

/** A prepared per-job directory on the host, removed by dispose(). */
export interface WorkDir {
  /** Host path, mounted at /work. */
  path: string;
  dispose(): Promise<void>;
}

export interface Sandbox {
  readonly dataDir: string;
  /** 'v1' or 'v2': which cgroup hierarchy holds the limits. */
  readonly cgroupVersion: 'v1' | 'v2';
  /** A fresh work dir owned by the sandbox uid, with a private copy of the warm build cache at /work/.cache. */
  newWorkDir(): Promise<WorkDir>;
  /** Runs one command in the sandbox; never throws for what the command does, only for sandbox failures. */
  run(spec: RunSpec): Promise<RunOutcome>;
  /** Path of the Go helper (static checks, harness generation), built at open. Runs outside the sandbox on trusted and untrusted source alike (it only parses). */
  readonly toolPath: string;
  /** Replaces the build-cache template with the cache of a work dir (warmCache). */
  adoptCache(workDir: WorkDir): Promise<void>;
  close(): Promise<void>;
}

export interface OpenSandboxOptions {
  /** Where the judge keeps its module cache, build-cache template, helper binary and job dirs. */
  dataDir: string;
}

export class SandboxUnavailable extends Error {
  override readonly name = 'SandboxUnavailable';
}
