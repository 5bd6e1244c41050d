import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { AttemptDelivery } from '../types';

export const getAttempt = (id: string, signal?: AbortSignal): Promise<AttemptDelivery> =>
  call(() => api.GET('/api/attempts/{id}', { params: { path: { id } }, ...(signal ? { signal } : {}) }));

// The runner anchors its clock on `now`, so it always loads a fresh copy.
export const getAttemptQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['attempts', 'delivery', id], queryFn: ({ signal }) => getAttempt(id, signal), staleTime: 0, gcTime: 0 });

export const useAttempt = (id: string) => useQuery(getAttemptQueryOptions(id));
