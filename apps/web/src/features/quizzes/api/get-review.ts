import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { AttemptReview } from '../types';

export const getReview = (id: string, signal?: AbortSignal): Promise<AttemptReview> =>
  call(() => api.GET('/api/attempts/{id}/review', { params: { path: { id } }, ...(signal ? { signal } : {}) }));

/** While a code task's final run waits for a runner (or its verdict is not applied to the grade yet), look again every few seconds. */
const JUDGING_REFRESH_MS = 3000;

export const judging = (review: AttemptReview | undefined): boolean =>
  review?.items.some((item) => item.judge !== undefined && (item.judge.state === 'queued' || item.judge.state === 'running' || item.status === 'pending')) ?? false;

export const getReviewQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['attempts', 'review', id],
    queryFn: ({ signal }) => getReview(id, signal),
    refetchInterval: (query) => (judging(query.state.data) ? JUDGING_REFRESH_MS : false),
  });

export const useReview = (id: string) => useQuery(getReviewQueryOptions(id));
