import { useMutation } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';

export type ChangePasswordInput = Schemas['ChangePasswordDto'];

export const changePassword = async (input: ChangePasswordInput): Promise<void> => {
  await call(() => api.POST('/api/auth/password', { body: input }));
};

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
