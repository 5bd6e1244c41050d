import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { AttemptDelivery, StartAttemptInput } from '../types';
import { getAttemptQueryOptions } from './get-attempt';

export const startAttempt = (body: StartAttemptInput): Promise<AttemptDelivery> =>
  call(() => api.POST('/api/attempts', { body }));

export const useStartAttempt = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startAttempt,
    onSuccess: (attempt) => {
      queryClient.setQueryData(getAttemptQueryOptions(attempt.id).queryKey, attempt);
      void queryClient.invalidateQueries({ queryKey: ['attempts', 'history'] });
    },
  });
};
