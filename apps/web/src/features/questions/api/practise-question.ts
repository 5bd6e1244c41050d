import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';

/** "Practise this task": a one-item attempt on exactly this bank question. */
export const practiseQuestion = (questionId: string) => call(() => api.POST('/api/attempts', { body: { mode: 'quick', questionId } }));

export const usePractiseQuestion = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: practiseQuestion,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['attempts', 'history'] }),
  });
};
