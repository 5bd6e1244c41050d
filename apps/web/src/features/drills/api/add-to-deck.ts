import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { DeckChange, TopicId } from '../types';

/** Adds every question of a topic to the learner's deck (cards already there are kept). */
export const addTopicToDeck = (topic: TopicId): Promise<DeckChange> =>
  call(() => api.POST('/api/drills/deck', { body: { topic } }));

export const useAddTopicToDeck = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addTopicToDeck,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['drills'] }),
  });
};
