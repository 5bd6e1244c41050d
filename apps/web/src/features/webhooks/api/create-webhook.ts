import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { WebhookEndpointCreated, WebhookEndpointInput } from '../types';
import { webhooksQueryKey } from './get-webhooks';

export const createWebhook = (orgId: string, body: WebhookEndpointInput): Promise<WebhookEndpointCreated> =>
  call(() => api.POST('/api/orgs/{orgId}/webhooks', { params: { path: { orgId } }, body }));

export const useCreateWebhook = (orgId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookEndpointInput) => createWebhook(orgId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey(orgId) }),
  });
};
