import type { Page } from 'playwright-core';
import { RegisterPage } from './register-page';
import { RoomPage } from './room-page';
import { uniqueEmail } from '../support/artifacts';

/**
 * A peer practice room between two learners, made through the UI: the first signs up and opens
 * the room (taking the interviewer seat), the second signs up and joins by the candidate link.
 */
export async function openPeerRoom(first: Page, second: Page, names: [string, string], title: string): Promise<{ roomId: string; first: RoomPage; second: RoomPage }> {
  await RegisterPage.signUp(first, { displayName: names[0], email: uniqueEmail('peer-a'), password: 'practice with a peer' });
  await first.goto('/rooms');
  await first.getByLabel('Kind of room').selectOption('peer');
  await first.getByLabel('Name (optional)').fill(title);
  await first.getByLabel('Role').selectOption('backend');
  await first.getByLabel('Level').selectOption('mid');
  await first.getByTestId('create-room').click();
  await first.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
  const roomId = new URL(first.url()).pathname.split('/').at(-1)!;
  const a = new RoomPage(first);
  await a.waitForEditor();
  const link = await first.getByTestId('candidate-link').inputValue();

  await RegisterPage.signUp(second, { displayName: names[1], email: uniqueEmail('peer-b'), password: 'practice with a peer' });
  await second.goto(link);
  await second.getByTestId('join-room').click();
  await second.waitForURL(new RegExp(`/rooms/${roomId}$`));
  const b = new RoomPage(second);
  await b.waitForEditor();
  return { roomId, first: a, second: b };
}
