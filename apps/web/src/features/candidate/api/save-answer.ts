import { api, call } from '@/lib/api-client';
import type { AnswerSaved, SaveAnswerInput } from '../types';

/** One idempotent save of an answer; the runner's autosave queues and retries these. The cookie names the attempt. */
export const saveCandidateAnswer = (_attemptId: string, position: number, body: SaveAnswerInput): Promise<AnswerSaved> =>
  call(() => api.PUT('/api/candidate/attempt/items/{position}/answer', { params: { path: { position } }, body }));
