import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { AttemptSummary } from '../types';

export const submitAttempt = (id: string): Promise<AttemptSummary> =>
  call(() => api.POST('/api/attempts/{id}/submit', { params: { path: { id } } }));

export const useSubmitAttempt = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitAttempt,
    onSettled: (_data, _error, id) => {
      void queryClient.invalidateQueries({ queryKey: ['attempts', 'review', id] });
      void queryClient.invalidateQueries({ queryKey: ['attempts', 'history'] });
    },
  });
};
