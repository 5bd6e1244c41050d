import { useMutation } from '@tanstack/react-query';
import type { JoinResult } from '../types';
import { saveGuestToken } from '../utils/guest-token';
import { roomRequest } from './room-request';

/** Joins by link; a guest (no session) gets a member token, kept for this tab. */
export async function joinRoom(input: { joinToken: string; displayName?: string }): Promise<JoinResult> {
  const result = await roomRequest<JoinResult>('POST', '/api/rooms/join', { body: input });
  if (result.memberToken) saveGuestToken(result.room.id, result.memberToken);
  return result;
}

export const useJoinRoom = () => useMutation({ mutationFn: joinRoom });
