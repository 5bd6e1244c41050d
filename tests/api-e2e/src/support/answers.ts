import type { AnswerKey } from '@goprep/domain';

/**
 * A response that the key grades as fully correct, derived from the key itself (essays: an answer
 * that waits for a person; flashcards carry no graded response).
 */
export function rightAnswer(key: AnswerKey): Record<string, unknown> {
  switch (key.type) {
    case 'single':
      return { choice: key.correct };
    case 'multi':
      return { choices: key.correct };
    case 'true-false':
      return { value: key.answer };
    case 'short':
      return { text: key.accepted[0] ?? '' };
    case 'numeric':
      return { value: key.answer };
    case 'code-output':
      return { text: key.outputs[0] ?? '' };
    case 'code-lines':
      return { lines: key.lines };
    case 'essay':
      return { text: 'An answer for a person to grade.' };
    case 'flashcard':
      return {};
    case 'ordering':
      return { order: key.order };
    case 'matching':
      return { pairs: Object.fromEntries(key.pairs.map((pair) => [pair.left, pair.right])) };
    case 'code-task':
      // Only the judge knows whether code is right; the reference solution never reaches a client.
      throw new Error('a code task has no right answer to derive from its key: submit code and let the judge grade it');
  }
}

/** A response of the right form that the key grades as wrong. */
export function wrongAnswer(key: AnswerKey): Record<string, unknown> {
  switch (key.type) {
    case 'single':
      return { choice: 'no-such-option' };
    case 'multi':
      return { choices: ['no-such-option'] };
    case 'true-false':
      return { value: !key.answer };
    case 'short':
      return { text: 'definitely not the answer 1234' };
    case 'numeric':
      return { value: key.answer + 1_000_000 };
    case 'code-output':
      return { text: 'definitely not the output 1234' };
    case 'code-lines':
      return { lines: [99_999] };
    case 'essay':
    case 'flashcard':
      return rightAnswer(key);
    case 'ordering':
      // Reversed, no two items are in the key's relative order: the longest ordered subset is 1, so 0.
      return { order: [...key.order].reverse() };
    case 'matching':
      return { pairs: Object.fromEntries(key.pairs.map((pair) => [pair.left, 'no-such-choice'])) };
    case 'code-task':
      return { files: {} };
  }
}
