export { GRADABLE_TYPES, type AnswerKey, type GradableType, type NumericAnswerRule, type ShortAnswerRule } from './answer-key';
export type {
  CodeLinesResponse,
  CodeTaskResponse,
  CodeOutputResponse,
  EssayResponse,
  FlashcardResponse,
  MatchingResponse,
  MultiResponse,
  NumericResponse,
  OrderingResponse,
  QuestionResponse,
  Response,
  ResponseOf,
  SelfRating,
  ShortResponse,
  SingleResponse,
  TrueFalseResponse,
} from './response';
export type { GradeResult, GradeStatus } from './result';
export { grade } from './grade';
export { gradeCodeLines, gradeMulti, gradeSet, gradeSingle } from './choice';
export { gradeTrueFalse } from './true-false';
export { gradeShort, matchesPattern, matchShortRule, withTranslatedAnswers } from './short';
export { hasWildcard, matchWildcard, parseWildcard, unescapeWildcard, type WildcardPattern } from './wildcard';
export { answerFeedback } from './feedback';
export { gradeNumeric, matchNumericRule } from './numeric';
export { gradeCodeOutput } from './code-output';
export { gradeEssay, gradeFlashcard, manualGrade } from './manual';
export { gradeCodeTask, gradeFromJudge, type JudgeOutcome } from './code-task';
export { isSafePattern, MAX_PATTERN_LENGTH } from './safe-pattern';
export { PATTERN_INPUT_LIMIT, RESPONSE_LIMITS } from './limits';
export { gradeMatching, matchingVerdicts } from './matching';
export { gradeOrdering, longestOrderedSubset } from './ordering';
export { validateResponse, type ResponseValidation } from './validate-response';
