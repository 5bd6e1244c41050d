import type { Schemas } from '@/lib/api-client';

export type Invite = Schemas['InviteDto'];
export type InviteStatus = Invite['status'];
export type InviteCreated = Schemas['InviteCreatedDto'];
export type CreateInvitesInput = Schemas['CreateInvitesDto'];
export type InviteOverrideInput = Schemas['InviteOverrideDto'];
