import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RoomSummary } from '../types';
import { roomRequest } from './room-request';

export const getRooms = (signal?: AbortSignal): Promise<RoomSummary[]> =>
  roomRequest<{ items: RoomSummary[] }>('GET', '/api/rooms', signal ? { signal } : {}).then((r) => r.items);

export const roomsQueryKey = ['rooms'] as const;

export const getRoomsQueryOptions = () => queryOptions({ queryKey: roomsQueryKey, queryFn: ({ signal }) => getRooms(signal) });

export const useRooms = () => useQuery(getRoomsQueryOptions());
