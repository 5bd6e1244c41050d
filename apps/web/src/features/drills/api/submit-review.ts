import { api, call } from '@/lib/api-client';
import type { ReviewResult, SubmitReviewInput } from '../types';

/** Grades, rates and reschedules a card in one step; the same reviewId again returns the same result. */
export const submitReview = (body: SubmitReviewInput): Promise<ReviewResult> =>
  call(() => api.POST('/api/drills/reviews', { body }));
