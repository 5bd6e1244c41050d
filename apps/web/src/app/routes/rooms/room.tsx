import { useParams } from 'react-router';
import { RoomLayout } from '@/features/rooms/components/room-layout';
import { RoomPage } from '@/features/rooms/components/room-page';

/** `/rooms/:id`: the live room (members only: the session or the guest's member token). Yjs and Monaco load with this chunk. */
export function Component() {
  const { id = '' } = useParams();
  return (
    <RoomLayout>
      <RoomPage key={id} roomId={id} />
    </RoomLayout>
  );
}
