import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { CandidateReport } from '../types';

export const getReport = (orgId: string, attemptId: string, signal?: AbortSignal): Promise<CandidateReport> =>
  call(() => api.GET('/api/orgs/{orgId}/results/{attemptId}', { params: { path: { orgId, attemptId } }, ...(signal ? { signal } : {}) }));

export const reportQueryKey = (orgId: string, attemptId: string) => ['orgs', orgId, 'results', attemptId] as const;

export const getReportQueryOptions = (orgId: string, attemptId: string) =>
  queryOptions({ queryKey: reportQueryKey(orgId, attemptId), queryFn: ({ signal }) => getReport(orgId, attemptId, signal) });

export const useReport = (orgId: string, attemptId: string) => useQuery(getReportQueryOptions(orgId, attemptId));
