import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import { userQueryKey, userQueryOptions, type User } from '@/lib/auth';

export type RegisterInput = Schemas['RegisterDto'];

export const register = (input: RegisterInput): Promise<Schemas['AuthResultDto']> =>
  call(() => api.POST('/api/auth/register', { body: input }));

export function useRegister(options: { onSuccess?: (user: User) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userQueryKey });
      const user = await queryClient.fetchQuery({ ...userQueryOptions(), staleTime: 0 });
      if (user) options.onSuccess?.(user);
    },
  });
}
