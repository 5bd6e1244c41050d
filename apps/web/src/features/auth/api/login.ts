import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import { userQueryKey, userQueryOptions, type User } from '@/lib/auth';

export type LoginInput = Schemas['LoginDto'];

export const login = (input: LoginInput): Promise<Schemas['AuthResultDto']> =>
  call(() => api.POST('/api/auth/login', { body: input }));

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
