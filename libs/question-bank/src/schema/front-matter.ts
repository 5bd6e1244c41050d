import { z } from 'zod';
import { QUESTION_TYPES, TOPIC_IDS } from '../model';

/*
 * The front matter contract of docs/question-format.md as zod schemas. Keys stay snake_case here
 * (they are what authors write); `toBankQuestion` maps them to the camelCase model. Objects are
 * strict so a misspelt key is reported instead of silently ignored.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const kebabCase = z.string().regex(KEBAB, { error: 'must be kebab-case (a-z, 0-9, single dashes)' });

export const questionId = kebabCase.min(3).max(80);

const lineNumber = z.int().min(1);
const lineList = z.array(lineNumber).min(1);
const httpsUrl = z
  .url({ protocol: /^https$/, error: 'must be an https URL' })
  .regex(/^https:\/\//, { error: 'must be an https URL' });

const checkCommon = {
  env: z.record(z.string(), z.string()).optional(),
  timeout_seconds: z.number().positive().max(600).default(20),
  file: z.string().min(1).default('main.go'),
};

export const outputCheckSchema = z.strictObject({
  kind: z.literal('output'),
  exit_code: z.int().min(0).max(255).default(0),
  runs: z.int().min(1).max(1000).default(1),
  gomaxprocs: z.array(z.int().min(1)).min(1).optional(),
  stdout_any: z.array(z.string()).min(1).optional(),
  ...checkCommon,
});

export const outputMatchesCheckSchema = z.strictObject({
  kind: z.literal('output-matches'),
  stdout_regex: z.array(z.string().min(1)).min(1).optional(),
  stderr_regex: z.array(z.string().min(1)).min(1).optional(),
  exit_code: z.int().min(0).max(255).default(0),
  runs: z.int().min(1).max(1000).default(1),
  ...checkCommon,
});

/*
 * A race or a deadlock may show different lines in different interleavings, and the key must name
 * all of them, so the verifier runs these several times (GOMAXPROCS alternating 1 and 4). `runs`
 * has no default here: an unset value stays out of the model (and of the content hash) and the
 * verifier applies its own default.
 */
export const raceCheckSchema = z.strictObject({
  kind: z.literal('race'),
  lines: lineList.optional(),
  fixed: z.boolean().default(false),
  runs: z.int().min(1).max(1000).optional(),
  gomaxprocs: z.array(z.int().min(1)).min(1).optional(),
  ...checkCommon,
});

export const deadlockCheckSchema = z.strictObject({
  kind: z.literal('deadlock'),
  lines: lineList.optional(),
  runs: z.int().min(1).max(1000).optional(),
  gomaxprocs: z.array(z.int().min(1)).min(1).optional(),
  ...checkCommon,
});

export const leakCheckSchema = z.strictObject({
  kind: z.literal('leak'),
  lines: lineList,
  settle_ms: z.int().min(0).max(60_000).default(200),
  ...checkCommon,
});

export const compileErrorCheckSchema = z.strictObject({
  kind: z.literal('compile-error'),
  message: z.string().min(1),
  lines: lineList.optional(),
  ...checkCommon,
});

export const vetCheckSchema = z.strictObject({
  kind: z.literal('vet'),
  analyzer: z.string().regex(/^[a-z0-9_]+$/, { error: 'must be a go vet analyzer name such as lostcancel' }),
  lines: lineList.optional(),
  ...checkCommon,
});

export const escapeCheckSchema = z.strictObject({
  kind: z.literal('escape'),
  lines: lineList,
  exact: z.boolean().default(true),
  not_lines: lineList.optional(),
  ...checkCommon,
});

export const verifyCheckSchema = z.discriminatedUnion('kind', [
  outputCheckSchema,
  outputMatchesCheckSchema,
  raceCheckSchema,
  deadlockCheckSchema,
  leakCheckSchema,
  compileErrorCheckSchema,
  vetCheckSchema,
  escapeCheckSchema,
]);
export type VerifyCheckInput = z.input<typeof verifyCheckSchema>;
export type VerifyCheckFrontMatter = z.output<typeof verifyCheckSchema>;

export const VERIFY_KINDS = [
  'output',
  'output-matches',
  'race',
  'deadlock',
  'leak',
  'compile-error',
  'vet',
  'escape',
] as const;

const choiceOption = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,15}$/, { error: 'must be a short slug such as a, b, c' }),
  text: z.string().min(1),
  correct: z.boolean(),
  feedback: z.string().min(1).optional(),
});

export const FOLLOW_UP_MAX_CHARS = 300;
/** One suggested follow-up: a plain question, one line of Markdown. */
export const followUp = z
  .string()
  .trim()
  .min(1, { error: 'a follow-up must not be empty' })
  .max(FOLLOW_UP_MAX_CHARS, { error: `a follow-up is at most ${FOLLOW_UP_MAX_CHARS} characters` })
  .refine((text) => /[?？]$/.test(text), { error: 'a follow-up is a question: end it with a question mark' });

const common = {
  id: questionId,
  title: z.string().min(1).max(100),
  topic: z.enum(TOPIC_IDS),
  subtopic: kebabCase,
  difficulty: z.int().min(1).max(5),
  tags: z.array(kebabCase).min(1),
  go_version: z.string({ error: 'must be a quoted version string such as "1.26"' }).regex(/^1\.\d+(?:\.\d+)?$/, { error: 'must be a quoted version string such as "1.26"' }),
  expected_seconds: z.int().min(10).max(1800),
  references: z.array(httpsUrl).min(1),
  draft: z.boolean().default(false),
  /** Questions an interviewer asks next (the room's private panel only; never delivered to a learner). */
  follow_ups: z.array(followUp).min(1, { error: 'list 1-5 follow-up questions, or leave follow_ups out' }).max(5, { error: 'at most 5 follow-up questions' }).optional(),
};

// Code questions may carry a program; `code: true` is the only allowed value.
const codeFlag = z.literal(true, { error: 'code must be true (omit it for questions without a program)' });
const verifyList = z.array(verifyCheckSchema).min(1);
const options = z.array(choiceOption).min(2).max(8);

export const singleSchema = z.strictObject({
  ...common,
  type: z.literal('single'),
  options,
  code: codeFlag.optional(),
  verify: verifyList.optional(),
});

export const multiSchema = z.strictObject({
  ...common,
  type: z.literal('multi'),
  options,
  code: codeFlag.optional(),
  verify: verifyList.optional(),
});

export const trueFalseSchema = z.strictObject({
  ...common,
  type: z.literal('true-false'),
  answer: z.boolean(),
  code: codeFlag.optional(),
  verify: verifyList.optional(),
});

const credit = z.number().min(0).max(1);
const answerFeedback = z.string().min(1).optional();

/** One graded short answer (Moodle's model): `*` is a wildcard, `\*` a literal star. */
export const shortAnswerRuleSchema = z.strictObject({ text: z.string().min(1), credit, feedback: answerFeedback });

/** One graded numeric answer: a value with a tolerance, a closed range, or `any: true` (the catch-all). */
export const numericAnswerRuleSchema = z.union([
  z.strictObject({ value: z.number(), tolerance: z.number().min(0).default(0), credit, feedback: answerFeedback }),
  z.strictObject({ min: z.number(), max: z.number(), credit, feedback: answerFeedback }),
  z.strictObject({ any: z.literal(true), credit, feedback: answerFeedback }),
]);

export const shortSchema = z.strictObject({
  ...common,
  type: z.literal('short'),
  /** Required unless `answers` lists the graded answers (checked in consistency.ts). */
  accepted: z.array(z.string().min(1)).min(1).optional(),
  case_sensitive: z.boolean().default(false),
  pattern: z.string().min(1).optional(),
  answers: z.array(shortAnswerRuleSchema).min(1).optional(),
  code: codeFlag.optional(),
  verify: verifyList.optional(),
});

export const numericSchema = z.strictObject({
  ...common,
  type: z.literal('numeric'),
  /** Required unless `answers` lists the graded answers (checked in consistency.ts). */
  answer: z.number().optional(),
  tolerance: z.number().min(0).default(0),
  answers: z.array(numericAnswerRuleSchema).min(1).optional(),
  unit: z.string().min(1).optional(),
  code: codeFlag.optional(),
  verify: verifyList.optional(),
});

export const codeOutputSchema = z.strictObject({
  ...common,
  type: z.literal('code-output'),
  code: codeFlag,
  outputs: z.array(z.string()).min(1),
  verify: verifyList,
});

export const codeLinesSchema = z.strictObject({
  ...common,
  type: z.literal('code-lines'),
  code: codeFlag,
  lines: lineList,
  verify: verifyList,
});

export const essaySchema = z.strictObject({
  ...common,
  type: z.literal('essay'),
  rubric: z.array(z.string().min(1)).min(1),
});

export const flashcardSchema = z.strictObject({
  ...common,
  type: z.literal('flashcard'),
});

const goFileName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_]*\.go$/, { error: 'must be a Go file name such as cache.go' })
  .refine((name) => !name.endsWith('_test.go'), { error: 'editable files cannot be test files' });

export const STARTER_FAILS = ['race', 'leak', 'wrong-result', 'allocs', 'vet', 'timeout'] as const;

/** `task:` of a code-task (docs/question-format.md, "Code tasks"). */
export const taskSchema = z.strictObject({
  package: z.string().regex(/^[a-z][a-z0-9]*$/, { error: 'must be a lower-case Go package name' }),
  files: z.array(goFileName).min(1).max(16),
  imports: z.array(z.string().regex(/^[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/, { error: 'must be an import path' })).default([]),
  checks: z
    .strictObject({ race: z.boolean().default(false), leak: z.boolean().default(false), vet: z.boolean().default(false) })
    .default({ race: false, leak: false, vet: false }),
  limits: z
    .strictObject({ time_seconds: z.int().min(1).max(120).default(20), memory_mb: z.int().min(64).max(4096).default(768) })
    .default({ time_seconds: 20, memory_mb: 768 }),
  scoring: z.enum(['partial', 'all']).default('partial'),
  starter_fails: z.enum(STARTER_FAILS),
});
export type TaskFrontMatter = z.output<typeof taskSchema>;

export const codeTaskSchema = z.strictObject({
  ...common,
  type: z.literal('code-task'),
  task: taskSchema,
});

const itemId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,15}$/, { error: 'must be a short slug such as a, b, c' });

/** One item of an ordering question; `items` lists them in the correct order (the key). */
const orderingItem = z.strictObject({ id: itemId, text: z.string().min(1) });

export const orderingSchema = z.strictObject({
  ...common,
  type: z.literal('ordering'),
  items: z.array(orderingItem).min(3).max(12),
  code: codeFlag.optional(),
  verify: verifyList.optional(),
});

/** One left-hand item of a matching question and the right-hand text it pairs with. */
const matchingPair = z.strictObject({ id: itemId, text: z.string().min(1), match: z.string().min(1) });

export const matchingSchema = z.strictObject({
  ...common,
  type: z.literal('matching'),
  pairs: z.array(matchingPair).min(2).max(12),
  /** Right-hand choices that pair with nothing (Moodle's subquestions without a question text). */
  distractors: z.array(z.string().min(1)).max(6).optional(),
  code: codeFlag.optional(),
  verify: verifyList.optional(),
});

/** The front matter of one question file: one schema per `type`. */
export const questionFrontMatterSchema = z.discriminatedUnion('type', [
  singleSchema,
  multiSchema,
  trueFalseSchema,
  shortSchema,
  numericSchema,
  codeOutputSchema,
  codeLinesSchema,
  essaySchema,
  flashcardSchema,
  codeTaskSchema,
  matchingSchema,
  orderingSchema,
]);
export type QuestionFrontMatterInput = z.input<typeof questionFrontMatterSchema>;
export type QuestionFrontMatter = z.output<typeof questionFrontMatterSchema>;

/** The front matter of a topic's `_topic.md`. */
export const topicFrontMatterSchema = z.strictObject({
  id: z.enum(TOPIC_IDS),
  title: z.string().min(1).max(100),
  core: z.boolean(),
});
export type TopicFrontMatter = z.output<typeof topicFrontMatterSchema>;

// Keep the list of types in one place: the schema must cover every type of the model.
const coveredTypes: readonly (typeof QUESTION_TYPES)[number][] = questionFrontMatterSchema.options.map(
  (option) => option.shape.type.value,
);
if (coveredTypes.length !== QUESTION_TYPES.length) {
  throw new Error('questionFrontMatterSchema does not cover every QUESTION_TYPES entry');
}
