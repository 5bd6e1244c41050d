import { useMutation } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';

export type CreateInviteInput = { orgId: string; email: string };
export type OrgInvite = Schemas['OrgInviteCreatedDto'];

export const createInvite = ({ orgId, email }: CreateInviteInput): Promise<OrgInvite> =>
  call(() => api.POST('/api/orgs/{id}/invites', { params: { path: { id: orgId } }, body: { email } }));

export const useCreateInvite = () => useMutation({ mutationFn: createInvite });
