import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { AttemptHistory } from '../types';

export const getHistory = (signal?: AbortSignal): Promise<AttemptHistory> =>
  call(() => api.GET('/api/attempts', { ...(signal ? { signal } : {}) }));

export const getHistoryQueryOptions = () =>
  queryOptions({ queryKey: ['attempts', 'history'], queryFn: ({ signal }) => getHistory(signal) });

export const useHistory = () => useQuery(getHistoryQueryOptions());
