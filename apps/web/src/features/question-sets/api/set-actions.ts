import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import { setQueryKey, type QuestionSet } from './get-set';

type Target = { orgId: string; setId: string };

export const publishSet = ({ orgId, setId }: Target): Promise<QuestionSet> =>
  call(() => api.POST('/api/orgs/{orgId}/sets/{setId}/publish', { params: { path: { orgId, setId } } }));

export const duplicateSet = ({ orgId, setId }: Target): Promise<QuestionSet> =>
  call(() => api.POST('/api/orgs/{orgId}/sets/{setId}/duplicate', { params: { path: { orgId, setId } } }));

export const archiveSet = ({ orgId, setId }: Target): Promise<QuestionSet> =>
  call(() => api.POST('/api/orgs/{orgId}/sets/{setId}/archive', { params: { path: { orgId, setId } } }));

export const unarchiveSet = ({ orgId, setId }: Target): Promise<QuestionSet> =>
  call(() => api.POST('/api/orgs/{orgId}/sets/{setId}/unarchive', { params: { path: { orgId, setId } } }));

/** One mutation hook per action; each refreshes the set it changed and the org's lists. */
function useSetAction(action: (target: Target) => Promise<QuestionSet>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (set, { orgId }) => {
      queryClient.setQueryData(setQueryKey(orgId, set.id), set);
      void queryClient.invalidateQueries({ queryKey: ['question-sets', orgId, 'audit'] });
      return queryClient.invalidateQueries({ queryKey: ['question-sets', orgId, 'list'] });
    },
  });
}

export const usePublishSet = () => useSetAction(publishSet);
export const useDuplicateSet = () => useSetAction(duplicateSet);
export const useArchiveSet = () => useSetAction(archiveSet);
export const useUnarchiveSet = () => useSetAction(unarchiveSet);
