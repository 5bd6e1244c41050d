import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { SetVersionStatistics } from '../types';

export const getStatistics = (orgId: string, setId: string, version: number, signal?: AbortSignal): Promise<SetVersionStatistics> =>
  call(() =>
    api.GET('/api/orgs/{orgId}/sets/{setId}/versions/{version}/statistics', { params: { path: { orgId, setId, version } }, ...(signal ? { signal } : {}) }),
  );

export const getStatisticsQueryOptions = (orgId: string, setId: string, version: number) =>
  queryOptions({
    queryKey: ['orgs', orgId, 'sets', setId, 'statistics', version],
    queryFn: ({ signal }) => getStatistics(orgId, setId, version, signal),
    enabled: version > 0,
  });

export const useStatistics = (orgId: string, setId: string, version: number) => useQuery(getStatisticsQueryOptions(orgId, setId, version));
