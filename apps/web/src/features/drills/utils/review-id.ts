import { randomUuid } from '@/lib/random-uuid';

/** The id of one drill review (the server records a review sent again once). */
export const newReviewId = randomUuid;
