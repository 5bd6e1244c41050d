import { useParams } from 'react-router';
import { JoinPage } from '@/features/rooms/components/join-page';
import { RoomLayout } from '@/features/rooms/components/room-layout';

/** `/rooms/join/:joinToken`: public; a guest joins with a display name, a user with their account. */
export function Component() {
  const { joinToken = '' } = useParams();
  return (
    <RoomLayout>
      <JoinPage joinToken={joinToken} />
    </RoomLayout>
  );
}
