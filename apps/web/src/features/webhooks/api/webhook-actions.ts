import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { WebhookDelivery } from '../types';
import { deliveriesQueryKey } from './get-deliveries';

export const rotateWebhookSecret = (orgId: string, id: string): Promise<string> =>
  call(() => api.POST('/api/orgs/{orgId}/webhooks/{id}/secret/rotate', { params: { path: { orgId, id } } })).then((r) => r.secret);

export const sendTestEvent = (orgId: string, id: string): Promise<WebhookDelivery> =>
  call(() => api.POST('/api/orgs/{orgId}/webhooks/{id}/test', { params: { path: { orgId, id } } }));

export const redeliver = (orgId: string, id: string, deliveryId: string): Promise<WebhookDelivery> =>
  call(() => api.POST('/api/orgs/{orgId}/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { orgId, id, deliveryId } } }));

export const useRotateSecret = (orgId: string, id: string) => useMutation({ mutationFn: () => rotateWebhookSecret(orgId, id) });

export const useSendTestEvent = (orgId: string, id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendTestEvent(orgId, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveriesQueryKey(orgId, id) }),
  });
};

export const useRedeliver = (orgId: string, id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => redeliver(orgId, id, deliveryId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveriesQueryKey(orgId, id) }),
  });
};
