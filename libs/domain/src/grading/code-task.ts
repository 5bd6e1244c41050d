import type { AnswerKey } from './answer-key';
import type { CodeTaskResponse } from './response';
import { fromScore, UNANSWERED, type GradeResult } from './result';

/**
 * A code task's score comes from the judge, which runs asynchronously: saving the code leaves the
 * item pending (score null) until `gradeFromJudge` turns the judge's result into a grade.
 * No file with any code in it is simply not answered.
 */
export function gradeCodeTask(_key: Extract<AnswerKey, { type: 'code-task' }>, response: CodeTaskResponse): GradeResult {
  const written = Object.values(response.files).some((source) => source.trim() !== '');
  return written ? { score: null, status: 'pending' } : UNANSWERED;
}

/** What the grade needs of a judge result (libs/judge's JudgeResult satisfies it). */
export interface JudgeOutcome {
  verdict: string;
  /** 0..1: the share of hidden tests passed (scoring `partial`) or 0/1 (scoring `all`). */
  score: number;
}

/**
 * The grade of a judged code task: the judge's score, clamped to [0, 1]; a submission that did not
 * compile, was rejected or hit a limit earns nothing whatever the score says. With scoring `all`
 * only a full pass counts.
 */
export function gradeFromJudge(key: Extract<AnswerKey, { type: 'code-task' }>, outcome: JudgeOutcome): GradeResult {
  if (outcome.verdict !== 'passed' && outcome.verdict !== 'failed') return fromScore(0);
  if (!Number.isFinite(outcome.score)) return fromScore(0);
  const score = Math.min(1, Math.max(0, outcome.score));
  if (key.scoring === 'all') return fromScore(outcome.verdict === 'passed' && score >= 1 ? 1 : 0);
  return fromScore(outcome.verdict === 'passed' ? 1 : score);
}
