import { useMutation } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-client';

export type DeckChange = Schemas['DeckChangeDto'];

/** Adds the attempt's items that were not fully correct to the learner's spaced-repetition deck. */
export const drillMissed = (attemptId: string): Promise<DeckChange> =>
  call(() => api.POST('/api/drills/deck', { body: { attemptId, onlyMissed: true } }));

export const useDrillMissed = () => useMutation({ mutationFn: drillMissed });
