import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';

export const retireOrgQuestion = ({ orgId, id }: { orgId: string; id: string }): Promise<void> =>
  call(() => api.DELETE('/api/orgs/{orgId}/questions/{id}', { params: { path: { orgId, id } } })).then(() => undefined);

export function useRetireOrgQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retireOrgQuestion,
    onSuccess: (_void, { orgId, id }) => {
      queryClient.removeQueries({ queryKey: ['org-questions', orgId, 'detail', id] });
      return queryClient.invalidateQueries({ queryKey: ['org-questions', orgId], exact: true });
    },
  });
}
