import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import type { QuestionSet } from './get-set';

export type SetExport = Schemas['QuestionSetExportDto'];

/** The body is the JSON export file as it is; the server validates it all or nothing. */
export const importSet = ({ orgId, body }: { orgId: string; body: SetExport }): Promise<QuestionSet> =>
  call(() => api.POST('/api/orgs/{orgId}/sets/import', { params: { path: { orgId } }, body }));

export function useImportSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importSet,
    onSuccess: (_set, { orgId }) => queryClient.invalidateQueries({ queryKey: ['question-sets', orgId, 'list'] }),
  });
}
