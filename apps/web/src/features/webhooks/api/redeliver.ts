import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { WebhookDelivery } from '../types';
import { deliveriesQueryKey } from './get-deliveries';

export const redeliver = (orgId: string, id: string, deliveryId: string): Promise<WebhookDelivery> =>
  call(() => api.POST('/api/orgs/{orgId}/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { orgId, id, deliveryId } } }));

export const useRedeliver = (orgId: string, id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => redeliver(orgId, id, deliveryId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveriesQueryKey(orgId, id) }),
  });
};
