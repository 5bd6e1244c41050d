import { api, call } from '@/lib/api-client';
import type { AnswerSaved, SaveAnswerInput } from '../types';

/** One idempotent save of an item's answer. Autosave (hooks/use-autosave) queues and retries these. */
export const saveAnswer = (id: string, position: number, body: SaveAnswerInput): Promise<AnswerSaved> =>
  call(() => api.PUT('/api/attempts/{id}/items/{position}/answer', { params: { path: { id, position } }, body }));
