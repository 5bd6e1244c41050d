import type { AnswerKey } from './answer-key';
import { matchNumericRule } from './numeric';
import type { Response } from './response';
import { matchShortRule } from './short';

/**
 * The author's feedback for the answer given, for numeric and short questions whose key lists
 * graded answers: the feedback of the rule that graded the response (for a numeric key, the
 * catch-all rule's when nothing else matched). Review data, like the key itself.
 */
export function answerFeedback(key: AnswerKey, response: Response | undefined): string | undefined {
  if (response === undefined || response.type !== key.type) return undefined;
  if (key.type === 'numeric' && response.type === 'numeric' && key.answers !== undefined) {
    return key.answers[matchNumericRule(key, response.value)]?.feedback;
  }
  if (key.type === 'short' && response.type === 'short' && key.answers !== undefined) {
    return key.answers[matchShortRule(key, response.text)]?.feedback;
  }
  return undefined;
}
