import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { SetResults } from '../types';
import { nextResultsOffset } from '../utils/results-page';
import { apiQuery, type ResultsQuery } from '../utils/results-query';

/** Rows per page of the results table ("show more" asks for the next one; the API allows up to 500). */
export const RESULTS_PAGE = 100;

export const getResults = (orgId: string, setId: string, query: ResultsQuery, offset = 0, signal?: AbortSignal): Promise<SetResults> =>
  call(() =>
    api.GET('/api/orgs/{orgId}/sets/{setId}/results', {
      params: { path: { orgId, setId }, query: { ...apiQuery(query), limit: RESULTS_PAGE, offset } },
      ...(signal ? { signal } : {}),
    }),
  );

export const resultsQueryKey = (orgId: string, setId: string) => ['orgs', orgId, 'sets', setId, 'results'] as const;

export const getResultsQueryOptions = (orgId: string, setId: string, query: ResultsQuery) =>
  infiniteQueryOptions({
    queryKey: [...resultsQueryKey(orgId, setId), query],
    queryFn: ({ pageParam, signal }) => getResults(orgId, setId, query, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: nextResultsOffset,
    placeholderData: keepPreviousData,
  });

export const useResults = (orgId: string, setId: string, query: ResultsQuery) => useInfiniteQuery(getResultsQueryOptions(orgId, setId, query));
