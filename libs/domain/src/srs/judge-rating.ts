import type { AutoGradeOutcome } from './rating';

/**
 * A code-task drill card is graded by the judge (its hidden tests), and the verdict drives the
 * rating like any auto-graded answer:
 *
 * | verdict                                                                         | outcome   | suggested rating |
 * |---------------------------------------------------------------------------------|-----------|------------------|
 * | passed                                                                          | correct   | Good             |
 * | failed, compile-error, rejected, time-limit, memory-limit, output-limit         | incorrect | Again            |
 * | internal-error (the judge failed, not the learner)                              | none: the review is refused; run again |
 *
 * Slowness never turns a pass into Hard: writing and judging code takes as long as it takes, so
 * the outcome carries no expected time. A partial pass is still Again (recall means the task works).
 * The learner may override the suggestion as for every auto-graded card.
 */
export type JudgeReviewOutcome = Omit<AutoGradeOutcome, 'durationMs'> & { expectedSeconds: null };

const LEARNER_VERDICTS = new Set([
  'passed',
  'failed',
  'compile-error',
  'rejected',
  'time-limit',
  'memory-limit',
  'output-limit',
]);

/** The auto-grade outcome of a judge verdict, or undefined when the verdict says nothing about the learner. */
export function judgeReviewOutcome(verdict: string): JudgeReviewOutcome | undefined {
  if (!LEARNER_VERDICTS.has(verdict)) return undefined;
  return { correct: verdict === 'passed', guessed: false, expectedSeconds: null };
}
