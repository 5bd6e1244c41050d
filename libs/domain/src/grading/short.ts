import type { AnswerKey, ShortAnswerRule } from './answer-key';
import { bestRule, creditScore } from './credit';
import { PATTERN_INPUT_LIMIT } from './limits';
import type { ShortResponse } from './response';
import { CORRECT, INCORRECT, UNANSWERED, fromScore, type GradeResult } from './result';
import { isSafePattern } from './safe-pattern';
import { answerForm, collapseSpace } from './text';
import { matchWildcard, parseWildcard } from './wildcard';

type ShortKey = Extract<AnswerKey, { type: 'short' }>;

export function gradeShort(key: ShortKey, response: ShortResponse): GradeResult {
  const answer = collapseSpace(response.text);
  if (answer === '') return UNANSWERED;
  if (key.answers !== undefined) {
    const rule = key.answers[matchShortRule(key, response.text)];
    return rule === undefined ? INCORRECT : fromScore(creditScore(rule.credit));
  }
  const fold = (s: string): string => (key.caseSensitive ? s : s.toLowerCase());
  const wanted = fold(answerForm(answer));
  if (key.accepted.some((accepted) => fold(answerForm(accepted)) === wanted)) return CORRECT;
  if (key.pattern !== undefined && matchesPattern(key.pattern, answer, key.caseSensitive)) return CORRECT;
  // The pattern is written against ASCII: a full-width `close（ch）` from a Chinese input method matches too.
  if (key.pattern !== undefined && answerForm(answer) !== answer && matchesPattern(key.pattern, answerForm(answer), key.caseSensitive)) return CORRECT;
  return INCORRECT;
}

/**
 * Index of the rule that grades `text` (best credit, first on a tie), or -1; -1 for a key without
 * rules. Both sides are white-space collapsed; case folds unless the key is case sensitive.
 */
export function matchShortRule(key: ShortKey, text: string): number {
  if (key.answers === undefined) return -1;
  const fold = (s: string): string => (key.caseSensitive ? s : s.toLowerCase());
  const answer = fold(answerForm(text));
  if (answer === '') return -1;
  return bestRule(key.answers, (rule: ShortAnswerRule) => matchWildcard(parseWildcard(fold(answerForm(rule.text))), answer));
}

/**
 * The grading key of a short question asked in another language as well: the author's key plus the
 * accepted answers of the translations the item may have been shown in (issue 15). Delivery follows
 * the reader's language of the moment, so an attempt started in English can show an item in Chinese
 * after a switch, or in English for a Chinese attempt where the translation is missing; the answer
 * is right in either language. A translation only adds answers: with Moodle-style `answers` rules
 * (which alone grade) each one becomes a full-credit literal rule after the author's rules, so an
 * author's partial-credit rule for the same text still wins on a tie (earlier rule first); other
 * key types come back unchanged.
 */
export function withTranslatedAnswers(key: AnswerKey, translated: readonly string[]): AnswerKey {
  if (key.type !== 'short' || translated.length === 0) return key;
  const extra = translated.filter((text) => answerForm(text) !== '');
  if (key.answers === undefined) return { ...key, accepted: [...new Set([...key.accepted, ...extra])] };
  const literal = (text: string): string => text.replace(/\*/g, '\\*');
  return { ...key, answers: [...key.answers, ...extra.map((text) => ({ text: literal(text), credit: 1 }))] };
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
