import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { WebhookEndpoint, WebhookEndpointCreated, WebhookEndpointInput } from '../types';
import { webhooksQueryKey } from './get-webhooks';

export const createWebhook = (orgId: string, body: WebhookEndpointInput): Promise<WebhookEndpointCreated> =>
  call(() => api.POST('/api/orgs/{orgId}/webhooks', { params: { path: { orgId } }, body }));

export const updateWebhook = (orgId: string, id: string, body: WebhookEndpointInput): Promise<WebhookEndpoint> =>
  call(() => api.PUT('/api/orgs/{orgId}/webhooks/{id}', { params: { path: { orgId, id } }, body }));

export const deleteWebhook = (orgId: string, id: string): Promise<void> =>
  call(() => api.DELETE('/api/orgs/{orgId}/webhooks/{id}', { params: { path: { orgId, id } } }));

export const useCreateWebhook = (orgId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookEndpointInput) => createWebhook(orgId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey(orgId) }),
  });
};

export const useUpdateWebhook = (orgId: string, id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookEndpointInput) => updateWebhook(orgId, id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey(orgId) }),
  });
};

export const useDeleteWebhook = (orgId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteWebhook(orgId, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey(orgId) }),
  });
};
