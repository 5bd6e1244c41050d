import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import { collectPages } from '@/lib/paging';

export type OrgQuestionSummary = Schemas['OrgQuestionSummaryDto'];

export const orgQuestionsQueryKey = (orgId: string) => ['org-questions', orgId] as const;

/** The endpoint's maximum page size. */
const PAGE = 500;

export const getOrgQuestions = (orgId: string, signal?: AbortSignal): Promise<OrgQuestionSummary[]> =>
  collectPages(PAGE, (offset, limit) =>
    call(() => api.GET('/api/orgs/{orgId}/questions', { params: { path: { orgId }, query: { limit, offset } }, ...(signal ? { signal } : {}) })),
  );

export const getOrgQuestionsQueryOptions = (orgId: string) =>
  queryOptions({ queryKey: orgQuestionsQueryKey(orgId), queryFn: ({ signal }) => getOrgQuestions(orgId, signal) });

export const useOrgQuestions = (orgId: string | undefined) =>
  useQuery({ ...getOrgQuestionsQueryOptions(orgId ?? ''), enabled: Boolean(orgId) });
