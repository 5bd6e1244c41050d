import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { CandidateReport } from '../types';

export const getReport = (orgId: string, attemptId: string, signal?: AbortSignal): Promise<CandidateReport> =>
  call(() => api.GET('/api/orgs/{orgId}/results/{attemptId}', { params: { path: { orgId, attemptId } }, ...(signal ? { signal } : {}) }));

export const reportQueryKey = (orgId: string, attemptId: string) => ['orgs', orgId, 'results', attemptId] as const;

/** While a code task's final run waits for a runner (or its verdict is not applied to the grade yet), look again every few seconds. */
const JUDGING_REFRESH_MS = 3000;

const judging = (report: CandidateReport | undefined): boolean =>
  report?.items.some((item) => item.judge !== undefined && (item.judge.state === 'queued' || item.judge.state === 'running' || item.status === 'pending')) ?? false;

export const getReportQueryOptions = (orgId: string, attemptId: string) =>
  queryOptions({
    queryKey: reportQueryKey(orgId, attemptId),
    queryFn: ({ signal }) => getReport(orgId, attemptId, signal),
    refetchInterval: (query) => (judging(query.state.data) ? JUDGING_REFRESH_MS : false),
  });

export const useReport = (orgId: string, attemptId: string) => useQuery(getReportQueryOptions(orgId, attemptId));
