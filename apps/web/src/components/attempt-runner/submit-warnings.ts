import type { QuestionResponse } from '@goprep/domain';
import { isAnswered } from '@/lib/responses';

/** Items to mention before submitting: the unanswered and the flagged ones, by position. */
export function submitWarnings(
  items: readonly { position: number }[],
  answers: Record<number, { response: QuestionResponse | null; flagged: boolean } | undefined>,
): { unanswered: number[]; flagged: number[] } {
  const unanswered: number[] = [];
  const flagged: number[] = [];
  for (const { position } of items) {
    const answer = answers[position];
    if (!isAnswered(answer?.response)) unanswered.push(position);
    if (answer?.flagged) flagged.push(position);
  }
  return { unanswered, flagged };
}
