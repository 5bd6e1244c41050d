import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { CandidateStatus } from '../types';

export const getCandidateStatus = (signal?: AbortSignal): Promise<CandidateStatus> =>
  call(() => api.GET('/api/candidate/status', { ...(signal ? { signal } : {}) }));

export const candidateStatusQueryOptions = (enabled = true) =>
  queryOptions({ queryKey: ['candidate', 'status'], queryFn: ({ signal }) => getCandidateStatus(signal), enabled, retry: false, staleTime: 0 });

export const useCandidateStatus = (enabled = true) => useQuery(candidateStatusQueryOptions(enabled));
