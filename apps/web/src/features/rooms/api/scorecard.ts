import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-client';
import type { Scorecard, ScorecardInput } from '../types';
import { roomRequest } from './room-request';

const scorecardPath = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/scorecard`;

/** Null until the interviewer has saved one (the API answers 404). */
export async function getScorecard(roomId: string, signal?: AbortSignal): Promise<Scorecard | null> {
  try {
    return await roomRequest<Scorecard>('GET', scorecardPath(roomId), { roomId, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export const scorecardQueryKey = (roomId: string) => ['rooms', roomId, 'scorecard'] as const;

export const useScorecard = (roomId: string) =>
  useQuery(queryOptions({ queryKey: scorecardQueryKey(roomId), queryFn: ({ signal }) => getScorecard(roomId, signal) }));

export const saveScorecard = (roomId: string, input: ScorecardInput) =>
  roomRequest<Scorecard>('PUT', scorecardPath(roomId), { roomId, body: input });

export function useSaveScorecard(roomId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ScorecardInput) => saveScorecard(roomId, input),
    onSuccess: (card) => client.setQueryData(scorecardQueryKey(roomId), card),
  });
}
