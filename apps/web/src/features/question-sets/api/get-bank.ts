import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { paths } from '@goprep/api-client';
import { api, call, type Schemas } from '@/lib/api-client';

export type BankQuestion = Schemas['QuestionSummaryDto'];
export type BankPage = Schemas['QuestionPageDto'];
export type BankTopic = Schemas['TopicDto'];
export type QuestionPreview = Schemas['LocalizedQuestionPreviewDto'];

type ListQuery = NonNullable<paths['/api/questions']['get']['parameters']['query']>;

/** The builder's bank search; empty strings mean "any". */
export interface BankFilters {
  q: string;
  topic: string;
  type: string;
  difficulty: string;
  tag: string;
  page: number;
}

export const BANK_PAGE_SIZE = 8;

/** The language the builder shows questions in: the set's; undefined (the reader's own) when candidates choose. */
export type BankLocale = 'en' | 'zh-CN' | undefined;

function toQuery(filters: BankFilters, locale: BankLocale): ListQuery {
  const difficulty = Number(filters.difficulty);
  return {
    ...(locale ? { locale } : {}),
    page: filters.page,
    pageSize: BANK_PAGE_SIZE,
    ...(filters.topic ? { topic: filters.topic as ListQuery['topic'] } : {}),
    ...(filters.type ? { type: filters.type as ListQuery['type'] } : {}),
    ...(Number.isInteger(difficulty) && difficulty > 0 ? { difficulty } : {}),
    ...(filters.tag.trim() ? { tag: filters.tag.trim() } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
  };
}

export const getBank = (filters: BankFilters, locale: BankLocale, signal?: AbortSignal): Promise<BankPage> =>
  call(() => api.GET('/api/questions', { params: { query: toQuery(filters, locale) }, ...(signal ? { signal } : {}) }));

export const useBank = (filters: BankFilters, locale: BankLocale) =>
  useQuery(
    queryOptions({ queryKey: ['question-sets', 'bank', filters, locale ?? 'reader'], queryFn: ({ signal }) => getBank(filters, locale, signal), placeholderData: keepPreviousData }),
  );

export const useBankTopics = () =>
  useQuery(queryOptions({ queryKey: ['topics'], queryFn: (): Promise<BankTopic[]> => call(() => api.GET('/api/topics')), staleTime: 10 * 60_000 }));

/** The manager preview: the question with its key and explanation. */
export const getPreview = (id: string, locale: BankLocale, signal?: AbortSignal): Promise<QuestionPreview> =>
  call(() => api.GET('/api/questions/{id}/preview', { params: { path: { id }, query: locale ? { locale } : {} }, ...(signal ? { signal } : {}) }));

export const usePreview = (id: string | undefined, locale: BankLocale) =>
  useQuery({
    queryKey: ['questions', 'preview', id, locale ?? 'reader'],
    queryFn: ({ signal }) => getPreview(id ?? '', locale, signal),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
