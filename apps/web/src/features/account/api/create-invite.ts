import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export type CreateInviteInput = { orgId: string; email: string };
export type OrgInvite = { token: string; link: string; expiresAt: string };

export const createInvite = ({ orgId, email }: CreateInviteInput): Promise<OrgInvite> =>
  apiRequest<OrgInvite>(`/orgs/${encodeURIComponent(orgId)}/invites`, { method: 'POST', body: { email } });

export const useCreateInvite = () => useMutation({ mutationFn: createInvite });
