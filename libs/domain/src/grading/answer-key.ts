import { QUESTION_TYPES } from '../catalog';

/**
 * One graded answer of a numeric question, in Moodle's model: a value with an absolute tolerance,
 * a closed range, or any number at all (Moodle's `*`, the catch-all that carries the feedback for
 * every answer no other entry matches). `credit` is the score it earns, 0..1.
 */
export type NumericAnswerRule =
  | { match: 'value'; value: number; tolerance: number; credit: number; feedback?: string }
  | { match: 'range'; min: number; max: number; credit: number; feedback?: string }
  | { match: 'any'; credit: number; feedback?: string };

/**
 * One graded answer of a short-answer question. `text` follows Moodle's wildcard rule: `*` matches
 * any run of characters (also none), `\*` is a literal star; everything else is compared literally
 * after white space is collapsed. `credit` is the score it earns, 0..1.
 */
export interface ShortAnswerRule {
  text: string;
  credit: number;
  feedback?: string;
}

/** The answer key, by type. Never sent to a client before the review policy allows. */
export type AnswerKey =
  | { type: 'single'; correct: string }
  | { type: 'multi'; correct: string[] }
  | { type: 'true-false'; answer: boolean }
  /**
   * Without `answers`: full credit for an `accepted` answer or a `pattern` match. With `answers`
   * (imported Moodle questions): those alone grade, best credit wins, and `accepted` only lists
   * the full-credit literal answers for display.
   */
  | { type: 'short'; accepted: string[]; caseSensitive: boolean; pattern?: string; answers?: ShortAnswerRule[] }
  /**
   * Without `answers`: full credit within `tolerance` of `answer`. With `answers`: those alone
   * grade, best credit wins, and `answer`/`tolerance` describe the first full-credit one for display.
   */
  | { type: 'numeric'; answer: number; tolerance: number; answers?: NumericAnswerRule[] }
  | { type: 'code-output'; outputs: string[] }
  | { type: 'code-lines'; lines: number[] }
  | { type: 'essay'; rubric: string[] }
  | { type: 'flashcard'; answer: string }
  /** A code task is judged by running its hidden tests (libs/judge); the key only says how to score. */
  | { type: 'code-task'; scoring: 'partial' | 'all' }
  /** Each left item id paired with the id of its right-hand choice; choices no pair names are distractors. */
  | { type: 'matching'; pairs: { left: string; right: string }[] }
  /** Item ids in the correct order (graded by the longest ordered subset, see ordering.ts). */
  | { type: 'ordering'; order: string[] };

/** The question types that have a key; the same list as the bank's QUESTION_TYPES. */
export type GradableType = AnswerKey['type'];

export const GRADABLE_TYPES: readonly GradableType[] = QUESTION_TYPES;
