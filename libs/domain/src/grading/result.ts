export type GradeStatus = 'correct' | 'partial' | 'incorrect' | 'pending' | 'unanswered';

export interface GradeResult {
  /** 0..1; null = not scored by the machine (essay pending a person, flashcard self-rated). */
  score: number | null;
  status: GradeStatus;
}

export const UNANSWERED: GradeResult = Object.freeze({ score: 0, status: 'unanswered' });
export const CORRECT: GradeResult = Object.freeze({ score: 1, status: 'correct' });
export const INCORRECT: GradeResult = Object.freeze({ score: 0, status: 'incorrect' });

/** Maps a score in [0, 1] to its status; anything strictly between is partial credit. */
export function fromScore(score: number): GradeResult {
  if (score >= 1) return CORRECT;
  if (score <= 0) return INCORRECT;
  return { score, status: 'partial' };
}
