import type { Schemas } from '@/lib/api-client';

export type CandidateStatus = Schemas['CandidateStatusDto'];
export type CandidateState = CandidateStatus['state'];
export type CandidateReview = Schemas['CandidateReviewDto'];
export type AttemptDelivery = Schemas['AttemptDeliveryDto'];
export type SaveAnswerInput = Schemas['SaveAnswerDto'];
export type AnswerSaved = Schemas['AnswerSavedDto'];

/**
 * What the shared attempt runner needs to keep a candidate's answers (same shape as the quizzes'
 * AttemptSource; the route passes one to the other, so this feature does not import the quizzes).
 */
export type CandidateAttemptSource = {
  saveAnswer: (attemptId: string, position: number, body: SaveAnswerInput) => Promise<AnswerSaved>;
  submit: (attemptId: string) => Promise<unknown>;
  onFinished: (attemptId: string) => void;
};

export type RenderRunner = (attempt: AttemptDelivery, source: CandidateAttemptSource) => React.ReactNode;
