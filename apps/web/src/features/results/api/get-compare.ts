import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { CompareResults } from '../types';

export const getCompare = (orgId: string, ids: string[], signal?: AbortSignal): Promise<CompareResults> =>
  call(() => api.GET('/api/orgs/{orgId}/results/compare', { params: { path: { orgId }, query: { ids: ids.join(',') } }, ...(signal ? { signal } : {}) }));

export const getCompareQueryOptions = (orgId: string, ids: string[]) =>
  queryOptions({ queryKey: ['orgs', orgId, 'results', 'compare', ids], queryFn: ({ signal }) => getCompare(orgId, ids, signal), enabled: ids.length >= 2 });

export const useCompare = (orgId: string, ids: string[]) => useQuery(getCompareQueryOptions(orgId, ids));
