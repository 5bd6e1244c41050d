import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Room } from '../types';
import { roomRequest } from './room-request';

export const getRoom = (roomId: string, signal?: AbortSignal): Promise<Room> =>
  roomRequest<Room>('GET', `/api/rooms/${encodeURIComponent(roomId)}`, { roomId, ...(signal ? { signal } : {}) });

export const roomQueryKey = (roomId: string) => ['rooms', roomId] as const;

/** Polled: members joining, the timer starting and the room ending arrive without a reload. */
export const getRoomQueryOptions = (roomId: string) =>
  queryOptions({ queryKey: roomQueryKey(roomId), queryFn: ({ signal }) => getRoom(roomId, signal), refetchInterval: 5000, retry: false });

export const useRoom = (roomId: string) => useQuery(getRoomQueryOptions(roomId));
