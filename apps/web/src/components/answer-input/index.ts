export { AnswerInput, TEXT_DEBOUNCE_MS, type AnswerQuestion } from './answer-input';
