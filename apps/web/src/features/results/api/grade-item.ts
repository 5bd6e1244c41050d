import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { CandidateReport, GradeInput } from '../types';
import { reportQueryKey } from './get-report';

export const gradeItem = (orgId: string, attemptId: string, position: number, body: GradeInput): Promise<CandidateReport> =>
  call(() => api.PUT('/api/orgs/{orgId}/results/{attemptId}/items/{position}/grade', { params: { path: { orgId, attemptId, position } }, body }));

export const useGradeItem = (orgId: string, attemptId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ position, body }: { position: number; body: GradeInput }) => gradeItem(orgId, attemptId, position, body),
    onSuccess: (report) => {
      queryClient.setQueryData(reportQueryKey(orgId, attemptId), report);
      void queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'sets', report.setId] });
    },
  });
};
