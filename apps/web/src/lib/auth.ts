import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, isApiError } from './api-client';

/**
 * The session user (GET /api/me). Shared glue rather than a feature: the shell, the route guard,
 * the auth forms and the account page all read it, and features must not import each other.
 */
export type Role = 'learner' | 'manager' | 'admin';
export type OrgMembership = { id: string; name: string; role: string };
export type User = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizations: OrgMembership[];
};

export const userQueryKey = ['me'] as const;

/** Resolves to null when nobody is logged in (401), so "logged out" is data, not an error. */
export async function getUser(): Promise<User | null> {
  try {
    return await apiRequest<User>('/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const userQueryOptions = () =>
  queryOptions({ queryKey: userQueryKey, queryFn: getUser, staleTime: 5 * 60_000 });

export const useUser = () => useQuery(userQueryOptions());

export async function logout(): Promise<void> {
  await apiRequest<void>('/auth/logout', { method: 'POST' });
}
