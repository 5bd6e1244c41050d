import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { OrgQuestionInput } from './create-org-question';
import { orgQuestionQueryKey, type OrgQuestion } from './get-org-question';

export const updateOrgQuestion = ({ orgId, id, body }: { orgId: string; id: string; body: OrgQuestionInput }): Promise<OrgQuestion> =>
  call(() => api.PUT('/api/orgs/{orgId}/questions/{id}', { params: { path: { orgId, id } }, body }));

export function useUpdateOrgQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrgQuestion,
    onSuccess: async (question, { orgId, id }) => {
      queryClient.setQueryData(orgQuestionQueryKey(orgId, id), question);
      await queryClient.invalidateQueries({ queryKey: ['org-questions', orgId], exact: true });
    },
  });
}
