/**
 * The bank's fixed vocabulary, shared by the bank library, the API and the web app, so a new
 * topic or question type is added in exactly one place.
 */
export const TOPIC_IDS = [
  'memory-model',
  'goroutine-leaks',
  'gc-tuning',
  'trace-sampling',
  'scheduler',
  'channels',
  'escape-analysis',
  'pprof',
  'context',
  'sync',
  'observability',
  'kubernetes',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export const CORE_TOPICS: readonly TopicId[] = ['memory-model', 'goroutine-leaks', 'gc-tuning', 'trace-sampling'];

export const QUESTION_TYPES = [
  'single',
  'multi',
  'true-false',
  'short',
  'numeric',
  'code-output',
  'code-lines',
  'essay',
  'flashcard',
  'code-task',
  'matching',
  'ordering',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
