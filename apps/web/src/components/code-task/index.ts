export { CodeTaskInput, CODE_DEBOUNCE_MS, type DeliveredTask } from './code-task-input';
export type { JudgeAudience } from './use-judge-run';
