import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import { orgQuestionsQueryKey } from './get-org-questions';

export type OrgQuestionImport = Schemas['OrgQuestionImportDto'];
export type OrgQuestionImportResult = Schemas['OrgQuestionImportResultDto'];

export const importOrgQuestions = ({ orgId, body }: { orgId: string; body: OrgQuestionImport }): Promise<OrgQuestionImportResult> =>
  call(() => api.POST('/api/orgs/{orgId}/questions/import', { params: { path: { orgId } }, body }));

export function useImportOrgQuestions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importOrgQuestions,
    onSuccess: (_result, { orgId }) => queryClient.invalidateQueries({ queryKey: orgQuestionsQueryKey(orgId) }),
  });
}
