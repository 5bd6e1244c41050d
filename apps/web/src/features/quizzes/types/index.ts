import type { Schemas } from '@/lib/api-client';

export type Topic = Schemas['TopicDto'];
export type StartAttemptInput = Schemas['StartAttemptDto'];
export type TopicId = NonNullable<StartAttemptInput['topics']>[number];
export type AttemptDelivery = Schemas['AttemptDeliveryDto'];
export type DeliveryItem = Schemas['DeliveryItemDto'];
export type SavedAnswer = Schemas['SavedAnswerDto'];
export type AnswerSaved = Schemas['AnswerSavedDto'];
export type AttemptSummary = Schemas['AttemptSummaryDto'];
export type AttemptScore = Schemas['AttemptScoreDto'];
export type AttemptReview = Schemas['AttemptReviewDto'];
export type ReviewItem = Schemas['ReviewItemDto'];
export type AttemptHistory = Schemas['AttemptHistoryDto'];
export type SaveAnswerInput = Schemas['SaveAnswerDto'];

/** A response as the API takes it (the item's type is implied, so no `type` field is sent). */
export type AnswerResponse = Record<string, unknown>;

export const MOCK_TEMPLATES = ['backend', 'platform', 'sre', 'runtime-deep-dive'] as const;
export type MockTemplate = (typeof MOCK_TEMPLATES)[number];
export const MOCK_LEVELS = ['junior', 'senior', 'staff'] as const;
export type MockLevel = (typeof MOCK_LEVELS)[number];
