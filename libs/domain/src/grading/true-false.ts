import type { AnswerKey } from './answer-key';
import type { TrueFalseResponse } from './response';
import { CORRECT, INCORRECT, type GradeResult } from './result';

export function gradeTrueFalse(
  key: Extract<AnswerKey, { type: 'true-false' }>,
  response: TrueFalseResponse,
): GradeResult {
  return response.value === key.answer ? CORRECT : INCORRECT;
}
