import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Page, QuestionFilters, QuestionSummary } from '../types';

export const getQuestions = (filters: QuestionFilters, signal?: AbortSignal): Promise<Page<QuestionSummary>> =>
  apiRequest<Page<QuestionSummary>>('/questions', { query: { ...filters }, ...(signal ? { signal } : {}) });

export const getQuestionsQueryOptions = (filters: QuestionFilters) =>
  queryOptions({
    queryKey: ['questions', filters],
    queryFn: ({ signal }) => getQuestions(filters, signal),
    placeholderData: keepPreviousData,
  });

export const useQuestions = (filters: QuestionFilters) => useQuery(getQuestionsQueryOptions(filters));
