import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import { userQueryKey } from '@/lib/auth';

export type ResetPasswordInput = Schemas['ResetPasswordDto'];

export const resetPassword = async (input: ResetPasswordInput): Promise<void> => {
  await call(() => api.POST('/api/auth/password/reset', { body: input }));
};

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    // A reset logs out every session of the account, this browser's included if it had one.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userQueryKey }),
  });
}
