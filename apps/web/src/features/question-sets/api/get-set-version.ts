import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { SetVersion } from './get-set';

export const getSetVersion = (orgId: string, setId: string, version: number, signal?: AbortSignal): Promise<SetVersion> =>
  call(() => api.GET('/api/orgs/{orgId}/sets/{setId}/versions/{version}', { params: { path: { orgId, setId, version } }, ...(signal ? { signal } : {}) }));

export const getSetVersionQueryOptions = (orgId: string, setId: string, version: number) =>
  queryOptions({
    queryKey: ['question-sets', orgId, 'detail', setId, 'version', version],
    queryFn: ({ signal }) => getSetVersion(orgId, setId, version, signal),
  });

export const useSetVersion = (orgId: string, setId: string, version: number) => useQuery(getSetVersionQueryOptions(orgId, setId, version));
