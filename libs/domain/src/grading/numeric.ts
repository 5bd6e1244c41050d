import type { AnswerKey } from './answer-key';
import type { NumericResponse } from './response';
import { CORRECT, INCORRECT, type GradeResult } from './result';

/**
 * Decimal answers are not exact in binary: |3.15 - 3.14| is 0.010000000000000231, so a learner
 * who answers exactly on the edge of a 0.01 tolerance would be marked wrong. A slack of a few
 * ulps relative to the magnitudes involved absorbs that without widening the tolerance in any
 * way a person could notice.
 */
const RELATIVE_SLACK = 1e-12;

export function gradeNumeric(key: Extract<AnswerKey, { type: 'numeric' }>, response: NumericResponse): GradeResult {
  const value = response.value;
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isFinite(key.answer)) return INCORRECT;
  // A broken key (negative, NaN or infinite tolerance) must not turn every answer into a right one.
  const tolerance = Number.isFinite(key.tolerance) && key.tolerance > 0 ? key.tolerance : 0;
  const slack = RELATIVE_SLACK * Math.max(1, Math.abs(key.answer), Math.abs(value));
  return Math.abs(value - key.answer) <= tolerance + slack ? CORRECT : INCORRECT;
}
