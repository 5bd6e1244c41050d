export { CodeTaskInput, CODE_DEBOUNCE_MS, type DeliveredTask } from './code-task-input';
export { CodeTaskReview, codeFilesOf, type ReviewJudge } from './code-task-review';
