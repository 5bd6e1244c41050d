import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import type { QuestionSet } from './get-set';

export type CreateSetInput = Schemas['CreateQuestionSetDto'];

export const createSet = ({ orgId, body }: { orgId: string; body: CreateSetInput }): Promise<QuestionSet> =>
  call(() => api.POST('/api/orgs/{orgId}/sets', { params: { path: { orgId } }, body }));

export function useCreateSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSet,
    onSuccess: (_set, { orgId }) => queryClient.invalidateQueries({ queryKey: ['question-sets', orgId, 'list'] }),
  });
}
