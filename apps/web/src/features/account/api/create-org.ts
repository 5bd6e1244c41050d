import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import { userQueryKey } from '@/lib/auth';
import { orgsQueryKey, type Organization } from './get-orgs';

export type CreateOrgInput = Schemas['CreateOrganizationDto'];

export const createOrg = (input: CreateOrgInput): Promise<Organization> =>
  call(() => api.POST('/api/orgs', { body: input }));

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
