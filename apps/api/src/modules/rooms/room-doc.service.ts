import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { WebSocket, WebSocketServer } from 'ws';
import { AppConfigService } from '../../config/app-config.service';
import { hocuspocusServer, Y, type HocuspocusExtension, type HocuspocusInstance, type YDoc, type YText } from './esm-deps';
import { RoomAuthService } from './room-auth.service';
import { connectRoomRedis, ROOM_REDIS_DISCONNECT_DELAY_MS, type RoomRedis } from './room-redis';
import { RoomsRepository } from './rooms.repository';

/** The path the API's HTTP server hands to Hocuspocus on upgrade. */
export const ROOM_WS_PATH = '/api/rooms/ws';
/** Largest WebSocket message accepted (a Yjs update or sync step); larger ones close the socket. */
export const ROOM_MAX_MESSAGE_BYTES = 512 * 1024;
/**
 * Messages one connection may send: a token bucket refilled at this rate per second (typing,
 * cursors and syncs together; a keystroke is two messages, its text and its cursor)...
 */
export const ROOM_MESSAGES_PER_SECOND = 100;
/** ...holding this many, so a burst (a fast typist, an undo of many edits, a reconnect's sync) passes. */
export const ROOM_MESSAGE_BURST = 300;
/** Updates younger than this are left out of a snapshot (another instance may not have committed an older one yet). */
const SNAPSHOT_SETTLE_MS = 5000;
/** The origin of the server's own writes to a document (pushes, run results, the prompt's restore). */
export const SERVER_ORIGIN = { server: true } as const;
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';

/** A token bucket of ROOM_MESSAGE_BURST messages refilled at ROOM_MESSAGES_PER_SECOND. */
export interface MessageBucket {
  tokens: number;
  at: number;
}

export function fullBucket(now: number): MessageBucket {
  return { tokens: ROOM_MESSAGE_BURST, at: now };
}

/** Refills the bucket for the time since its last message, then takes one token if there is one. */
export function takeToken(bucket: MessageBucket, now: number): boolean {
  bucket.tokens = Math.min(ROOM_MESSAGE_BURST, bucket.tokens + ((now - bucket.at) / 1000) * ROOM_MESSAGES_PER_SECOND);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/**
 * A room socket whose incoming messages pass its gate before any listener hears them. The rate
 * limit lives here, not in a Hocuspocus hook: a hook refuses by throwing, and Hocuspocus prints
 * every thrown refusal to stderr with its stack (about 1,600 lines for one flood), while a flood
 * is a client's doing, not the server's error.
 */
class MeteredSocket extends WebSocket {
  admit: () => boolean = () => true;

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'message' && !this.admit()) return false;
    return super.emit(event, ...args);
  }
}

export function roomIdOf(documentName: string): string | undefined {
  const m = /^room:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(documentName);
  return m?.[1];
}

export interface RoomContext {
  roomId: string;
  memberId: string;
  role: 'interviewer' | 'candidate';
}

/**
 * The first state of every room's document, built with a fixed client id so that two instances
 * initialising the same room at once produce the same update (Yjs applies it once).
 */
export function initialDocUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 1;
  doc.transact(() => {
    const text = new Y.Text();
    doc.getMap<YText>('files').set('main.go', text);
    text.insert(0, 'package main\n');
    const meta = doc.getMap<string>('meta');
    meta.set('prompt', '');
    meta.set('activeFile', 'main.go');
  });
  return Y.encodeStateAsUpdate(doc);
}

/** The files of a document state: name -> content. */
export function filesOf(doc: YDoc): Record<string, string> {
  const out: Record<string, string> = {};
  doc.getMap<YText>('files').forEach((text, name) => {
    out[name] = text instanceof Y.Text ? text.toString() : String(text);
  });
  return out;
}

/**
 * The live document of each room: Hocuspocus on the API's own HTTP server (a `ws` server in
 * noServer mode takes upgrades of ROOM_WS_PATH). Every update is appended to room_doc_updates
 * with its time as it arrives (in order per room); a debounced snapshot folds the settled ones
 * together; loading a document applies the snapshot and every later update, so a restart or a
 * second instance finds exactly what was typed.
 */
@Injectable()
export class RoomDocService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RoomDocs');
  readonly hocuspocus: HocuspocusInstance;
  private readonly wss = new WebSocketServer<typeof MeteredSocket>({ noServer: true, maxPayload: ROOM_MAX_MESSAGE_BYTES, WebSocket: MeteredSocket });
  /** Per room: the chain of pending appends, so updates are stored in the order they arrived. */
  private readonly appends = new Map<string, Promise<void>>();
  /** Set with REDIS_URL: the instances that hold a room's document relay its updates through Redis. */
  private readonly redis?: RoomRedis;
  /** Server connections (pushes, run results) still closing in the background (with Redis). */
  private readonly closing = new Set<Promise<void>>();
  private upgradeListener?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

  constructor(
    private readonly repo: RoomsRepository,
    private readonly auth: RoomAuthService,
    private readonly adapterHost: HttpAdapterHost,
    config: AppConfigService,
  ) {
    const redisUrl = config.get('REDIS_URL');
    if (redisUrl) this.redis = connectRoomRedis(redisUrl, (roomId) => this.closeLocalRoom(roomId), this.logger);
    this.hocuspocus = new hocuspocusServer.Hocuspocus({
      quiet: true,
      debounce: 2000,
      maxDebounce: 10000,
      extensions: [this.extension(), ...(this.redis ? [this.redis.extension] : [])],
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // A configured Redis that cannot be reached stops the boot: alone, this instance would serve
    // its own copy of a room that other instances also serve, and the two would drift apart.
    await this.redis?.ready();
    const server = this.adapterHost.httpAdapter?.getHttpServer() as import('node:http').Server | undefined;
    if (!server) return;
    this.upgradeListener = (req, socket, head) => {
      const path = (req.url ?? '').split('?')[0];
      if (path !== ROOM_WS_PATH) {
        if (server.listenerCount('upgrade') === 1) socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        // A message over maxPayload (or a broken frame) is an 'error' on the socket: without a
        // listener it would be an uncaught exception that ends the API process.
        ws.on('error', (err) => {
          this.logger.debug({ err }, 'room socket error');
          ws.terminate();
        });
        this.meter(ws, req);
        this.hocuspocus.handleConnection(ws, req);
      });
    };
    server.on('upgrade', this.upgradeListener);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as import('node:http').Server | undefined;
    if (server && this.upgradeListener) server.off('upgrade', this.upgradeListener);
    await Promise.all([...this.closing]);
    const hadDocuments = this.hocuspocus.documents.size > 0;
    for (const client of this.wss.clients) client.terminate();
    this.hocuspocus.closeConnections();
    // Pending debounced stores run now, then every loaded document is destroyed: a document's
    // awareness keeps an interval and the debouncer a timer, which would keep the process alive.
    for (const name of [...this.hocuspocus.documents.keys()]) {
      if (this.hocuspocus.debouncer.isDebounced(`onStoreDocument-${name}`)) await this.hocuspocus.debouncer.executeNow(`onStoreDocument-${name}`);
    }
    await this.flushAll();
    for (const document of this.hocuspocus.documents.values()) document.destroy();
    this.hocuspocus.documents.clear();
    this.wss.close();
    if (this.redis) {
      // The Redis extension unsubscribes an unloaded document's channel after its disconnect delay.
      if (hadDocuments) await new Promise((r) => setTimeout(r, ROOM_REDIS_DISCONNECT_DELAY_MS + 100));
      await this.redis.close();
    }
  }

  /** Waits for every pending append and writes each loaded room's snapshot. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.appends.values()]);
    for (const name of this.hocuspocus.documents.keys()) {
      const roomId = roomIdOf(name);
      if (roomId) await this.compact(roomId).catch((err: unknown) => this.logger.warn({ err }, 'snapshot failed'));
    }
  }

  /**
   * Closes every socket of a room, on every instance when Redis is configured (they reconnect:
   * with their new role after a swap, read-only once it has ended, refused once expired).
   */
  closeRoom(roomId: string): void {
    if (!this.redis) {
      this.closeLocalRoom(roomId);
      return;
    }
    this.redis.closeRoom(roomId).catch((err: unknown) => this.logger.error({ err, roomId }, 'closing a room on the other instances failed'));
  }

  /** Closes this instance's sockets of a room. */
  private closeLocalRoom(roomId: string): void {
    const sockets = [...(this.hocuspocus.documents.get(`room:${roomId}`)?.connections.keys() ?? [])];
    this.hocuspocus.closeConnections(`room:${roomId}`);
    // Hocuspocus 3 only detaches the document from the socket, and the provider never attaches it
    // again: it would stay open but deaf to every later edit. Closing the socket makes the provider
    // reconnect and authenticate afresh (the new role after a swap, read-only after the end).
    for (const socket of sockets) socket.close(4205, 'room changed: reconnect');
  }

  /** A server-side change to a room's document, stored and broadcast like any update. */
  async write(roomId: string, change: (doc: YDoc) => void): Promise<void> {
    const connection = await this.hocuspocus.openDirectConnection(`room:${roomId}`, { system: true });
    if (!this.redis) {
      try {
        await connection.transact((doc) => doc.transact(() => change(doc), SERVER_ORIGIN));
      } finally {
        await connection.disconnect();
      }
      return;
    }
    // With Redis, the extension holds a server connection's store for a second, so that the other
    // instances can pull the change before this one unloads the document. The change itself is
    // applied (stored by onChange, announced through Redis) at once; the caller does not wait for
    // that second, shutdown does.
    const document = connection.document;
    if (!document) throw new Error(`the server connection to room ${roomId} has no document`);
    try {
      document.transact(() => change(document), SERVER_ORIGIN);
    } finally {
      const closing = connection.disconnect().catch((err: unknown) => this.logger.error({ err, roomId }, 'closing a server connection failed'));
      this.closing.add(closing);
      void closing.then(() => this.closing.delete(closing));
    }
  }

  /** The stored state of a room (snapshot and every later update), without loading it into Hocuspocus. */
  async storedDoc(roomId: string): Promise<YDoc> {
    const doc = new Y.Doc();
    await Promise.resolve(this.appends.get(roomId));
    const snapshot = await this.repo.snapshot(roomId);
    if (snapshot) Y.applyUpdate(doc, snapshot.state);
    for (const row of await this.repo.updates(roomId, snapshot?.upto_seq ?? '0')) Y.applyUpdate(doc, row.update);
    return doc;
  }

  private append(roomId: string, update: Uint8Array): Promise<void> {
    const at = new Date();
    const copy = Uint8Array.from(update);
    const previous = this.appends.get(roomId) ?? Promise.resolve();
    const next = previous
      .then(() => this.repo.appendUpdate(roomId, at, copy))
      .catch((err: unknown) => this.logger.error({ err, roomId }, 'storing a room update failed'));
    this.appends.set(roomId, next);
    void next.then(() => {
      if (this.appends.get(roomId) === next) this.appends.delete(roomId);
    });
    return next;
  }

  /** Folds the settled updates after the snapshot into a new snapshot (from the database, not from memory). */
  private async compact(roomId: string): Promise<void> {
    const snapshot = await this.repo.snapshot(roomId);
    const rows = await this.repo.updates(roomId, snapshot?.upto_seq ?? '0');
    const cutoff = Date.now() - SNAPSHOT_SETTLE_MS;
    const settled: typeof rows = [];
    for (const row of rows) {
      if (row.at.getTime() >= cutoff) break;
      settled.push(row);
    }
    const last = settled[settled.length - 1];
    if (!last) return;
    const merged = Y.mergeUpdates([...(snapshot ? [new Uint8Array(snapshot.state)] : []), ...settled.map((r) => new Uint8Array(r.update))]);
    await this.repo.saveSnapshot(roomId, merged, last.seq);
  }

  /**
   * The socket's message budget. The first message over it closes the whole socket (the provider
   * backs off and reconnects with a fresh budget) and is logged once, as a warning; the messages
   * still arriving while it closes are dropped and only counted.
   */
  private meter(ws: MeteredSocket, req: IncomingMessage): void {
    const bucket = fullBucket(Date.now());
    let refused = 0;
    ws.admit = () => {
      if (refused === 0 && takeToken(bucket, Date.now())) return true;
      refused++;
      if (refused === 1) {
        this.logger.warn({ remoteAddress: req.socket.remoteAddress }, 'room socket over its message rate: closed (4429 rate limited)');
        ws.close(4429, 'rate limited');
      }
      return false;
    };
    ws.once('close', () => {
      if (refused > 0) this.logger.debug({ refused }, 'room socket closed for its rate: messages dropped');
    });
  }

  /**
   * A refused connection (a stranger, an expired room) is a client's doing: logged at debug here,
   * and thrown without a message, because Hocuspocus prints every hook error that has one to stderr.
   * The client is told "permission-denied" either way.
   */
  private refusal(why: string, documentName: string): Error {
    this.logger.debug({ documentName }, `room connection refused: ${why}`);
    return new Error();
  }

  private extension(): HocuspocusExtension {
    return {
      onAuthenticate: async ({ token, documentName, requestHeaders, connectionConfig }) => {
        const roomId = roomIdOf(documentName);
        const who = roomId ? await this.auth.websocketCaller(token, requestHeaders.cookie) : null;
        if (!roomId || !who) throw this.refusal('not a member of this room', documentName);
        const member = await this.auth.memberOf(who.caller, roomId).catch(() => undefined);
        if (!member) throw this.refusal('not a member of this room', documentName);
        if (member.room.expires_at.getTime() <= Date.now() && member.room.status === 'open') throw this.refusal('this room has expired', documentName);
        if (member.room.status === 'ended') connectionConfig.readOnly = true;
        const context: RoomContext = { roomId, memberId: member.id, role: member.role };
        return context;
      },
      onLoadDocument: async ({ document, documentName }) => {
        const roomId = roomIdOf(documentName);
        if (!roomId) throw new Error('not a room document');
        const stored = await this.storedDoc(roomId);
        if (stored.share.size === 0 && stored.store.clients.size === 0) {
          const initial = initialDocUpdate();
          // Another instance may have initialised the room meanwhile: then its state is loaded.
          if (await this.repo.appendFirstUpdate(roomId, new Date(), initial)) Y.applyUpdate(document, initial);
          else Y.applyUpdate(document, Y.encodeStateAsUpdate(await this.storedDoc(roomId)));
        } else {
          Y.applyUpdate(document, Y.encodeStateAsUpdate(stored));
        }
      },
      afterLoadDocument: async ({ document, documentName }) => {
        const roomId = roomIdOf(documentName);
        if (!roomId) return;
        // Only the server writes the prompt: a client's change to it is put back at once, by the
        // instance the client is connected to, from the database (a push may have been served by
        // another instance, so no instance's memory is the authority).
        const meta = document.getMap<string>('meta');
        meta.observe((event, tx) => {
          if (!(tx.origin instanceof hocuspocusServer.Connection) || !event.keysChanged.has('prompt')) return;
          void this.repo
            .room(roomId)
            .then((room) => {
              const prompt = room?.prompt ?? '';
              if (meta.get('prompt') !== prompt) document.transact(() => meta.set('prompt', prompt), SERVER_ORIGIN);
            })
            .catch((err: unknown) => this.logger.error({ err, roomId }, 'restoring a room prompt failed'));
        });
      },
      onChange: async ({ documentName, update, transactionOrigin }) => {
        const roomId = roomIdOf(documentName);
        if (!roomId || transactionOrigin === REDIS_ORIGIN) return;
        await this.append(roomId, update);
      },
      onStoreDocument: async ({ documentName }) => {
        const roomId = roomIdOf(documentName);
        if (!roomId) return;
        await Promise.resolve(this.appends.get(roomId));
        await this.compact(roomId);
      },
    };
  }
}
