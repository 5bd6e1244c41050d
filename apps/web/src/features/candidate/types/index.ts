import type { Schemas } from '@/lib/api-client';

export type CandidateStatus = Schemas['CandidateStatusDto'];
export type CandidateState = CandidateStatus['state'];
export type CandidateReview = Schemas['CandidateReviewDto'];
export type AttemptDelivery = Schemas['AttemptDeliveryDto'];

export type SaveAnswerInput = Schemas['SaveAnswerDto'];
export type AnswerSaved = Schemas['AnswerSavedDto'];
