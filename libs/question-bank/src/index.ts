export * from './model';
export {
  questionFrontMatterSchema,
  topicFrontMatterSchema,
  verifyCheckSchema,
  VERIFY_KINDS,
  type QuestionFrontMatter,
  type QuestionFrontMatterInput,
  type TopicFrontMatter,
  type VerifyCheckFrontMatter,
} from './schema/front-matter';
export { checkConsistency, TOPIC_ID_PREFIX } from './schema/consistency';
export { toAnswerKey, toBankQuestion, toVerifyCheck } from './schema/to-model';
export { questionJsonSchema, writeQuestionJsonSchema } from './schema/json-schema';
export {
  linesOutsideProgram,
  parseQuestionFile,
  parseTopicFile,
  type LineOutsideProgram,
  type ParsedQuestionFile,
  type ParsedTopicFile,
} from './parse/parse-question';
export { loadBank, type LoadBankOptions } from './parse/load-bank';
export { canonicalJson, computeContentHash } from './parse/content-hash';
export { defaultBankDir, findRepoRoot } from './parse/paths';
export { lintBank, formatProblem, type LintResult } from './lint/lint-bank';
export { verifyBank, type VerifyOptions } from './verify/verify-bank';
export type { CheckResult, QuestionVerifyResult, VerifyPhase, VerifyReport } from './verify/types';
export { findGo, GoToolchainError, MIN_GO_MINOR, type GoToolchain } from './go/toolchain';
export { bankStats, type BankStats } from './stats/bank-stats';
export { scaffoldQuestion, type ScaffoldOptions, type ScaffoldResult } from './scaffold/new-question';
export * from './templates';
export { exportQuestions, type ExportResult, type InterchangeFormat } from './interchange';
export { importQuestions, type ImportResult, type InterchangeProblem } from './interchange';
export * from './translations';
export { toJudgeTask, judgeDataDir } from './judge/task-spec';
export { verifyCodeTask, warmForTasks, failsFor } from './judge/verify-task';
export { STARTER_FAILS, type TaskFrontMatter } from './schema/front-matter';
export { deniedTaskImport, DENIED_TASK_IMPORTS } from './schema/consistency';
