import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { userQueryKey } from '@/lib/auth';
import { orgsQueryKey, type Organization } from './get-orgs';

export type CreateOrgInput = { name: string };

export const createOrg = (input: CreateOrgInput): Promise<Organization> =>
  apiRequest<Organization>('/orgs', { method: 'POST', body: input });

export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrg,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orgsQueryKey }),
        queryClient.invalidateQueries({ queryKey: userQueryKey }),
      ]);
    },
  });
}
