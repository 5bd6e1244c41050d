import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Asked, Room } from '../types';
import { roomQueryKey } from './get-room';
import { roomRequest } from './room-request';

const path = (roomId: string, action: string) => `/api/rooms/${encodeURIComponent(roomId)}/${action}`;

export const startRoom = (roomId: string) => roomRequest<Room>('POST', path(roomId, 'start'), { roomId });
export const swapRoles = (roomId: string) => roomRequest<Room>('POST', path(roomId, 'swap'), { roomId });
export const endRoom = (roomId: string) => roomRequest<Room>('POST', path(roomId, 'end'), { roomId });
export const pushQuestion = (roomId: string, questionId: string) =>
  roomRequest<{ asked: Asked }>('POST', path(roomId, 'push'), { roomId, body: { questionId } });
export const runCode = (roomId: string) => roomRequest<{ runId: string }>('POST', path(roomId, 'run'), { roomId });

/** A room action whose answer is the room itself: the cached room is replaced by it. */
export function useRoomAction(roomId: string, action: (roomId: string) => Promise<Room>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => action(roomId),
    onSuccess: (room) => client.setQueryData(roomQueryKey(roomId), room),
  });
}

export function usePushQuestion(roomId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (questionId: string) => pushQuestion(roomId, questionId),
    onSuccess: () => client.invalidateQueries({ queryKey: roomQueryKey(roomId) }),
  });
}

export const useRunCode = (roomId: string) => useMutation({ mutationFn: () => runCode(roomId) });
