import { useMutation } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';

/** The drills deck API (`POST /api/drills/deck`) with the question ids a scorecard marks as struggled with: ids only, never a key. */
export const drillStruggled = (questionIds: string[]) => call(() => api.POST('/api/drills/deck', { body: { questionIds } }));

export const useDrillStruggled = () => useMutation({ mutationFn: drillStruggled });
