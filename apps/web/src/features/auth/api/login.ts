import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { userQueryKey, userQueryOptions, type User } from '@/lib/auth';

export type LoginInput = { email: string; password: string };

export function login(input: LoginInput): Promise<{ user: User }> {
  return apiRequest<{ user: User }>('/auth/login', { method: 'POST', body: input });
}

export function useLogin(options: { onSuccess?: (user: User) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async () => {
      // /me carries memberships the login response may not; read the full picture once.
      await queryClient.invalidateQueries({ queryKey: userQueryKey });
      const user = await queryClient.fetchQuery({ ...userQueryOptions(), staleTime: 0 });
      if (user) options.onSuccess?.(user);
    },
  });
}
