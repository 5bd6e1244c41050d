import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { WebhookDelivery } from '../types';

export const getDeliveries = (orgId: string, id: string, signal?: AbortSignal): Promise<WebhookDelivery[]> =>
  call(() => api.GET('/api/orgs/{orgId}/webhooks/{id}/deliveries', { params: { path: { orgId, id }, query: { limit: 50 } }, ...(signal ? { signal } : {}) }));

export const deliveriesQueryKey = (orgId: string, id: string) => ['orgs', orgId, 'webhooks', id, 'deliveries'] as const;

/** Refreshed every few seconds while a delivery is still pending (retries land on their own). */
export const getDeliveriesQueryOptions = (orgId: string, id: string) =>
  queryOptions({
    queryKey: deliveriesQueryKey(orgId, id),
    queryFn: ({ signal }) => getDeliveries(orgId, id, signal),
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === 'pending') ? 3000 : false),
  });

export const useDeliveries = (orgId: string, id: string, enabled: boolean) => useQuery({ ...getDeliveriesQueryOptions(orgId, id), enabled });
