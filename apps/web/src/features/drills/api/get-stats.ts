import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { DrillStats } from '../types';

export const getDrillStats = (signal?: AbortSignal): Promise<DrillStats> =>
  call(() => api.GET('/api/drills/stats', signal ? { signal } : {}));

export const getDrillStatsQueryOptions = () =>
  queryOptions({ queryKey: ['drills', 'stats'], queryFn: ({ signal }) => getDrillStats(signal), staleTime: 0 });

export const useDrillStats = () => useQuery(getDrillStatsQueryOptions());
