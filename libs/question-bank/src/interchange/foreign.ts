/**
 * The neutral shape both foreign formats (GIFT, Moodle XML) are read into and written from. It
 * follows Moodle's question model, so the format code only deals with syntax and the mapping to
 * and from goprep's model exists once (to-bank.ts, from-bank.ts).
 */
export type TextFormat = 'moodle' | 'html' | 'markdown' | 'plain';

export interface WeightedAnswer {
  text: string;
  /** Moodle grade in percent, -100..100. */
  fraction: number;
  feedback?: string;
}

/** A numeric answer: a value with a tolerance, a closed range (GIFT `min..max`), or any number (Moodle's `*`). */
export type NumericMatch = { match: 'value'; value: number; tolerance: number } | { match: 'range'; min: number; max: number } | { match: 'any' };

export type NumericAnswer = NumericMatch & {
  /** Moodle grade in percent, 0..100 for numeric answers. */
  fraction: number;
  feedback?: string;
};

export type ForeignBody =
  | { kind: 'multichoice'; single: boolean; answers: WeightedAnswer[] }
  /** Feedback is per picked value: `feedbackTrue` is shown to whoever answers "true". */
  | { kind: 'truefalse'; answer: boolean; feedbackTrue?: string; feedbackFalse?: string }
  | { kind: 'shortanswer'; caseSensitive: boolean; answers: WeightedAnswer[] }
  | { kind: 'numerical'; answers: NumericAnswer[]; unit?: string }
  | { kind: 'essay'; graderInfo?: string }
  /** A pair with an empty `question` is a distractor: a right-hand answer that matches nothing. */
  | { kind: 'matching'; pairs: { question: string; answer: string }[] }
  /**
   * The ordering plugin's question (Moodle XML only; GIFT has no syntax for it): the items in the
   * correct order. `gradingType` is Moodle's setting as read (goprep always grades by the longest
   * ordered subset).
   */
  | { kind: 'ordering'; items: string[]; gradingType?: string }
  /** A Moodle type goprep has no counterpart for (description, cloze, ...): kept to be reported. */
  | { kind: 'unsupported'; moodleType: string };

export interface ForeignQuestion {
  name?: string;
  /** Category path segments, outermost first, without Moodle's `$course$` / `top` prefixes. */
  category: string[];
  text: string;
  format: TextFormat;
  generalFeedback?: string;
  idNumber?: string;
  tags: string[];
  /** Free-text notes written as comments (GIFT) or XML comments; never read back. */
  notes: string[];
  /** 1-based line where the question starts in the source text. */
  line: number;
  body: ForeignBody;
  /**
   * What the source said that goprep has no place for (Moodle XML penalty, hints, combined
   * feedback, ...): reported as adaptations on import, never written back.
   */
  dropped?: string[];
}
