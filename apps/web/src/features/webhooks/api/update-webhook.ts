import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { WebhookEndpoint, WebhookEndpointInput } from '../types';
import { webhooksQueryKey } from './get-webhooks';

export const updateWebhook = (orgId: string, id: string, body: WebhookEndpointInput): Promise<WebhookEndpoint> =>
  call(() => api.PUT('/api/orgs/{orgId}/webhooks/{id}', { params: { path: { orgId, id } }, body }));

export const useUpdateWebhook = (orgId: string, id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookEndpointInput) => updateWebhook(orgId, id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey(orgId) }),
  });
};
