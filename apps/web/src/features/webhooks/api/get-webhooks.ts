import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { WebhookEndpoint } from '../types';

export const getWebhooks = (orgId: string, signal?: AbortSignal): Promise<WebhookEndpoint[]> =>
  call(() => api.GET('/api/orgs/{orgId}/webhooks', { params: { path: { orgId } }, ...(signal ? { signal } : {}) }));

export const webhooksQueryKey = (orgId: string) => ['orgs', orgId, 'webhooks'] as const;

export const getWebhooksQueryOptions = (orgId: string) => queryOptions({ queryKey: webhooksQueryKey(orgId), queryFn: ({ signal }) => getWebhooks(orgId, signal) });

export const useWebhooks = (orgId: string) => useQuery(getWebhooksQueryOptions(orgId));
