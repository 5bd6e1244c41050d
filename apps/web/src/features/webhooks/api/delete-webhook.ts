import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import { webhooksQueryKey } from './get-webhooks';

export const deleteWebhook = (orgId: string, id: string): Promise<void> =>
  call(() => api.DELETE('/api/orgs/{orgId}/webhooks/{id}', { params: { path: { orgId, id } } }));

export const useDeleteWebhook = (orgId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteWebhook(orgId, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey(orgId) }),
  });
};
