import type { AnswerKey, NumericAnswerRule } from './answer-key';
import { bestRule, creditScore } from './credit';
import type { NumericResponse } from './response';
import { CORRECT, INCORRECT, fromScore, type GradeResult } from './result';

/**
 * Decimal answers are not exact in binary: |3.15 - 3.14| is 0.010000000000000231, so a learner
 * who answers exactly on the edge of a 0.01 tolerance would be marked wrong. A slack of a few
 * ulps relative to the magnitudes involved absorbs that without widening the tolerance in any
 * way a person could notice.
 */
const RELATIVE_SLACK = 1e-12;

type NumericKey = Extract<AnswerKey, { type: 'numeric' }>;

export function gradeNumeric(key: NumericKey, response: NumericResponse): GradeResult {
  const value = response.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return INCORRECT;
  if (key.answers !== undefined) {
    const rule = key.answers[matchNumericRule(key, value)];
    return rule === undefined ? INCORRECT : fromScore(creditScore(rule.credit));
  }
  return within(value, key.answer, key.tolerance) ? CORRECT : INCORRECT;
}

/** Index of the rule that grades `value` (best credit, first on a tie), or -1; -1 for a key without rules. */
export function matchNumericRule(key: NumericKey, value: number): number {
  if (key.answers === undefined || typeof value !== 'number' || !Number.isFinite(value)) return -1;
  return bestRule(key.answers, (rule) => ruleMatches(rule, value));
}

function ruleMatches(rule: NumericAnswerRule, value: number): boolean {
  switch (rule.match) {
    case 'value':
      return within(value, rule.value, rule.tolerance);
    case 'range': {
      if (!Number.isFinite(rule.min) || !Number.isFinite(rule.max) || rule.min > rule.max) return false;
      const slack = RELATIVE_SLACK * Math.max(1, Math.abs(rule.min), Math.abs(rule.max), Math.abs(value));
      return value >= rule.min - slack && value <= rule.max + slack;
    }
    case 'any':
      return true;
    default:
      return false;
  }
}

function within(value: number, answer: number, tolerance: number): boolean {
  if (!Number.isFinite(answer)) return false;
  // A broken key (negative, NaN or infinite tolerance) must not turn every answer into a right one.
  const tol = Number.isFinite(tolerance) && tolerance > 0 ? tolerance : 0;
  const slack = RELATIVE_SLACK * Math.max(1, Math.abs(answer), Math.abs(value));
  return Math.abs(value - answer) <= tol + slack;
}
