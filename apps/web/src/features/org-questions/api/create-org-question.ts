import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import type { OrgQuestion } from './get-org-question';

export type OrgQuestionInput = Schemas['OrgQuestionInputDto'];

export const createOrgQuestion = ({ orgId, body }: { orgId: string; body: OrgQuestionInput }): Promise<OrgQuestion> =>
  call(() => api.POST('/api/orgs/{orgId}/questions', { params: { path: { orgId } }, body }));

export function useCreateOrgQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrgQuestion,
    onSuccess: (_question, { orgId }) => queryClient.invalidateQueries({ queryKey: ['org-questions', orgId] }),
  });
}
