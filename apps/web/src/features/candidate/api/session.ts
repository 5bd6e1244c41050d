import { api, call } from '@/lib/api-client';
import type { CandidateStatus } from '../types';

/** Trades the link's token (from the URL fragment, never sent in a URL) for the candidate cookie. */
export const openSession = (token: string): Promise<CandidateStatus> =>
  call(() => api.POST('/api/candidate/session', { body: { token } }));
