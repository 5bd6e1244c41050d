import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';

export type ApiToken = Schemas['ApiTokenDto'];
export type TokenScope = ApiToken['scopes'][number];

/** Whose tokens: the signed-in user's own, or an organization's. */
export type TokenOwner = { kind: 'personal' } | { kind: 'organization'; orgId: string };

export const tokensQueryKey = (owner: TokenOwner) =>
  owner.kind === 'personal' ? (['api-tokens', 'me'] as const) : (['api-tokens', 'org', owner.orgId] as const);

export const getTokens = (owner: TokenOwner): Promise<ApiToken[]> =>
  owner.kind === 'personal'
    ? call(() => api.GET('/api/me/tokens'))
    : call(() => api.GET('/api/orgs/{orgId}/tokens', { params: { path: { orgId: owner.orgId } } }));

export const getTokensQueryOptions = (owner: TokenOwner) =>
  queryOptions({ queryKey: tokensQueryKey(owner), queryFn: () => getTokens(owner) });

export const useTokens = (owner: TokenOwner) => useQuery(getTokensQueryOptions(owner));
