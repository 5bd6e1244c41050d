import { api, call } from '@/lib/api-client';
import type { AttemptDelivery } from '../types';

/** Starts the test, or resumes the attempt already open for this invite. */
export const startCandidateAttempt = (): Promise<AttemptDelivery> => call(() => api.POST('/api/candidate/start'));
