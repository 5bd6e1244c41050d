import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { Topic } from '../types';

export const getDrillTopics = (): Promise<Topic[]> => call(() => api.GET('/api/topics'));

export const getDrillTopicsQueryOptions = () =>
  queryOptions({ queryKey: ['topics'], queryFn: getDrillTopics, staleTime: 10 * 60_000 });

export const useDrillTopics = () => useQuery(getDrillTopicsQueryOptions());
