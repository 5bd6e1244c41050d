import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { userQueryKey } from '@/lib/auth';
import { orgsQueryKey, type Organization } from './get-orgs';

export const acceptInvite = (token: string): Promise<Organization> =>
  apiRequest<Organization>('/org-invites/accept', { method: 'POST', body: { token } });

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
