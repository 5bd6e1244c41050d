import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import { userQueryKey } from '@/lib/auth';

export type ContentLanguage = Schemas['UpdateMeSettingsDto']['contentLanguage'];

export const updateSettings = (body: Schemas['UpdateMeSettingsDto']): Promise<Schemas['MeDto']> =>
  call(() => api.PATCH('/api/me/settings', { body }));

/** Saves the setting; every cached question (quizzes, drills) was delivered in the old language, so all are refetched. */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: async (me) => {
      queryClient.setQueryData(userQueryKey, me);
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== userQueryKey[0] });
    },
  });
}
