import { api, call } from '@/lib/api-client';
import type { AttemptDelivery } from '../types';

/** Starts the test, or resumes the attempt already open for this invite; `language` counts only where the set lets the candidate choose. */
export const startCandidateAttempt = (language?: 'en' | 'zh-CN'): Promise<AttemptDelivery> =>
  call(() => api.POST('/api/candidate/start', { body: language !== undefined ? { language } : {} }));
