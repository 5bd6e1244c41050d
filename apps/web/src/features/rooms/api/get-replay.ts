import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Replay } from '../types';
import { roomRequest } from './room-request';

export const getReplay = (roomId: string, signal?: AbortSignal): Promise<Replay> =>
  roomRequest<Replay>('GET', `/api/rooms/${encodeURIComponent(roomId)}/replay`, { roomId, ...(signal ? { signal } : {}) });

export const useReplay = (roomId: string) =>
  useQuery(queryOptions({ queryKey: ['rooms', roomId, 'replay'] as const, queryFn: ({ signal }) => getReplay(roomId, signal), staleTime: Infinity }));
