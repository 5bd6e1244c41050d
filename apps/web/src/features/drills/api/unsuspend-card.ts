import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { DeckCard } from '../types';

type CardState = Omit<DeckCard, 'title' | 'topic' | 'lastReview'>;

/** Takes a suspended card (a leech, say) back into the learner's queue. */
export const unsuspendCard = (questionId: string): Promise<CardState> =>
  call(() => api.POST('/api/drills/cards/{questionId}/unsuspend', { params: { path: { questionId } } }));

export const useUnsuspendCard = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unsuspendCard,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['drills'] }),
  });
};
