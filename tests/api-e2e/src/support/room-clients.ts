import type * as ProviderModule from '@hocuspocus/provider' with { 'resolution-mode': 'import' };
import type * as YjsModule from 'yjs' with { 'resolution-mode': 'import' };
import WebSocket from 'ws';
import { cookieFetch } from './test-app';

// The CommonJS builds (as the API loads them), so the tests, the provider and the server share one yjs.
export const Y = require('yjs') as typeof YjsModule;
const { HocuspocusProvider, HocuspocusProviderWebsocket } = require('@hocuspocus/provider') as typeof ProviderModule;

export type YDoc = YjsModule.Doc;

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

/** A REST caller: a logged-in browser (cookie jar + CSRF) or a guest sending X-Room-Token. */
export interface RoomCaller {
  call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: object): Promise<Reply>;
  /** Every response body this caller received, for the confinement checks. */
  readonly received: string[];
  /** The session cookie header for a WebSocket upgrade (users only). */
  cookieHeader?: string;
  /** The guest's member token (guests only). */
  memberToken?: string;
}

/** `base` is read on every call, so a caller follows the app across a restart (a new port). */
export async function registeredUser(base: () => string, email: string, displayName: string): Promise<RoomCaller> {
  const jar = cookieFetch();
  await jar.fetch(`${base()}/api/auth/csrf`);
  const received: string[] = [];
  const caller: RoomCaller = {
    received,
    call: async (method, path, body) => {
      const headers: Record<string, string> = { 'x-csrf-token': decodeURIComponent(jar.cookie('goprep_csrf') ?? '') };
      if (body) headers['content-type'] = 'application/json';
      const res = await jar.fetch(`${base()}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
      const text = await res.text();
      received.push(text);
      return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
    },
  };
  const reg = await caller.call('POST', '/api/auth/register', { email, password: 'correct horse battery', displayName });
  if (reg.status !== 201) throw new Error(`register ${email}: ${reg.status} ${reg.text}`);
  Object.defineProperty(caller, 'cookieHeader', { get: () => `goprep_session=${jar.cookie('goprep_session') ?? ''}` });
  return caller;
}

/** A guest without an account: joins by link, then sends the member token it got. */
export function guest(base: () => string): RoomCaller & { join(joinToken: string, displayName: string): Promise<Reply> } {
  const received: string[] = [];
  const g = {
    received,
    memberToken: undefined as string | undefined,
    async call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: object): Promise<Reply> {
      const headers: Record<string, string> = {};
      if (g.memberToken) headers['x-room-token'] = g.memberToken;
      if (body) headers['content-type'] = 'application/json';
      const res = await fetch(`${base()}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
      const text = await res.text();
      received.push(text);
      return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
    },
    async join(joinToken: string, displayName: string): Promise<Reply> {
      // Joining without a session is a public POST: it needs the CSRF pair like any cookie-less write.
      const csrf = await fetch(`${base()}/api/auth/csrf`);
      const token = ((await csrf.json()) as { token: string }).token;
      const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const res = await fetch(`${base()}/api/rooms/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie },
        body: JSON.stringify({ joinToken, displayName }),
      });
      const text = await res.text();
      received.push(text);
      const body = text ? JSON.parse(text) : undefined;
      if (res.status === 200) g.memberToken = body.memberToken;
      return { status: res.status, body, text };
    },
  };
  return g;
}

export interface DocClient {
  doc: YDoc;
  /** Every WebSocket message this client received, raw. */
  messages: Buffer[];
  /** The close codes of this client's sockets so far. */
  closes: number[];
  /** How many sockets this client has opened (reconnects included). */
  sockets(): number;
  provider: InstanceType<typeof HocuspocusProvider>;
  file(name: string): string;
  close(): Promise<void>;
}

/**
 * A real Hocuspocus provider over `ws` in Node: token 'cookie' with the user's session cookie on
 * the upgrade, or a guest's member token. Resolves once synced; rejects when authentication fails.
 */
export async function openDoc(baseUrl: string, roomId: string, auth: { cookie: string } | { token: string }, doc: YDoc = new Y.Doc()): Promise<DocClient> {
  const messages: Buffer[] = [];
  const closes: number[] = [];
  let sockets = 0;
  const cookie = 'cookie' in auth ? auth.cookie : undefined;
  class NodeSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
      sockets++;
      this.on('message', (data: Buffer) => messages.push(Buffer.from(data)));
      this.on('close', (code: number) => closes.push(code));
    }
  }
  const socket = new HocuspocusProviderWebsocket({ url: `${baseUrl.replace(/^http/, 'ws')}/api/rooms/ws`, WebSocketPolyfill: NodeSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: `room:${roomId}`, token: 'cookie' in auth ? 'cookie' : auth.token, document: doc });
  const close = async () => {
    // @hocuspocus/provider 3.4 reconnects one `delay` (1 s) after the server closes a socket, and
    // destroy() does not cancel that timer: its connect() sets shouldConnect again and retries
    // forever (maxAttempts 0), against an API that has stopped by then, so Jest never exits. A
    // closed client connects no more.
    socket.connect = () => Promise.resolve();
    provider.destroy();
    socket.destroy();
    await new Promise((r) => setTimeout(r, 20));
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no sync within 10 s')), 10_000);
      provider.on('synced', () => {
        clearTimeout(timer);
        resolve();
      });
      provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
        clearTimeout(timer);
        reject(new Error(`authentication failed: ${reason}`));
      });
      provider.attach();
    });
  } catch (e) {
    await close();
    throw e;
  }
  return {
    doc,
    messages,
    closes,
    sockets: () => sockets,
    provider,
    file: (name) => doc.getMap<YjsModule.Text>('files').get(name)?.toString() ?? '',
    close,
  };
}

/** Polls until `check` holds (or throws with `what` after `ms`). */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every string anywhere in a Yjs document (maps, texts, arrays, nested objects). */
export function docStrings(doc: YDoc): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (v instanceof Y.Text) out.push(v.toString());
    else if (v instanceof Y.Map) v.forEach((x: unknown, k: string) => (out.push(k), walk(x)));
    else if (v instanceof Y.Array) v.forEach((x: unknown) => walk(x));
    else if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => (out.push(k), walk(x)));
  };
  for (const name of ['files', 'meta']) walk(doc.getMap(name));
  walk(doc.getArray('runs'));
  return out;
}

/**
 * The positions of stored updates that change nothing when applied in order after the ones before
 * them: an update stored twice (by two instances, or relayed and stored again) shows up here.
 */
export function idleUpdates(rows: Array<{ update: Uint8Array }>, doc: YDoc = new Y.Doc()): number[] {
  const idle: number[] = [];
  rows.forEach((r, i) => {
    const vector = Buffer.from(Y.encodeStateVector(doc)).toString('hex');
    Y.applyUpdate(doc, r.update);
    if (Buffer.from(Y.encodeStateVector(doc)).toString('hex') === vector) idle.push(i);
  });
  return idle;
}
