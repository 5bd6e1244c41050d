import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import { userQueryKey } from '@/lib/auth';
import { orgsQueryKey, type Organization } from './get-orgs';

export const acceptInvite = (token: string): Promise<Organization> =>
  call(() => api.POST('/api/org-invites/accept', { body: { token } }));

export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvite,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orgsQueryKey }),
        queryClient.invalidateQueries({ queryKey: userQueryKey }),
      ]);
    },
  });
}
