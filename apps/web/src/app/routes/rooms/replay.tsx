import { useParams } from 'react-router';
import { ReplayPage } from '@/features/rooms/components/replay-page';
import { RoomLayout } from '@/features/rooms/components/room-layout';

export function Component() {
  const { id = '' } = useParams();
  return (
    <RoomLayout>
      <ReplayPage roomId={id} />
    </RoomLayout>
  );
}
