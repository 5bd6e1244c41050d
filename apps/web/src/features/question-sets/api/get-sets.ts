import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';

export type SetListItem = Schemas['QuestionSetListItemDto'];

export const setsQueryKey = (orgId: string, archived: boolean) => ['question-sets', orgId, 'list', archived] as const;

export const getSets = (orgId: string, archived: boolean, signal?: AbortSignal): Promise<SetListItem[]> =>
  call(() => api.GET('/api/orgs/{orgId}/sets', { params: { path: { orgId }, query: { archived: archived ? 'true' : 'false' } }, ...(signal ? { signal } : {}) }));

export const getSetsQueryOptions = (orgId: string, archived: boolean) =>
  queryOptions({ queryKey: setsQueryKey(orgId, archived), queryFn: ({ signal }) => getSets(orgId, archived, signal) });

export const useSets = (orgId: string | undefined, archived = false) => useQuery({ ...getSetsQueryOptions(orgId ?? '', archived), enabled: Boolean(orgId) });
