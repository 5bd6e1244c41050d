export { CodeTaskInput, CODE_DEBOUNCE_MS, type DeliveredTask } from './code-task-input';
