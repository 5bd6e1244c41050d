import { useMutation } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';

export const rotateWebhookSecret = (orgId: string, id: string): Promise<string> =>
  call(() => api.POST('/api/orgs/{orgId}/webhooks/{id}/secret/rotate', { params: { path: { orgId, id } } })).then((r) => r.secret);

export const useRotateSecret = (orgId: string, id: string) => useMutation({ mutationFn: () => rotateWebhookSecret(orgId, id) });
