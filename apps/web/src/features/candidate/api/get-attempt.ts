import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { AttemptDelivery } from '../types';

export const getCandidateAttempt = (signal?: AbortSignal): Promise<AttemptDelivery> =>
  call(() => api.GET('/api/candidate/attempt', { ...(signal ? { signal } : {}) }));

// The runner anchors its clock on `now`: always a fresh copy.
export const candidateAttemptQueryOptions = (enabled: boolean) =>
  queryOptions({ queryKey: ['candidate', 'attempt'], queryFn: ({ signal }) => getCandidateAttempt(signal), enabled, staleTime: 0, gcTime: 0, retry: 1 });

export const useCandidateAttempt = (enabled: boolean) => useQuery(candidateAttemptQueryOptions(enabled));
