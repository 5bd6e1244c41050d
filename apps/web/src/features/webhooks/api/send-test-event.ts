import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { WebhookDelivery } from '../types';
import { deliveriesQueryKey } from './get-deliveries';

export const sendTestEvent = (orgId: string, id: string): Promise<WebhookDelivery> =>
  call(() => api.POST('/api/orgs/{orgId}/webhooks/{id}/test', { params: { path: { orgId, id } } }));

export const useSendTestEvent = (orgId: string, id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendTestEvent(orgId, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveriesQueryKey(orgId, id) }),
  });
};
