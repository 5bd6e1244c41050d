import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';

export type SsoSettings = Schemas['SsoSettingsDto'];
export type SaveSsoInput = Schemas['SaveSsoConfigDto'];

export const getSsoSettings = (orgId: string): Promise<SsoSettings> =>
  call(() => api.GET('/api/orgs/{id}/sso', { params: { path: { id: orgId } } }));

export const ssoSettingsQueryKey = (orgId: string) => ['orgs', orgId, 'sso'] as const;

export const getSsoSettingsQueryOptions = (orgId: string) =>
  queryOptions({ queryKey: ssoSettingsQueryKey(orgId), queryFn: () => getSsoSettings(orgId) });

export const useSsoSettings = (orgId: string) => useQuery(getSsoSettingsQueryOptions(orgId));

export const saveSsoSettings = ({ orgId, body }: { orgId: string; body: SaveSsoInput }): Promise<Schemas['SsoConfigDto']> =>
  call(() => api.PUT('/api/orgs/{id}/sso', { params: { path: { id: orgId } }, body }));

export function useSaveSsoSettings(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveSsoInput) => saveSsoSettings({ orgId, body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ssoSettingsQueryKey(orgId) });
    },
  });
}
