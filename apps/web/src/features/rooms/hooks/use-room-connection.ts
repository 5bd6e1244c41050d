import { useEffect, useState, useSyncExternalStore } from 'react';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { env } from '@/config/env';
import type { MemberRole, RunEntry } from '../types';
import { guestToken } from '../utils/guest-token';
import { fileNames, metaString, runsOf } from '../utils/room-doc';

export type Presence = { clientId: number; name: string; color: string; role: MemberRole; self: boolean };
export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected' | 'denied';

/** The WebSocket endpoint on the API's own origin (ws: beside http:, wss: beside https:). */
function wsUrl(): string {
  const origin = env.apiOrigin || window.location.origin;
  return `${origin.replace(/^http/, 'ws')}/api/rooms/ws`;
}

/**
 * One room's shared document over Hocuspocus. The token is the guest's member token, or
 * 'cookie', which tells the server to read the session from the upgrade request.
 */
export function useRoomConnection(roomId: string, user: { name: string; color: string; role: MemberRole }) {
  const [conn] = useState(() => {
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({
      url: wsUrl(),
      name: `room:${roomId}`,
      document: doc,
      token: guestToken(roomId) ?? 'cookie',
    });
    return { doc, provider };
  });
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [synced, setSynced] = useState(false);

  useEffect(() => {
    const { provider } = conn;
    const onStatus = ({ status: s }: { status: string }) =>
      setStatus((prev) => (prev === 'denied' ? prev : s === 'connected' ? 'connected' : s === 'connecting' ? 'connecting' : 'disconnected'));
    const onSynced = ({ state }: { state: boolean }) => setSynced(state);
    const onDenied = () => setStatus('denied');
    provider.on('status', onStatus);
    provider.on('synced', onSynced);
    provider.on('authenticationFailed', onDenied);
    if (provider.isSynced) setSynced(true);
    return () => {
      provider.off('status', onStatus);
      provider.off('synced', onSynced);
      provider.off('authenticationFailed', onDenied);
    };
  }, [conn]);

  // Who I am to the others: name, colour and role travel in the awareness state.
  useEffect(() => {
    conn.provider.setAwarenessField('user', user);
  }, [conn, user]);

  useEffect(
    () => () => {
      conn.provider.destroy();
      conn.doc.destroy();
    },
    [conn],
  );

  return { ...conn, status, synced };
}

/** Re-renders on any change of the document; `read` must return a stable value for unchanged state. */
export function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const [cache] = useState(() => ({ version: 0, value: undefined as T | undefined, readVersion: -1 }));
  const value = useSyncExternalStore(
    (notify) => {
      const onUpdate = () => {
        cache.version++;
        notify();
      };
      doc.on('update', onUpdate);
      return () => doc.off('update', onUpdate);
    },
    () => {
      if (cache.readVersion !== cache.version) {
        cache.value = read(doc);
        cache.readVersion = cache.version;
      }
      return cache.value as T;
    },
  );
  return value;
}

export const useFileNames = (doc: Y.Doc) => useDocValue(doc, (d) => fileNames(d));
export const usePrompt = (doc: Y.Doc) => useDocValue(doc, (d) => metaString(d, 'prompt'));
export const useRuns = (doc: Y.Doc) => useDocValue(doc, (d) => runsOf(d).toArray() as RunEntry[]);

/** Everyone in the room right now, from the awareness states (one entry per connected tab). */
export function usePresence(provider: HocuspocusProvider): Presence[] {
  const [list, setList] = useState<Presence[]>([]);
  useEffect(() => {
    const awareness = provider.awareness;
    if (!awareness) return;
    const read = () => {
      const out: Presence[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const u = (state as { user?: { name?: unknown; color?: unknown; role?: unknown } }).user;
        if (!u || typeof u.name !== 'string') return;
        out.push({
          clientId,
          name: u.name,
          color: typeof u.color === 'string' ? u.color : '#555',
          role: u.role === 'interviewer' ? 'interviewer' : 'candidate',
          self: clientId === awareness.clientID,
        });
      });
      setList(out);
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [provider]);
  return list;
}
