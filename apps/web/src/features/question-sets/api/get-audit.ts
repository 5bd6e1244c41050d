import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import { collectPages } from '@/lib/paging';

export type AuditEvent = Schemas['AuditEventDto'];

export const auditQueryKey = (orgId: string, setId: string) => ['question-sets', orgId, 'audit', setId] as const;

/** The endpoint's maximum page size. */
const PAGE = 500;

export const getAudit = (orgId: string, setId: string, signal?: AbortSignal): Promise<AuditEvent[]> =>
  collectPages(PAGE, (offset, limit) =>
    call(() => api.GET('/api/orgs/{orgId}/sets/{setId}/audit', { params: { path: { orgId, setId }, query: { limit, offset } }, ...(signal ? { signal } : {}) })),
  );

export const useAudit = (orgId: string, setId: string) =>
  useQuery(queryOptions({ queryKey: auditQueryKey(orgId, setId), queryFn: ({ signal }) => getAudit(orgId, setId, signal) }));
