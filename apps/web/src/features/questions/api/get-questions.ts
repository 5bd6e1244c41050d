import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { paths } from '@goprep/api-client';
import { api, call } from '@/lib/api-client';
import type { QuestionFilters, QuestionPage } from '../types';

type ListQuery = NonNullable<paths['/api/questions']['get']['parameters']['query']>;

/** URL strings to the API's query types; the server validates the values (400 on nonsense). */
function toQuery(filters: QuestionFilters): ListQuery {
  const difficulty = Number(filters.difficulty);
  return {
    page: filters.page,
    pageSize: filters.pageSize,
    ...(filters.topic ? { topic: filters.topic as ListQuery['topic'] } : {}),
    ...(filters.type ? { type: filters.type as ListQuery['type'] } : {}),
    ...(Number.isInteger(difficulty) && difficulty > 0 ? { difficulty } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.q ? { q: filters.q } : {}),
  };
}

export const getQuestions = (filters: QuestionFilters, signal?: AbortSignal): Promise<QuestionPage> =>
  call(() => api.GET('/api/questions', { params: { query: toQuery(filters) }, ...(signal ? { signal } : {}) }));

export const getQuestionsQueryOptions = (filters: QuestionFilters) =>
  queryOptions({
    queryKey: ['questions', filters],
    queryFn: ({ signal }) => getQuestions(filters, signal),
    placeholderData: keepPreviousData,
  });

export const useQuestions = (filters: QuestionFilters) => useQuery(getQuestionsQueryOptions(filters));
