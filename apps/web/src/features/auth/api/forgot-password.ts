import { useMutation } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';

export type ForgotPasswordInput = Schemas['ForgotPasswordDto'];
export type ForgotPasswordResult = Schemas['ForgotPasswordResultDto'];

export const forgotPassword = (input: ForgotPasswordInput): Promise<ForgotPasswordResult> =>
  call(() => api.POST('/api/auth/password/forgot', { body: input }));

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
