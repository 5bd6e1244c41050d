import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { Topic } from '../types';

export const getTopics = (): Promise<Topic[]> => call(() => api.GET('/api/topics'));

export const getTopicsQueryOptions = () =>
  queryOptions({ queryKey: ['topics'], queryFn: getTopics, staleTime: 10 * 60_000 });

export const useTopics = () => useQuery(getTopicsQueryOptions());
