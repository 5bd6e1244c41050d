import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import { setQueryKey, type QuestionSet } from './get-set';

export type DraftInput = Schemas['SetDraftInputDto'];

export const saveDraft = ({ orgId, setId, body }: { orgId: string; setId: string; body: DraftInput }): Promise<QuestionSet> =>
  call(() => api.PUT('/api/orgs/{orgId}/sets/{setId}/draft', { params: { path: { orgId, setId } }, body }));

export function useSaveDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveDraft,
    onSuccess: (set, { orgId, setId }) => {
      queryClient.setQueryData(setQueryKey(orgId, setId), set);
      void queryClient.invalidateQueries({ queryKey: ['question-sets', orgId, 'audit'] });
      return queryClient.invalidateQueries({ queryKey: ['question-sets', orgId, 'list'] });
    },
  });
}
