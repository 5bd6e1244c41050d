import type { QuestionResponse } from '@goprep/domain';
import { toggleChoice } from '@/lib/responses';

/** The response picked by the 1-9 keys (choices and true/false), or undefined when the key does not apply. */
export function pickByKey(
  question: { type: string; options?: { id: string }[] },
  current: QuestionResponse | null,
  n: number,
): QuestionResponse | undefined {
  if (question.type === 'true-false') return n === 1 || n === 2 ? { type: 'true-false', value: n === 1 } : undefined;
  const option = question.options?.[n - 1];
  if (!option) return undefined;
  if (question.type === 'single') return { type: 'single', choice: option.id };
  if (question.type === 'multi') {
    const chosen = current?.type === 'multi' ? current.choices : [];
    return { type: 'multi', choices: toggleChoice(chosen, option.id, (question.options ?? []).map((o) => o.id)) };
  }
  return undefined;
}
