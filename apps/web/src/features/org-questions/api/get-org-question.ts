import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';

export type OrgQuestion = Schemas['OrgQuestionDto'];

export const orgQuestionQueryKey = (orgId: string, id: string) => ['org-questions', orgId, 'detail', id] as const;

export const getOrgQuestion = (orgId: string, id: string, signal?: AbortSignal): Promise<OrgQuestion> =>
  call(() => api.GET('/api/orgs/{orgId}/questions/{id}', { params: { path: { orgId, id } }, ...(signal ? { signal } : {}) }));

export const getOrgQuestionQueryOptions = (orgId: string, id: string) =>
  queryOptions({ queryKey: orgQuestionQueryKey(orgId, id), queryFn: ({ signal }) => getOrgQuestion(orgId, id, signal) });

export const useOrgQuestion = (orgId: string, id: string | undefined) =>
  useQuery({ ...getOrgQuestionQueryOptions(orgId, id ?? ''), enabled: Boolean(id) });
