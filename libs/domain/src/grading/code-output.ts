import type { AnswerKey } from './answer-key';
import type { CodeOutputResponse } from './response';
import { CORRECT, INCORRECT, UNANSWERED, type GradeResult } from './result';
import { outputLines } from './text';

export function gradeCodeOutput(
  key: Extract<AnswerKey, { type: 'code-output' }>,
  response: CodeOutputResponse,
): GradeResult {
  const answer = outputLines(response.text);
  if (answer.length === 0) return emptyOutputIsKey(key) ? CORRECT : UNANSWERED;
  const matches = key.outputs.some((output) => sameLines(outputLines(output), answer));
  return matches ? CORRECT : INCORRECT;
}

/** A program that prints nothing is a legitimate key; an empty answer is then right. */
function emptyOutputIsKey(key: Extract<AnswerKey, { type: 'code-output' }>): boolean {
  return key.outputs.some((output) => outputLines(output).length === 0);
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
