import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { AttemptSummary } from '../types';

/** Gives up an open attempt: closed as abandoned, never scored (left out of trends and statistics). */
export const abandonAttempt = (id: string): Promise<AttemptSummary> =>
  call(() => api.POST('/api/attempts/{id}/abandon', { params: { path: { id } } }));

export const useAbandonAttempt = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: abandonAttempt,
    onSettled: (_data, _error, id) => {
      void queryClient.invalidateQueries({ queryKey: ['attempts', 'history'] });
      void queryClient.invalidateQueries({ queryKey: ['attempts', 'delivery', id] });
    },
  });
};
