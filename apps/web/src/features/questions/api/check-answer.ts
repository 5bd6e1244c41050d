import { useMutation } from '@tanstack/react-query';
import type { QuestionResponse } from '@goprep/domain';
import { api, call } from '@/lib/api-client';
import type { CheckResult } from '../types';

/** "Try it": the server grades one answer and only then sends the key and the explanation. */
export const checkAnswer = ({ id, response }: { id: string; response: QuestionResponse }): Promise<CheckResult> =>
  call(() => api.POST('/api/questions/{id}/check', { params: { path: { id } }, body: { response: response as unknown as Record<string, unknown> } }));

export const useCheckAnswer = () => useMutation({ mutationFn: checkAnswer });
