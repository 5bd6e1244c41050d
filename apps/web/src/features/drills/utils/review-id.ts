import { randomUuid } from '@/lib/random-uuid';

/** The id of one drill review: the same review sent again gets the same result from the server. */
export const newReviewId = randomUuid;
