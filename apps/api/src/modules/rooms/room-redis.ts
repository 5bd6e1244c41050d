import { randomUUID } from 'node:crypto';
import type { Logger } from '@nestjs/common';
import { Redis as IORedis } from 'ioredis';
import { loadHocuspocusRedis, type HocuspocusExtension } from './esm-deps';

/** Prefix of every Redis key and channel the rooms use (the Hocuspocus document channels and locks too). */
export const ROOM_REDIS_PREFIX = 'goprep:rooms';
/** The channel on which an instance asks all instances to close a room's sockets (end, swap). */
const CLOSE_CHANNEL = `${ROOM_REDIS_PREFIX}:close`;
/** How long the Redis extension keeps a document's channel after its last connection (late sync messages). */
export const ROOM_REDIS_DISCONNECT_DELAY_MS = 1000;
/** How long the boot waits for Redis before it gives up. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * What several API instances share through Redis: the Hocuspocus Redis extension (it relays
 * document updates and awareness between the instances that hold a room's document, and takes a
 * lock around each store), and a channel on which closing a room's sockets reaches every instance.
 */
export interface RoomRedis {
  extension: HocuspocusExtension;
  /** Resolves once every connection is ready; rejects (naming REDIS_URL) when Redis cannot be reached. */
  ready(): Promise<void>;
  /** Closes the sockets of a room on every instance, this one included. */
  closeRoom(roomId: string): Promise<void>;
  close(): Promise<void>;
}

/** `redis://user:secret@host` without the secret, for messages. */
export function redactedRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'REDIS_URL';
  }
}

export function connectRoomRedis(url: string, closeLocal: (roomId: string) => void, logger: Logger): RoomRedis {
  const clients: IORedis[] = [];
  const client = (role: string): IORedis => {
    const c = new IORedis(url, { connectionName: `goprep-rooms-${role}` });
    // Without a listener ioredis prints every reconnect failure as an unhandled error.
    c.on('error', (err: Error) => logger.warn({ err: err.message, role }, 'redis connection error'));
    clients.push(c);
    return c;
  };
  const { Redis } = loadHocuspocusRedis();
  const extension = new Redis({ prefix: ROOM_REDIS_PREFIX, disconnectDelay: ROOM_REDIS_DISCONNECT_DELAY_MS, createClient: () => client('doc') });
  const bus = client('bus');
  // This instance closes its own sockets at once; the message is for the others.
  const self = randomUUID();
  bus.on('message', (channel: string, message: string) => {
    const [from, roomId] = message.split(' ');
    if (channel === CLOSE_CHANNEL && from !== self && roomId) closeLocal(roomId);
  });
  const subscribed = bus.subscribe(CLOSE_CHANNEL);

  return {
    extension,
    ready: async () => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, fail) => {
        timer = setTimeout(() => fail(new Error(`REDIS_URL: no connection to ${redactedRedisUrl(url)} within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
      });
      try {
        await Promise.race([Promise.all([subscribed, ...clients.filter((c) => c !== bus).map((c) => c.ping())]), timeout]);
      } catch (e) {
        // Stop reconnecting: the boot fails, and retrying clients would keep the process alive.
        for (const c of clients) c.disconnect(false);
        const why = e instanceof Error ? e.message : String(e);
        throw new Error(why.startsWith('REDIS_URL') ? why : `REDIS_URL: no connection to ${redactedRedisUrl(url)}: ${why}`);
      } finally {
        clearTimeout(timer);
      }
    },
    closeRoom: async (roomId) => {
      closeLocal(roomId);
      await extension.pub.publish(CLOSE_CHANNEL, `${self} ${roomId}`);
    },
    close: async () => {
      // After a failed boot the connections are already closed: quitting them again rejects.
      // Bounded: quitting a client that never connected can wait for a server that never answers.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        extension.onDestroy().catch((err: unknown) => logger.debug({ err }, 'closing the Redis extension')),
        new Promise((done) => (timer = setTimeout(done, CONNECT_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
      for (const c of clients) c.disconnect(false);
    },
  };
}
