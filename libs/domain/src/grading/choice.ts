import type { AnswerKey } from './answer-key';
import type { CodeLinesResponse, MultiResponse, SingleResponse } from './response';
import { CORRECT, fromScore, INCORRECT, UNANSWERED, type GradeResult } from './result';

export function gradeSingle(key: Extract<AnswerKey, { type: 'single' }>, response: SingleResponse): GradeResult {
  if (response.choice === '') return UNANSWERED;
  return response.choice === key.correct ? CORRECT : INCORRECT;
}

/**
 * Set scoring with partial credit: +1/k per correct pick, -1/k per wrong pick, floored at 0.
 * Duplicate picks count once (a double click must not earn or cost twice); a pick that is not in
 * the key is wrong, whether or not it names an existing option, because the key only lists the
 * correct ones.
 */
export function gradeSet<T>(correct: readonly T[], picks: readonly T[]): GradeResult {
  const keySet = new Set(correct);
  const pickSet = new Set(picks);
  if (pickSet.size === 0) return UNANSWERED;
  if (keySet.size === 0) return INCORRECT;
  let right = 0;
  let wrong = 0;
  for (const pick of pickSet) {
    if (keySet.has(pick)) right += 1;
    else wrong += 1;
  }
  const score = Math.max(0, (right - wrong) / keySet.size);
  return fromScore(Math.min(1, score));
}

export function gradeMulti(key: Extract<AnswerKey, { type: 'multi' }>, response: MultiResponse): GradeResult {
  return gradeSet(key.correct, response.choices);
}

export function gradeCodeLines(
  key: Extract<AnswerKey, { type: 'code-lines' }>,
  response: CodeLinesResponse,
): GradeResult {
  return gradeSet(key.lines, response.lines);
}
