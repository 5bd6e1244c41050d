import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { LapseHeavyList } from '../types';

/** Admins: questions learners keep forgetting across all drills. */
export const getLapseHeavy = (signal?: AbortSignal): Promise<LapseHeavyList> =>
  call(() => api.GET('/api/admin/drills/lapse-heavy', { params: { query: {} }, ...(signal ? { signal } : {}) }));

export const getLapseHeavyQueryOptions = () =>
  queryOptions({ queryKey: ['drills', 'admin', 'lapse-heavy'], queryFn: ({ signal }) => getLapseHeavy(signal), staleTime: 30_000 });

export const useLapseHeavy = (enabled = true) => useQuery({ ...getLapseHeavyQueryOptions(), enabled });
