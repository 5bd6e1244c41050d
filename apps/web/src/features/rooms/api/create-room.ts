import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRoomInput, Room } from '../types';
import { roomsQueryKey } from './get-rooms';
import { roomRequest } from './room-request';

export const createRoom = (input: CreateRoomInput): Promise<Room> => roomRequest<Room>('POST', '/api/rooms', { body: input });

export const useCreateRoom = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: createRoom, onSuccess: () => client.invalidateQueries({ queryKey: roomsQueryKey }) });
};
