import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import { tokensQueryKey, type TokenOwner } from './get-tokens';

export const revokeToken = (owner: TokenOwner, id: string): Promise<void> =>
  (owner.kind === 'personal'
    ? call(() => api.DELETE('/api/me/tokens/{id}', { params: { path: { id } } }))
    : call(() => api.DELETE('/api/orgs/{orgId}/tokens/{id}', { params: { path: { orgId: owner.orgId, id } } }))
  ).then(() => undefined);

export const useRevokeToken = (owner: TokenOwner) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => revokeToken(owner, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey(owner) }),
  });
};
