export { AnswerInput, TEXT_DEBOUNCE_MS, type AnswerQuestion } from './answer-input';
export { ReviewOptions, pickedChoices, type RevealedOption } from './review-options';
export { ContentLocaleNote, type ContentLocaleInfo } from './content-locale-note';
