export * from './types';
export { openSandbox } from './sandbox';
export { judgeSubmission } from './judge';
export { runProgram } from './program';
export { warmCache } from './warm';
export { runPlayground } from './playground';
