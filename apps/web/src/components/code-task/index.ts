export { CodeTaskInput, CODE_DEBOUNCE_MS, RunOutput, type DeliveredTask } from './code-task-input';
export { CodeTaskReview, codeFilesOf, type ReviewJudge } from './code-task-review';
export { Playground, type PlaygroundTarget } from './playground';
export { useJudgeRun, type JudgeAudience, type JudgeRun } from './use-judge-run';
export { JudgeRunners } from './judge-runners';
