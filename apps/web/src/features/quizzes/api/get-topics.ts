import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { Topic } from '../types';

export const getQuizTopics = (): Promise<Topic[]> => call(() => api.GET('/api/topics'));

export const getQuizTopicsQueryOptions = () =>
  queryOptions({ queryKey: ['topics'], queryFn: getQuizTopics, staleTime: 10 * 60_000 });

export const useQuizTopics = () => useQuery(getQuizTopicsQueryOptions());
