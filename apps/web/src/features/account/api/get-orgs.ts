import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export type Organization = { id: string; name: string; role: string };

export const getOrgs = (): Promise<Organization[]> => apiRequest<Organization[]>('/orgs');

export const orgsQueryKey = ['orgs'] as const;

export const getOrgsQueryOptions = () => queryOptions({ queryKey: orgsQueryKey, queryFn: getOrgs });

export const useOrgs = () => useQuery(getOrgsQueryOptions());
