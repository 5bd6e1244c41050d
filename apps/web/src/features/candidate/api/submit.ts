import { api, call } from '@/lib/api-client';

export const submitCandidateAttempt = (): Promise<unknown> => call(() => api.POST('/api/candidate/attempt/submit'));
