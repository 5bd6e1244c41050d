import { useParams } from 'react-router';
import { RoomLayout } from '@/features/rooms/components/room-layout';
import { ScorecardPage } from '@/features/rooms/components/scorecard-page';

export function Component() {
  const { id = '' } = useParams();
  return (
    <RoomLayout>
      <ScorecardPage roomId={id} />
    </RoomLayout>
  );
}
