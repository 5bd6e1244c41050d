import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { Invite, InviteCreated, InviteOverrideInput } from '../types';
import { invitesQueryKey } from './get-invites';

export const revokeInvite = (orgId: string, inviteId: string): Promise<Invite> =>
  call(() => api.POST('/api/orgs/{orgId}/invites/{inviteId}/revoke', { params: { path: { orgId, inviteId } } }));

export const overrideInvite = (orgId: string, inviteId: string, body: InviteOverrideInput): Promise<Invite> =>
  call(() => api.PUT('/api/orgs/{orgId}/invites/{inviteId}/override', { params: { path: { orgId, inviteId } }, body }));

export const useRevokeInvite = (orgId: string, setId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inviteId: string) => revokeInvite(orgId, inviteId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitesQueryKey(orgId, setId) }),
  });
};

export const useOverrideInvite = (orgId: string, setId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ inviteId, body }: { inviteId: string; body: InviteOverrideInput }) => overrideInvite(orgId, inviteId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitesQueryKey(orgId, setId) }),
  });
};

/** A fresh link for the same invite; the old link stops working. */
export const reissueInvite = (orgId: string, inviteId: string): Promise<InviteCreated> =>
  call(() => api.POST('/api/orgs/{orgId}/invites/{inviteId}/reissue', { params: { path: { orgId, inviteId } }, body: {} }));

export const useReissueInvite = (orgId: string, setId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inviteId: string) => reissueInvite(orgId, inviteId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitesQueryKey(orgId, setId) }),
  });
};
