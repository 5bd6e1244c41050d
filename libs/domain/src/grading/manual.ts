import type { AnswerKey } from './answer-key';
import type { EssayResponse, FlashcardResponse } from './response';
import { UNANSWERED, type GradeResult } from './result';

/** Essays wait for a person; a blank essay is simply not answered. */
export function gradeEssay(_key: Extract<AnswerKey, { type: 'essay' }>, response: EssayResponse): GradeResult {
  return response.text.trim() === '' ? UNANSWERED : { score: null, status: 'pending' };
}

/**
 * Flashcards are self-rated and never scored (score null). The status mirrors the rating so drill
 * summaries can count misses: Again means the learner did not know it.
 */
export function gradeFlashcard(
  _key: Extract<AnswerKey, { type: 'flashcard' }>,
  response: FlashcardResponse,
): GradeResult {
  if (response.selfRating === undefined) return { score: null, status: 'unanswered' };
  return { score: null, status: response.selfRating === 1 ? 'incorrect' : 'correct' };
}

/** Records a person's grade for an essay, clamped to [0, 1]. */
export function manualGrade(score: number): GradeResult {
  if (!Number.isFinite(score)) throw new RangeError(`manual grade must be a finite number, got ${score}`);
  const clamped = Math.min(1, Math.max(0, score));
  if (clamped === 1) return { score: 1, status: 'correct' };
  if (clamped === 0) return { score: 0, status: 'incorrect' };
  return { score: clamped, status: 'partial' };
}
