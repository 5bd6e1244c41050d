import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import { collectPages } from '@/lib/paging';
import type { Invite } from '../types';

/** The endpoint's maximum page size. */
const PAGE = 500;

export const getInvites = (orgId: string, setId: string, signal?: AbortSignal): Promise<Invite[]> =>
  collectPages(PAGE, (offset, limit) =>
    call(() => api.GET('/api/orgs/{orgId}/sets/{setId}/invites', { params: { path: { orgId, setId }, query: { limit, offset } }, ...(signal ? { signal } : {}) })),
  );

export const invitesQueryKey = (orgId: string, setId: string) => ['orgs', orgId, 'sets', setId, 'invites'] as const;

export const getInvitesQueryOptions = (orgId: string, setId: string) =>
  queryOptions({ queryKey: invitesQueryKey(orgId, setId), queryFn: ({ signal }) => getInvites(orgId, setId, signal) });

export const useInvites = (orgId: string, setId: string) => useQuery(getInvitesQueryOptions(orgId, setId));
