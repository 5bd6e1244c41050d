import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { DueQueue } from '../types';

export const getDue = (signal?: AbortSignal): Promise<DueQueue> =>
  call(() => api.GET('/api/drills/due', signal ? { signal } : {}));

// The session holds the card on screen itself, so a background refetch never swaps it away.
export const getDueQueryOptions = () =>
  queryOptions({ queryKey: ['drills', 'due'], queryFn: ({ signal }) => getDue(signal), staleTime: 0, refetchOnWindowFocus: false });

export const useDue = () => useQuery(getDueQueryOptions());
