export { CodeTaskInput, CODE_DEBOUNCE_MS, RunOutput, type DeliveredTask } from './code-task-input';
export { Playground, type PlaygroundTarget } from './playground';
export { useJudgeRun, type JudgeAudience, type JudgeRun } from './use-judge-run';
