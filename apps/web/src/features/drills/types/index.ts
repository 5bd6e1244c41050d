import type { Schemas } from '@/lib/api-client';

export type Topic = Schemas['TopicDto'];
export type DueQueue = Schemas['DueQueueDto'];
export type DueCard = Schemas['DueCardDto'];
export type DrillQuestion = Schemas['DrillQuestionDto'];
export type SubmitReviewInput = Schemas['SubmitReviewDto'];
export type ReviewResult = Schemas['ReviewResultDto'];
export type UndoResult = Schemas['UndoResultDto'];
export type DeckChange = Schemas['DeckChangeDto'];
export type DrillStats = Schemas['DrillStatsDto'];
export type AddToDeckInput = Schemas['AddToDeckDto'];
export type TopicId = NonNullable<AddToDeckInput['topic']>;

/** The four FSRS ratings in button order: keys 1-4. */
export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type Rating = (typeof RATINGS)[number];

/** Flashcards and essays are rated by the learner; every other type is graded on the server. */
export const SELF_RATED_TYPES: ReadonlySet<string> = new Set(['flashcard', 'essay']);

export type DeckList = Schemas['DeckPageDto'];
export type DeckCard = Schemas['DeckCardDto'];
export type DeckFilter = 'all' | 'suspended';
export type DrillOptimization = Schemas['DrillOptimizationDto'];
export type TopicRetention = Schemas['TopicRetentionDto'];
export type DayCount = Schemas['DayCountDto'];
export type LapseHeavyList = Schemas['LapseHeavyListDto'];
export type LapseHeavyQuestion = Schemas['LapseHeavyQuestionDto'];
