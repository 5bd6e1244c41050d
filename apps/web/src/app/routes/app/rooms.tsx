import { RoomsPage } from '@/features/rooms/components/rooms-page';

/** "Mock interview rooms": create one, and my open rooms and history. */
export function Component() {
  return <RoomsPage />;
}
