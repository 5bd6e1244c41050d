import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { CreateInvitesInput, InviteCreated } from '../types';
import { invitesQueryKey } from './get-invites';

export const createInvites = (orgId: string, setId: string, body: CreateInvitesInput): Promise<InviteCreated[]> =>
  call(() => api.POST('/api/orgs/{orgId}/sets/{setId}/invites', { params: { path: { orgId, setId } }, body })).then((r) => r.invites);

export const useCreateInvites = (orgId: string, setId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitesInput) => createInvites(orgId, setId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitesQueryKey(orgId, setId) }),
  });
};
