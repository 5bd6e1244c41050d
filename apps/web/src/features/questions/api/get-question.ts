import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { QuestionDetail } from '../types';

export const getQuestion = (id: string, signal?: AbortSignal): Promise<QuestionDetail> =>
  call(() => api.GET('/api/questions/{id}', { params: { path: { id } }, ...(signal ? { signal } : {}) }));

export const getQuestionQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['questions', 'detail', id], queryFn: ({ signal }) => getQuestion(id, signal) });

export const useQuestion = (id: string) => useQuery(getQuestionQueryOptions(id));
