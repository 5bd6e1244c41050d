import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import { collectPages } from '@/lib/paging';

export type SetListItem = Schemas['QuestionSetListItemDto'];

export const setsQueryKey = (orgId: string, archived: boolean) => ['question-sets', orgId, 'list', archived] as const;

/** The endpoint's maximum page size. */
const PAGE = 500;

export const getSets = (orgId: string, archived: boolean, signal?: AbortSignal): Promise<SetListItem[]> =>
  collectPages(PAGE, (offset, limit) =>
    call(() =>
      api.GET('/api/orgs/{orgId}/sets', {
        params: { path: { orgId }, query: { archived: archived ? 'true' : 'false', limit, offset } },
        ...(signal ? { signal } : {}),
      }),
    ),
  );

export const getSetsQueryOptions = (orgId: string, archived: boolean) =>
  queryOptions({ queryKey: setsQueryKey(orgId, archived), queryFn: ({ signal }) => getSets(orgId, archived, signal) });

export const useSets = (orgId: string | undefined, archived = false) => useQuery({ ...getSetsQueryOptions(orgId ?? '', archived), enabled: Boolean(orgId) });
