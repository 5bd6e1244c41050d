import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { SetResults } from '../types';
import { apiQuery, type ResultsQuery } from '../utils/results-query';

export const getResults = (orgId: string, setId: string, query: ResultsQuery, signal?: AbortSignal): Promise<SetResults> =>
  call(() =>
    api.GET('/api/orgs/{orgId}/sets/{setId}/results', { params: { path: { orgId, setId }, query: apiQuery(query) }, ...(signal ? { signal } : {}) }),
  );

export const resultsQueryKey = (orgId: string, setId: string) => ['orgs', orgId, 'sets', setId, 'results'] as const;

export const getResultsQueryOptions = (orgId: string, setId: string, query: ResultsQuery) =>
  queryOptions({
    queryKey: [...resultsQueryKey(orgId, setId), query],
    queryFn: ({ signal }) => getResults(orgId, setId, query, signal),
    placeholderData: keepPreviousData,
  });

export const useResults = (orgId: string, setId: string, query: ResultsQuery) => useQuery(getResultsQueryOptions(orgId, setId, query));
