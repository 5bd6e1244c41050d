import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import { ssoSettingsQueryKey } from './sso-settings';

export type SsoDomain = Schemas['SsoDomainDto'];

export const verifySsoDomain = ({ orgId, domain }: { orgId: string; domain: string }): Promise<SsoDomain> =>
  call(() => api.POST('/api/orgs/{id}/sso/domains/{domain}/verify', { params: { path: { id: orgId, domain } } }));

/** Asks goprep to look up the domain's challenge TXT record now. */
export function useVerifySsoDomain(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (domain: string) => verifySsoDomain({ orgId, domain }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ssoSettingsQueryKey(orgId) });
    },
  });
}
