import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { InviteRoom } from '../types';

export const getInviteRooms = (orgId: string, inviteId: string, signal?: AbortSignal): Promise<InviteRoom[]> =>
  call(() => api.GET('/api/orgs/{orgId}/invites/{inviteId}/rooms', { params: { path: { orgId, inviteId } }, ...(signal ? { signal } : {}) })).then((r) => r.items);

export const inviteRoomsQueryKey = (orgId: string, inviteId: string) => ['orgs', orgId, 'invites', inviteId, 'rooms'] as const;

/** A candidate's live rounds with their scorecards (managers of the organization). */
export const useInviteRooms = (orgId: string, inviteId: string) =>
  useQuery(queryOptions({ queryKey: inviteRoomsQueryKey(orgId, inviteId), queryFn: ({ signal }) => getInviteRooms(orgId, inviteId, signal) }));
