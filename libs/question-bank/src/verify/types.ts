import type { BankProblem, VerifyCheck } from '../model';

export interface CheckResult {
  kind: VerifyCheck['kind'];
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
