import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call, isApiError, type Schemas } from './api-client';

/**
 * The session user (GET /api/me). Shared glue rather than a feature: the shell, the route guard,
 * the auth forms and the account page all read it, and features must not import each other.
 */
export type User = Schemas['MeDto'];
export type Role = User['role'];

export const userQueryKey = ['me'] as const;

/** Resolves to null when nobody is logged in (401), so "logged out" is data, not an error. */
export async function getUser(): Promise<User | null> {
  try {
    return await call(() => api.GET('/api/me'));
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const userQueryOptions = () =>
  queryOptions({ queryKey: userQueryKey, queryFn: getUser, staleTime: 5 * 60_000 });

export const useUser = () => useQuery(userQueryOptions());

export async function logout(): Promise<void> {
  await call(() => api.POST('/api/auth/logout'));
}
