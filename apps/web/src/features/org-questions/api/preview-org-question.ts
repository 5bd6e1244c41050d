import { useMutation } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';
import type { OrgQuestionInput } from './create-org-question';

/** What a candidate is shown (no key): the server validates the input as for a create and stores nothing. */
export type OrgQuestionPreview = Schemas['QuestionDeliveryDto'];

export const previewOrgQuestion = ({ orgId, body }: { orgId: string; body: OrgQuestionInput }): Promise<OrgQuestionPreview> =>
  call(() => api.POST('/api/orgs/{orgId}/questions/preview', { params: { path: { orgId } }, body }));

export function usePreviewOrgQuestion() {
  return useMutation({ mutationFn: previewOrgQuestion });
}
