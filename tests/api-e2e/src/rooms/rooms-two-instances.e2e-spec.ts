import { freePort, startApp, type RunningRedis } from '@goprep/test-support';
import { insertTallyTask, STARTER, TALLY_ID } from '../support/judge-fixture';
import { guest, idleUpdates, openDoc, registeredUser, until, Y, type DocClient, type RoomCaller, type YDoc } from '../support/room-clients';
import { FailoverProxy } from '../support/tcp-proxy';
import { createTestApp, type TestApp } from '../support/test-app';
import { startTwoInstances } from '../support/two-instances';

type YTextT = InstanceType<typeof Y.Text>;
const text = (c: DocClient, name: string): YTextT => c.doc.getMap<YTextT>('files').get(name)!;
const portOf = (url: string): number => Number(new URL(url).port);

/**
 * Two API instances on one database and one real redis-server (REDIS_URL): a room's two members
 * are connected to different instances, and the Hocuspocus Redis extension relays their edits.
 * Without REDIS_URL each instance keeps its own copy of the document and this suite fails.
 */
describe('rooms on two API instances sharing a Redis', () => {
  let redis: RunningRedis;
  let a: TestApp;
  let b: TestApp | undefined;
  let aRunning = true;
  let proxy: FailoverProxy;
  /** The balancer in front of A then B, through which the interviewer's socket goes. */
  let balancerUrl: string;
  let interviewer: RoomCaller;
  let outsider: RoomCaller;
  let candidate: ReturnType<typeof guest>;
  let roomId: string;
  /** The interviewer's REST calls go to instance A until it stops, then to B. */
  let interviewerBase: () => string;
  const clients: DocClient[] = [];

  const track = (c: DocClient): DocClient => (clients.push(c), c);

  beforeAll(async () => {
    ({ redis, a, b } = await startTwoInstances());
    await insertTallyTask(a);
    interviewerBase = () => (aRunning ? a.url : b!.url);
    interviewer = await registeredUser(() => interviewerBase(), 'ivy@example.com', 'Ivy Interviewer');
    outsider = await registeredUser(() => b!.url, 'otto@example.com', 'Otto Outsider');
    candidate = guest(() => b!.url);
    proxy = new FailoverProxy([portOf(a.url), portOf(b.url)]);
    balancerUrl = await proxy.start();
  });

  afterAll(async () => {
    for (const c of clients) await c.close();
    await proxy?.stop();
    if (aRunning) await a?.close({ keepDatabase: true });
    await b?.close();
    await redis?.stop();
  });

  it('should open a room on instance A and seat the guest candidate on instance B', async () => {
    const created = await interviewer.call('POST', '/api/rooms', { kind: 'manager', title: 'Two instances', role: 'backend', level: 'senior' });
    expect(created.status).toBe(201);
    roomId = created.body.id;
    const joined = await candidate.join(created.body.joinLinks.candidate.slice('/rooms/join/'.length), 'Cara Candidate');
    expect(joined.status).toBe(200);
    expect(joined.body.room).toMatchObject({ id: roomId, myRole: 'candidate' });
  });

  it('should let members on different instances edit one document and see each other', async () => {
    // Both instances load the new room at the same moment: one of them stores its first state.
    const [onA, onB] = await Promise.all([
      openDoc(balancerUrl, roomId, { cookie: interviewer.cookieHeader ?? '' }),
      openDoc(b!.url, roomId, { token: candidate.memberToken! }),
    ]);
    track(onA);
    track(onB);
    expect(proxy.routed).toEqual([portOf(a.url)]);
    expect(onA.file('main.go')).toBe('package main\n');
    expect(onB.file('main.go')).toBe('package main\n');

    text(onA, 'main.go').insert(13, '\nfunc main() {}\n');
    await until('the candidate on B sees the interviewer on A', () => onB.file('main.go').includes('func main() {}'));
    text(onB, 'main.go').insert(0, '// candidate on B\n');
    await until('the interviewer on A sees the candidate on B', () => onA.file('main.go').startsWith('// candidate on B\n'));
    // Concurrent edits on both instances at once converge.
    text(onA, 'main.go').insert(onA.file('main.go').length, '// from A\n');
    text(onB, 'main.go').insert(onB.file('main.go').length, '// from B\n');
    await until('both converge', () => onA.file('main.go') === onB.file('main.go') && onA.file('main.go').includes('// from A') && onA.file('main.go').includes('// from B'));
    expect(onA.doc.getMap<string>('meta').get('activeFile')).toBe('main.go');

  });

  it('should admit only members, by cookie or member token, on both instances', async () => {
    for (const app of [a, b!]) {
      await expect(openDoc(app.url, roomId, { cookie: outsider.cookieHeader ?? '' })).rejects.toThrow(/authentication failed/);
      await expect(openDoc(app.url, roomId, { token: 'rm_not-a-member-token' })).rejects.toThrow(/authentication failed/);
      await expect(openDoc(app.url, roomId, { cookie: '' })).rejects.toThrow(/authentication failed/);
      const asCandidate = await openDoc(app.url, roomId, { token: candidate.memberToken! });
      expect(asCandidate.file('main.go')).toBe(clients[1]!.file('main.go'));
      await asCandidate.close();
      const asInterviewer = await openDoc(app.url, roomId, { cookie: interviewer.cookieHeader ?? '' });
      expect(asInterviewer.file('main.go')).toBe(clients[0]!.file('main.go'));
      await asInterviewer.close();
    }
    const strangerRest = await outsider.call('GET', `/api/rooms/${roomId}`);
    expect([strangerRest.status, strangerRest.body.code]).toEqual([404, 'ROOM_NOT_FOUND']);
  });

  it('should bring a push served by A to the candidate on B, and B restores the prompt A wrote', async () => {
    const [onA, onB] = clients as [DocClient, DocClient];
    const pushed = await interviewer.call('POST', `/api/rooms/${roomId}/push`, { questionId: TALLY_ID });
    expect(pushed.status).toBe(200);
    await until('the candidate on B has the starter', () => onB.file('tally.go') === STARTER);
    const prompt = onB.doc.getMap<string>('meta').get('prompt') ?? '';
    expect(prompt).toContain('Make Counter safe for concurrent use.');
    // B never served the push; it still puts the candidate's rewrite back to what A stored.
    onB.doc.getMap<string>('meta').set('prompt', 'rewritten by the candidate');
    await until('the prompt is restored on both', () => onB.doc.getMap<string>('meta').get('prompt') === prompt && onA.doc.getMap<string>('meta').get('prompt') === prompt);
  });

  it('should move a client to B when A stops mid-session, losing nothing typed', async () => {
    const [onA, onB] = clients as [DocClient, DocClient];
    text(onA, 'tally.go').insert(0, '// typed on A before it stopped\n');
    await until('B sees the last edit made on A', () => onB.file('tally.go').startsWith('// typed on A before it stopped\n'));
    const closesBefore = onA.closes.length;
    const stopping = a.close({ keepDatabase: true }).then(() => (aRunning = false));
    await until('the interviewer socket on A is closed', () => onA.closes.length > closesBefore);
    // Typed while the client has no server: sent when it reconnects (to B, through the balancer).
    text(onA, 'tally.go').insert(0, '// typed while reconnecting\n');
    await stopping;
    await until('the interviewer reconnected to B', () => proxy.routed.at(-1) === portOf(b!.url), 30_000);
    await until('the candidate sees what was typed while reconnecting', () => onB.file('tally.go').startsWith('// typed while reconnecting\n// typed on A'), 30_000);
    text(onB, 'tally.go').insert(onB.file('tally.go').length, '// candidate after the failover\n');
    await until('the interviewer, now on B, sees the candidate', () => onA.file('tally.go').endsWith('// candidate after the failover\n'));
    expect(onA.file('tally.go')).toBe(onB.file('tally.go'));
  });

  it('should have stored every update once: the stored rows rebuild the live files, each row adding something new', async () => {
    const [onA] = clients as [DocClient];
    const live = onA.file('tally.go');
    // B appends as updates arrive; wait until the stored state has caught up with the live one.
    let rows: Array<{ update: Buffer }> = [];
    let rebuilt: YDoc = new Y.Doc();
    await until('the stored updates reach the live state', async () => {
      rows = await b!.sql<{ update: Buffer }>(`SELECT update FROM room_doc_updates WHERE room_id = $1 ORDER BY seq`, [roomId]);
      rebuilt = new Y.Doc();
      for (const r of rows) Y.applyUpdate(rebuilt, r.update);
      return rebuilt.getMap<YTextT>('files').get('tally.go')?.toString() === live;
    });
    const replay = await interviewer.call('GET', `/api/rooms/${roomId}/replay`);
    expect(replay.status).toBe(200);
    expect(replay.body.updates).toHaveLength(rows.length);
    expect(replay.body.finalFiles['tally.go']).toBe(live);
    // A doubled update (stored by both instances) would change nothing when applied the second time.
    expect(idleUpdates(rows)).toEqual([]);
  });

  it('should close the room on every instance when it ends on one, and reopen it read-only', async () => {
    const onB = clients[1]!;
    const onBToo = track(await openDoc(b!.url, roomId, { cookie: interviewer.cookieHeader ?? '' }));
    const closed: string[] = [];
    onB.provider.on('close', () => closed.push('candidate'));
    onBToo.provider.on('close', () => closed.push('interviewer'));
    // Back to two instances: A again (same database and Redis); the interviewer ends the room there.
    a = await createTestApp({ REDIS_URL: redis.url }, { database: b!.database });
    aRunning = true;
    const ended = await interviewer.call('POST', `/api/rooms/${roomId}/end`);
    expect(ended.body).toMatchObject({ status: 'ended' });
    await until('both connections on B are closed by the end served by A', () => closed.includes('candidate') && closed.includes('interviewer'));

    const storedFiles = async (): Promise<string> => {
      const rows = await b!.sql<{ update: Buffer }>(`SELECT update FROM room_doc_updates WHERE room_id = $1 ORDER BY seq`, [roomId]);
      const doc = new Y.Doc();
      for (const r of rows) Y.applyUpdate(doc, r.update);
      return doc.getMap<YTextT>('files').get('tally.go')!.toString();
    };
    const before = await storedFiles();
    expect(before).toBe(onBToo.file('tally.go'));
    // The closed connection carries nothing any more; a new one is read-only.
    text(onB, 'tally.go').insert(0, '// after the end, old connection\n');
    const reopened = track(await openDoc(b!.url, roomId, { token: candidate.memberToken! }));
    expect(reopened.file('tally.go')).toBe(before);
    text(reopened, 'tally.go').insert(0, '// after the end, read-only connection\n');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await storedFiles()).toBe(before);
    const fresh = track(await openDoc(a.url, roomId, { cookie: interviewer.cookieHeader ?? '' }));
    expect(fresh.file('tally.go')).toBe(before);
  });

  it('should refuse to start (the production build) when REDIS_URL names a Redis it cannot reach', async () => {
    const nobody = `redis://127.0.0.1:${await freePort()}`;
    const failed = await startApp({ env: { REDIS_URL: nobody, BANK_LOAD_ON_START: 'false' } }).then(
      async (app) => (await app.stop(), 'started'),
      (e: unknown) => String(e),
    );
    expect(failed).toMatch(/exited with code 1 before it was ready/);
    expect(failed).toContain(`REDIS_URL: no connection to ${nobody}`);
  }, 150_000);
});
