import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { CandidateReview } from '../types';

export const getCandidateReview = (signal?: AbortSignal): Promise<CandidateReview> =>
  call(() => api.GET('/api/candidate/attempt/review', { ...(signal ? { signal } : {}) }));

export const candidateReviewQueryOptions = () =>
  queryOptions({ queryKey: ['candidate', 'review'], queryFn: ({ signal }) => getCandidateReview(signal), retry: 1 });

export const useCandidateReview = () => useQuery(candidateReviewQueryOptions());
