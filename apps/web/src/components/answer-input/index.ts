export { AnswerInput, TEXT_DEBOUNCE_MS, type AnswerQuestion } from './answer-input';
export { ReviewOptions, pickedChoices, type RevealedOption } from './review-options';
