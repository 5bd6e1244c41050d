import { QUESTION_TYPES } from '../catalog';

/** The answer key, by type. Never sent to a client before the review policy allows. */
export type AnswerKey =
  | { type: 'single'; correct: string }
  | { type: 'multi'; correct: string[] }
  | { type: 'true-false'; answer: boolean }
  | { type: 'short'; accepted: string[]; caseSensitive: boolean; pattern?: string }
  | { type: 'numeric'; answer: number; tolerance: number }
  | { type: 'code-output'; outputs: string[] }
  | { type: 'code-lines'; lines: number[] }
  | { type: 'essay'; rubric: string[] }
  | { type: 'flashcard'; answer: string }
  /** A code task is judged by running its hidden tests (libs/judge); the key only says how to score. */
  | { type: 'code-task'; scoring: 'partial' | 'all' };

/** The question types that have a key; the same list as the bank's QUESTION_TYPES. */
export type GradableType = AnswerKey['type'];

export const GRADABLE_TYPES: readonly GradableType[] = QUESTION_TYPES;
