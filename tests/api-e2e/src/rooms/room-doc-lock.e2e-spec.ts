import { RoomDocService } from '@goprep/api/testing';
import type { RunningRedis } from '@goprep/test-support';
import { HELD_LOCK_TEST_TIMEOUT_MS, LOCK_WAIT_LIMIT_MS, underHeldLock } from '../support/held-lock';
import { guest, idleUpdates, openDoc, registeredUser, until, Y, type DocClient, type RoomCaller } from '../support/room-clients';
import type { TestApp } from '../support/test-app';
import { startTwoInstances } from '../support/two-instances';

type YTextT = InstanceType<typeof Y.Text>;
const text = (c: DocClient, name: string): YTextT => c.doc.getMap<YTextT>('files').get(name)!;

/** The statement RoomsRepository.appendUpdate waits on (the same key expression). */
const ROOM_DOC_LOCK = `SELECT pg_advisory_xact_lock(hashtextextended('goprep:room-doc:' || $1::uuid::text, 0))`;

/**
 * A room's document updates are appended under a per-room advisory lock, and only by the instance
 * whose client sent them (an update relayed through Redis is not stored again). Here the schedule
 * that matters is forced: two instances each receive an edit of one room while a separate
 * connection holds that room's lock, so both appends are queued on it before either is stored.
 */
describe('rooms on two instances: appends queued on the room lock', () => {
  let redis: RunningRedis;
  let a: TestApp;
  let b: TestApp;
  let base = '';
  let interviewer: RoomCaller;
  let candidate: ReturnType<typeof guest>;
  let roomId: string;
  const clients: DocClient[] = [];
  const track = (c: DocClient): DocClient => (clients.push(c), c);

  beforeAll(async () => {
    ({ redis, a, b } = await startTwoInstances());
    base = a.url;
    interviewer = await registeredUser(() => base, 'ivy@lock.example', 'Ivy Interviewer');
    candidate = guest(() => b.url);
    const created = await interviewer.call('POST', '/api/rooms', { kind: 'manager', title: 'Held lock', role: 'backend', level: 'senior' });
    expect(created.status).toBe(201);
    roomId = created.body.id;
    const joined = await candidate.join(created.body.joinLinks.candidate.slice('/rooms/join/'.length), 'Cara Candidate');
    expect(joined.status).toBe(200);
  });

  afterAll(async () => {
    for (const c of clients) await c.close();
    await a?.close({ keepDatabase: true });
    await b?.close();
    await redis?.stop();
  });

  const storedRows = (): Promise<Array<{ seq: string; update: Buffer }>> =>
    a.sql<{ seq: string; update: Buffer }>(`SELECT seq::text AS seq, update FROM room_doc_updates WHERE room_id = $1 ORDER BY seq`, [roomId]);
  const loadedOn = (app: TestApp): boolean => app.app.get(RoomDocService).hocuspocus.documents.has(`room:${roomId}`);

  /** The interviewer's replay as served by `app`: every stored update in the order that instance reads them. */
  async function replayOn(app: TestApp): Promise<{ updates: Array<{ at: string; update: string }>; finalFiles: Record<string, string> }> {
    base = app.url;
    const replay = await interviewer.call('GET', `/api/rooms/${roomId}/replay`);
    expect(replay.status).toBe(200);
    return replay.body;
  }

  it('should store a new room\'s first state once when two instances load it while its lock is held', async () => {
    const created = await interviewer.call('POST', '/api/rooms', { kind: 'manager', title: 'Held first load', role: 'backend', level: 'senior' });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const seat = guest(() => b.url);
    expect((await seat.join(created.body.joinLinks.candidate.slice('/rooms/join/'.length), 'Second Candidate')).status).toBe(200);
    // Both instances find nothing stored, then queue on the lock to store the first state.
    const [onA, onB] = await underHeldLock(a, ROOM_DOC_LOCK, [id], 2, () =>
      Promise.all([
        openDoc(a.url, id, { cookie: interviewer.cookieHeader ?? '' }).then(track),
        openDoc(b.url, id, { token: seat.memberToken! }).then(track),
      ]),
    );
    expect([onA.file('main.go'), onB.file('main.go')]).toEqual(['package main\n', 'package main\n']);
    const rows = await a.sql<{ n: number }>(`SELECT count(*)::int AS n FROM room_doc_updates WHERE room_id = $1`, [id]);
    expect(rows[0]!.n).toBe(1);
    for (const c of clients.splice(0)) await c.close();
  }, HELD_LOCK_TEST_TIMEOUT_MS);

  it('should store each of two edits received by two instances exactly once when both appends waited on the room lock', async () => {
    const [onA, onB] = await Promise.all([
      openDoc(a.url, roomId, { cookie: interviewer.cookieHeader ?? '' }).then(track),
      openDoc(b.url, roomId, { token: candidate.memberToken! }).then(track),
    ]);
    expect([onA.file('main.go'), onB.file('main.go')]).toEqual(['package main\n', 'package main\n']);
    // Both instances loaded the new room before their client synced: the first state is stored once.
    const before = (await storedRows()).length;
    expect(before).toBe(1);

    await underHeldLock(a, ROOM_DOC_LOCK, [roomId], 2, async () => {
      text(onA, 'main.go').insert(0, '// typed on A\n');
      text(onB, 'main.go').insert(text(onB, 'main.go').length, '// typed on B\n');
      // Settles only once both are stored, which the held lock prevents until it is released.
      await until('both edits are stored', async () => (await storedRows()).length >= before + 2, LOCK_WAIT_LIMIT_MS);
    });

    const expected = '// typed on A\npackage main\n// typed on B\n';
    await until('both clients converge', () => onA.file('main.go') === expected && onB.file('main.go') === expected);
    // Anything stored twice (the relayed copy of an edit) would come after the original: give it the time to.
    await new Promise((r) => setTimeout(r, 1500));
    const rows = await storedRows();
    expect(rows).toHaveLength(before + 2);
    // Each stored row adds something the earlier ones did not: no update is there twice.
    const doc = new Y.Doc();
    expect(idleUpdates(rows, doc)).toEqual([]);
    expect(doc.getMap<YTextT>('files').get('main.go')!.toString()).toBe(expected);

    // Both instances read the same updates in the same (seq) order, the stored rows' order.
    const [fromA, fromB] = [await replayOn(a), await replayOn(b)];
    expect(fromB.updates).toEqual(fromA.updates);
    expect(fromA.updates.map((u) => u.update)).toEqual(rows.map((r) => r.update.toString('base64')));

    // A fresh client loading the room (from the database: no instance holds it any more) gets the
    // same document from either instance, with both edits.
    for (const c of clients.splice(0)) await c.close();
    /** What a client sees of a document: its state vector (which updates it holds), files and meta. */
    const seen = (d: InstanceType<typeof Y.Doc>): unknown => ({
      vector: Buffer.from(Y.encodeStateVector(d)).toString('hex'),
      files: d.getMap<YTextT>('files').toJSON(),
      meta: d.getMap<string>('meta').toJSON(),
    });
    const loadedFresh = async (open: () => Promise<DocClient>): Promise<unknown> => {
      await until('no instance holds the room', () => !loadedOn(a) && !loadedOn(b), 15_000);
      const fresh = await open();
      try {
        expect(fresh.file('main.go')).toBe(expected);
        return seen(fresh.doc);
      } finally {
        await fresh.close();
      }
    };
    const fromStore = seen(doc);
    expect(await loadedFresh(() => openDoc(a.url, roomId, { cookie: interviewer.cookieHeader ?? '' }))).toEqual(fromStore);
    expect(await loadedFresh(() => openDoc(b.url, roomId, { token: candidate.memberToken! }))).toEqual(fromStore);
    // Loading stored nothing new.
    expect(await storedRows()).toHaveLength(before + 2);
  }, HELD_LOCK_TEST_TIMEOUT_MS);
});
