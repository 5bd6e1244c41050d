import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';

export type QuestionSet = Schemas['QuestionSetDto'];
export type SetVersion = Schemas['QuestionSetVersionDto'];
export type SetItemView = Schemas['SetItemDto'];
export type SetSummaryView = Schemas['SetSummaryDto'];

export const setQueryKey = (orgId: string, setId: string) => ['question-sets', orgId, 'detail', setId] as const;

export const getSet = (orgId: string, setId: string, signal?: AbortSignal): Promise<QuestionSet> =>
  call(() => api.GET('/api/orgs/{orgId}/sets/{setId}', { params: { path: { orgId, setId } }, ...(signal ? { signal } : {}) }));

export const getSetQueryOptions = (orgId: string, setId: string) =>
  queryOptions({ queryKey: setQueryKey(orgId, setId), queryFn: ({ signal }) => getSet(orgId, setId, signal) });

export const useSet = (orgId: string, setId: string) => useQuery(getSetQueryOptions(orgId, setId));
