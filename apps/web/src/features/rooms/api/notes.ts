import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Note } from '../types';
import { roomRequest } from './room-request';

const notesPath = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/notes`;

export const getNotes = (roomId: string, signal?: AbortSignal): Promise<Note[]> =>
  roomRequest<Note[] | { items: Note[] }>('GET', notesPath(roomId), { roomId, ...(signal ? { signal } : {}) }).then((r) =>
    Array.isArray(r) ? r : r.items,
  );

export const notesQueryKey = (roomId: string) => ['rooms', roomId, 'notes'] as const;

export const useNotes = (roomId: string) =>
  useQuery(queryOptions({ queryKey: notesQueryKey(roomId), queryFn: ({ signal }) => getNotes(roomId, signal) }));

export const addNote = (roomId: string, body: string) => roomRequest<Note>('POST', notesPath(roomId), { roomId, body: { body } });

export function useAddNote(roomId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => addNote(roomId, body),
    onSuccess: (note) => client.setQueryData<Note[]>(notesQueryKey(roomId), (old) => [...(old ?? []), note]),
  });
}
