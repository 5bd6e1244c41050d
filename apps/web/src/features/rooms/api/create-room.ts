import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRoomInput, Room } from '../types';
import { roomsQueryKey } from './get-rooms';
import { rememberJoinLinks } from './join-links';
import { roomRequest } from './room-request';

export const createRoom = (input: CreateRoomInput): Promise<Room> => roomRequest<Room>('POST', '/api/rooms', { body: input });

export const useCreateRoom = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createRoom,
    onSuccess: (room) => {
      rememberJoinLinks(client, room);
      return client.invalidateQueries({ queryKey: roomsQueryKey });
    },
  });
};
