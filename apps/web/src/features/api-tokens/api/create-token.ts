import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import { tokensQueryKey, type TokenOwner } from './get-tokens';

export type CreateTokenInput = Schemas['CreateApiTokenDto'];
export type CreatedToken = Schemas['ApiTokenCreatedDto'];

export const createToken = (owner: TokenOwner, body: CreateTokenInput): Promise<CreatedToken> =>
  owner.kind === 'personal'
    ? call(() => api.POST('/api/me/tokens', { body }))
    : call(() => api.POST('/api/orgs/{orgId}/tokens', { params: { path: { orgId: owner.orgId } }, body }));

export const useCreateToken = (owner: TokenOwner) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenInput) => createToken(owner, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey(owner) }),
  });
};
