import type { BankProblem, VerifyCheck } from '../model';

export interface CheckResult {
  /** A verify check's kind, or a code task's proof: its solution passes, its starter fails. */
  kind: VerifyCheck['kind'] | 'solution' | 'starter';
  /** Position in the question's `verify` list. */
  index: number;
  passed: boolean;
  /** Why it failed (expected vs actual), or a short note of what was proven. */
  reason: string;
  durationMs: number;
}

export interface QuestionVerifyResult {
  id: string;
  topic: string;
  sourcePath: string;
  passed: boolean;
  checks: CheckResult[];
  durationMs: number;
}

/** One step of a verify run and how long it took (wall clock). */
export interface VerifyPhase {
  name: string;
  durationMs: number;
  detail?: string;
}

export interface VerifyReport {
  goVersion: string;
  /** Loading the bank, compiling the shared dependencies, verifying the questions. */
  phases: VerifyPhase[];
  results: QuestionVerifyResult[];
  passed: number;
  failed: number;
  /** Problems of the bank files (such files are not verified; `lint` explains them). */
  problems: BankProblem[];
}
