import { api, call } from '@/lib/api-client';
import type { UndoResult } from '../types';

/** Puts the card back as it was before this review (only a card's latest review). */
export const undoReview = (reviewId: string): Promise<UndoResult> =>
  call(() => api.POST('/api/drills/reviews/{reviewId}/undo', { params: { path: { reviewId } } }));
