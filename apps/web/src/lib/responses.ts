import type { QuestionResponse } from '@goprep/domain';

// Response helpers shared by every screen that answers questions (quizzes, drills).

/** Whether a response counts as an answer (an empty text or selection does not). */
export function isAnswered(response: QuestionResponse | null | undefined): boolean {
  if (!response) return false;
  switch (response.type) {
    case 'multi':
      return response.choices.length > 0;
    case 'code-lines':
      return response.lines.length > 0;
    case 'short':
    case 'code-output':
    case 'essay':
      return response.text.trim().length > 0;
    default:
      return true;
  }
}

/** Parses a number as typed (accepts a comma as decimal separator); undefined when empty, NaN when not a number. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/\s+/g, '').replace(',', '.');
  if (trimmed === '') return undefined;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return Number.NaN;
  return Number(trimmed);
}

/** Toggles an option in a multiple choice, keeping the options' order stable for comparisons. */
export function toggleChoice(choices: readonly string[], id: string, order: readonly string[]): string[] {
  const next = choices.includes(id) ? choices.filter((c) => c !== id) : [...choices, id];
  return order.filter((o) => next.includes(o));
}

