import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { userQueryKey, userQueryOptions, type User } from '@/lib/auth';

export type RegisterInput = { email: string; password: string; displayName: string };

export function register(input: RegisterInput): Promise<{ user: User }> {
  return apiRequest<{ user: User }>('/auth/register', { method: 'POST', body: input });
}

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
