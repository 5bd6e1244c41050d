/**
 * The bank's data model: what the parser produces, what the linter, verifier, exporters and the
 * API's loader consume. Field names follow docs/question-format.md (camelCase here).
 */

// The vocabulary lives in the domain library (shared with the web app); re-exported here.
export { CORE_TOPICS, QUESTION_TYPES, TOPIC_IDS } from '@goprep/domain';
export type { QuestionType, TopicId } from '@goprep/domain';
import type { QuestionType, TopicId } from '@goprep/domain';

export interface ChoiceOption {
  id: string;
  text: string;
  correct: boolean;
  feedback?: string;
  /** Matching only: a left-hand item or a right-hand choice. */
  side?: 'left' | 'right';
}

import type { AnswerKey } from '@goprep/domain';

export type { AnswerKey };

export type VerifyCheck =
  | ({ kind: 'output'; exitCode: number; runs: number; gomaxprocs?: number[]; stdoutAny?: string[] } & CheckCommon)
  | ({ kind: 'output-matches'; stdoutRegex?: string[]; stderrRegex?: string[]; exitCode: number; runs: number } & CheckCommon)
  | ({ kind: 'race'; lines?: number[]; fixed: boolean; runs?: number; gomaxprocs?: number[] } & CheckCommon)
  | ({ kind: 'deadlock'; lines?: number[]; runs?: number; gomaxprocs?: number[] } & CheckCommon)
  | ({ kind: 'leak'; lines: number[]; settleMs: number } & CheckCommon)
  | ({ kind: 'compile-error'; message: string; lines?: number[] } & CheckCommon)
  | ({ kind: 'vet'; analyzer: string; lines?: number[] } & CheckCommon)
  | ({ kind: 'escape'; lines: number[]; exact: boolean; notLines?: number[] } & CheckCommon);

export interface CheckCommon {
  env?: Record<string, string>;
  timeoutSeconds: number;
  /** Relative to the question's program folder; default `main.go`. */
  file: string;
}

export type StarterFails = 'race' | 'leak' | 'wrong-result' | 'allocs' | 'vet' | 'timeout';

/**
 * A code task's files and rules (type code-task). Starter files and visible tests are delivered
 * to learners; the solution and hidden tests are review data, never sent before the policy allows.
 */
export interface CodeTask {
  package: string;
  files: string[];
  imports: string[];
  checks: { race: boolean; leak: boolean; vet: boolean };
  limits: { timeSeconds: number; memoryMb: number };
  scoring: 'partial' | 'all';
  starterFails: StarterFails;
  /** file name -> source, for each name of `files`. */
  starter: Record<string, string>;
  solution: Record<string, string>;
  /** tests/visible_test.go */
  visibleTests: Record<string, string>;
  /** tests/hidden*_test.go */
  hiddenTests: Record<string, string>;
}

export interface BankQuestion {
  id: string;
  title: string;
  topic: TopicId;
  subtopic: string;
  type: QuestionType;
  difficulty: 1 | 2 | 3 | 4 | 5;
  tags: string[];
  goVersion: string;
  expectedSeconds: number;
  references: string[];
  /** Markdown prompt (delivery). */
  prompt: string;
  /** Markdown explanation (review only). */
  explanation: string;
  /** Options without `correct`/`feedback` are what delivery shows; the full objects are review data. */
  options?: ChoiceOption[];
  /** Shown after a numeric input. */
  unit?: string;
  /** The Go program (`main.go`) for code questions. */
  code?: string;
  /** Code tasks only. */
  task?: CodeTask;
  key: AnswerKey;
  /** Suggested follow-up questions for an interviewer (room panel only, never delivered to a learner). */
  followUps?: string[];
  verify: VerifyCheck[];
  draft: boolean;
  /** sha256 over the normalised question (front matter + body + code); a new value = a new version. */
  contentHash: string;
  /** Repository-relative path of the Markdown file, for messages. */
  sourcePath: string;
}

export interface TopicInfo {
  id: TopicId;
  title: string;
  core: boolean;
  description: string;
}

export interface BankProblem {
  file: string;
  line?: number;
  message: string;
}

export interface LoadedBank {
  topics: TopicInfo[];
  questions: BankQuestion[];
  problems: BankProblem[];
}
