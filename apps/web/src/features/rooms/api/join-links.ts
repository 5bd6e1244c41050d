import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Room } from '../types';
import { roomRequest } from './room-request';

type Links = NonNullable<Room['joinLinks']>;

/**
 * The join links exist only in the answers that mint them (the API keeps a hash of each token):
 * the room's creation and "new links". They are kept in the query cache for this tab; nothing
 * fetches them again, and minting new ones invalidates the old links.
 */
// Outside the ['rooms'] prefix: invalidating the room list must not refetch (and so lose) the links.
export const joinLinksQueryKey = (roomId: string) => ['room-join-links', roomId] as const;

export const rememberJoinLinks = (client: QueryClient, room: Room) => {
  if (room.joinLinks) client.setQueryData(joinLinksQueryKey(room.id), room.joinLinks);
};

export const useJoinLinks = (roomId: string) =>
  useQuery(
    queryOptions<Links | null>({
      queryKey: joinLinksQueryKey(roomId),
      queryFn: () => null,
      staleTime: Infinity,
      gcTime: Infinity,
    }),
  );

export const reissueJoinLinks = (roomId: string) => roomRequest<Room>('POST', `/api/rooms/${encodeURIComponent(roomId)}/links`, { roomId });

export function useReissueJoinLinks(roomId: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => reissueJoinLinks(roomId), onSuccess: (room) => rememberJoinLinks(client, room) });
}
