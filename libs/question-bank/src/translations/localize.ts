import type { BankQuestion } from '../model';
import type { QuestionTranslation } from './model';

/**
 * The question as read in the translation's language: text from the translation, everything that
 * grades or runs (ids, correctness, outputs, lines, code, tolerance) from the English. Short
 * answers accept the English list plus the translated one, so a learner may answer in either.
 */
export function localizeQuestion(question: BankQuestion, translation: QuestionTranslation): BankQuestion {
  const options = question.options?.map((option) => {
    const translated = translation.options?.find((candidate) => candidate.id === option.id);
    if (!translated) return option;
    return { ...option, text: translated.text, ...(option.feedback !== undefined && translated.feedback !== undefined ? { feedback: translated.feedback } : {}) };
  });
  let key = question.key;
  if (key.type === 'flashcard' && translation.answer !== undefined) key = { ...key, answer: translation.answer };
  if (key.type === 'essay' && translation.rubric?.length === key.rubric.length) key = { ...key, rubric: [...translation.rubric] };
  if (key.type === 'short' && translation.accepted !== undefined) {
    key = { ...key, accepted: [...new Set([...key.accepted, ...translation.accepted])] };
  }
  return {
    ...question,
    title: translation.title,
    prompt: translation.prompt,
    explanation: translation.explanation !== '' ? translation.explanation : question.explanation,
    ...(options !== undefined ? { options } : {}),
    ...(question.unit !== undefined && translation.unit !== undefined ? { unit: translation.unit } : {}),
    key,
    ...(question.followUps !== undefined && translation.followUps?.length === question.followUps.length ? { followUps: [...translation.followUps] } : {}),
  };
}
