export { AttemptRunner, type AttemptSource } from './attempt-runner';
export type { SaveAnswerFn } from './use-autosave';
