import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { AttemptReview } from '../types';

export const getReview = (id: string, signal?: AbortSignal): Promise<AttemptReview> =>
  call(() => api.GET('/api/attempts/{id}/review', { params: { path: { id } }, ...(signal ? { signal } : {}) }));

export const getReviewQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['attempts', 'review', id], queryFn: ({ signal }) => getReview(id, signal) });

export const useReview = (id: string) => useQuery(getReviewQueryOptions(id));
