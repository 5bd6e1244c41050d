import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';

/** Adds one bank question to the learner's drills (a card already there is kept). */
export const addQuestionToDrills = (id: string) => call(() => api.POST('/api/drills/deck', { body: { questionIds: [id] } }));

export const useAddQuestionToDrills = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addQuestionToDrills,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['drills'] }),
  });
};
