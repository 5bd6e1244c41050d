import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';

export type Organization = Schemas['OrganizationDto'];

export const getOrgs = (): Promise<Organization[]> => call(() => api.GET('/api/orgs'));

export const orgsQueryKey = ['orgs'] as const;

export const getOrgsQueryOptions = () => queryOptions({ queryKey: orgsQueryKey, queryFn: getOrgs });

export const useOrgs = () => useQuery(getOrgsQueryOptions());
