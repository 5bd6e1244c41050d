import { api, call } from '@/lib/api-client';

/** Read on demand only (the "Reveal" button), never cached. */
export const getWebhookSecret = (orgId: string, id: string): Promise<string> =>
  call(() => api.GET('/api/orgs/{orgId}/webhooks/{id}/secret', { params: { path: { orgId, id } } })).then((r) => r.secret);
