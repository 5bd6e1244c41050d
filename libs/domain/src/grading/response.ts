/**
 * What a learner submits, by question type. The `type` tag lets the grader check that a response
 * belongs to the key it is graded against (a response saved for an older version of a question
 * must not be graded as if it fitted the new one).
 */
export type SingleResponse = { type: 'single'; choice: string };
export type MultiResponse = { type: 'multi'; choices: string[] };
export type TrueFalseResponse = { type: 'true-false'; value: boolean };
export type ShortResponse = { type: 'short'; text: string };
export type NumericResponse = { type: 'numeric'; value: number };
export type CodeOutputResponse = { type: 'code-output'; text: string };
export type CodeLinesResponse = { type: 'code-lines'; lines: number[] };
export type EssayResponse = { type: 'essay'; text: string };
/** 1 Again, 2 Hard, 3 Good, 4 Easy: the FSRS rating numbers, so drills can pass it on as is. */
export type SelfRating = 1 | 2 | 3 | 4;
export type FlashcardResponse = { type: 'flashcard'; selfRating?: SelfRating };
/** The learner's code: editable file name -> source. */
export type CodeTaskResponse = { type: 'code-task'; files: Record<string, string> };

/** Left item id -> the id of the right-hand choice picked for it (a left item may be left out). */
export type MatchingResponse = { type: 'matching'; pairs: Record<string, string> };
/** Item ids in the order the learner put them, first to last. */
export type OrderingResponse = { type: 'ordering'; order: string[] };

export type Response =
  | SingleResponse
  | MultiResponse
  | TrueFalseResponse
  | ShortResponse
  | NumericResponse
  | CodeOutputResponse
  | CodeLinesResponse
  | EssayResponse
  | FlashcardResponse
  | CodeTaskResponse
  | MatchingResponse
  | OrderingResponse;

/** The same union under a name that does not clash with fetch's or Express's `Response`. */
export type QuestionResponse = Response;

export type ResponseOf<T extends Response['type']> = Extract<Response, { type: T }>;
