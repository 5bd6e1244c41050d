/**
 * A guest's member token, per room, kept for this tab only (sessionStorage): it is the guest's
 * whole identity in the room, so it must not outlive the tab or leak into another profile.
 */
const key = (roomId: string) => `goprep.room.${roomId}`;

export function saveGuestToken(roomId: string, token: string): void {
  try {
    sessionStorage.setItem(key(roomId), token);
  } catch {
    // Storage unavailable (private mode): the guest keeps the room only while this page lives.
    memory.set(roomId, token);
  }
}

const memory = new Map<string, string>();

export function guestToken(roomId: string): string | undefined {
  try {
    return sessionStorage.getItem(key(roomId)) ?? memory.get(roomId);
  } catch {
    return memory.get(roomId);
  }
}
