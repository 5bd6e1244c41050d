import type { AnswerKey } from './answer-key';
import { PATTERN_INPUT_LIMIT } from './limits';
import type { ShortResponse } from './response';
import { CORRECT, INCORRECT, UNANSWERED, type GradeResult } from './result';
import { isSafePattern } from './safe-pattern';
import { collapseSpace } from './text';

export function gradeShort(key: Extract<AnswerKey, { type: 'short' }>, response: ShortResponse): GradeResult {
  const answer = collapseSpace(response.text);
  if (answer === '') return UNANSWERED;
  const fold = (s: string): string => (key.caseSensitive ? s : s.toLowerCase());
  const wanted = fold(answer);
  if (key.accepted.some((accepted) => fold(collapseSpace(accepted)) === wanted)) return CORRECT;
  if (key.pattern !== undefined && matchesPattern(key.pattern, answer, key.caseSensitive)) return CORRECT;
  return INCORRECT;
}

/** Full match of the author's pattern; an unsafe or invalid pattern matches nothing. */
export function matchesPattern(pattern: string, answer: string, caseSensitive: boolean): boolean {
  if (answer.length > PATTERN_INPUT_LIMIT || !isSafePattern(pattern)) return false;
  const regex = compileAnchored(pattern, caseSensitive);
  return regex !== undefined && regex.test(answer);
}

function compileAnchored(pattern: string, caseSensitive: boolean): RegExp | undefined {
  const source = `^(?:${pattern})$`;
  const flags = caseSensitive ? '' : 'i';
  // Unicode mode makes `.` match an emoji as one character, but it rejects some escapes that
  // authors write out of habit (`\-` outside a class); fall back to legacy mode for those.
  for (const mode of ['u', '']) {
    try {
      return new RegExp(source, flags + mode);
    } catch {
      // try the next mode
    }
  }
  return undefined;
}
