import WebSocket from 'ws';
import { findKeyMaterial } from '../support/key-material';
import { HIDDEN_MARKER, insertTallyTask, SOLUTION, STARTER, TALLY_ID } from '../support/judge-fixture';
import { guest, openDoc, registeredUser, until, docStrings, Y, type DocClient, type RoomCaller } from '../support/room-clients';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Live rooms over real sockets: the API's own server with Hocuspocus, real @hocuspocus/provider
 * clients over `ws`, a real Postgres. An interviewer (a user, by session cookie) and a guest
 * candidate (no account, member token) share one document.
 */
const NOTE = 'private-note-marker-7d2f: weak on mutex scope';

describe('rooms: REST, the shared document, confinement, restart and replay', () => {
  let t: TestApp;
  let interviewer: RoomCaller;
  let outsider: RoomCaller;
  let candidate: ReturnType<typeof guest>;
  let roomId: string;
  let joinToken: string;
  let secrets: string[];
  const clients: DocClient[] = [];

  const open = async (who: RoomCaller, app = t): Promise<DocClient> => {
    const c = await openDoc(app.url, roomId, who.memberToken ? { token: who.memberToken } : { cookie: who.cookieHeader ?? '' });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await insertTallyTask(t);
    // The first account is the site admin: allowed to open a manager room.
    interviewer = await registeredUser(() => t.url, 'interviewer@example.com', 'Ivy Interviewer');
    outsider = await registeredUser(() => t.url, 'outsider@example.com', 'Otto Outsider');
    candidate = guest(() => t.url);
    const [v] = await t.sql<{ explanation: string }>(`SELECT explanation FROM question_versions WHERE question_id = $1`, [TALLY_ID]);
    secrets = [HIDDEN_MARKER, SOLUTION.split('\n').find((l) => l.includes('c.mu.Lock()'))!.trim(), v!.explanation, NOTE];
  });

  afterAll(async () => {
    for (const c of clients) await c.close();
    await t?.close();
  });

  it('should open a manager room whose creator is the interviewer, with a candidate link only in the create response', async () => {
    const created = await interviewer.call('POST', '/api/rooms', { kind: 'manager', title: 'Go backend round', role: 'backend', level: 'senior' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'manager',
      title: 'Go backend round',
      status: 'open',
      myRole: 'interviewer',
      durationMinutes: 45,
      timerStartedAt: null,
      members: expect.arrayContaining([
        { name: 'Ivy Interviewer', role: 'interviewer', joined: true },
        { name: 'Candidate', role: 'candidate', joined: false },
      ]),
    });
    expect(created.body.joinLinks.interviewer).toBeUndefined();
    const link: string = created.body.joinLinks.candidate;
    expect(link).toMatch(/^\/rooms\/join\/rj_[A-Za-z0-9_-]{43}$/);
    roomId = created.body.id;
    joinToken = link.slice('/rooms/join/'.length);
    const again = await interviewer.call('GET', `/api/rooms/${roomId}`);
    expect(again.status).toBe(200);
    expect(again.body.joinLinks).toBeUndefined();
    // Only the hash is stored.
    const stored = await t.sql<{ token_hash: Buffer }>(`SELECT token_hash FROM room_join_tokens WHERE room_id = $1`, [roomId]);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash.toString('hex')).not.toContain(Buffer.from(joinToken).toString('hex'));
  });

  it('should refuse bad input and strangers with coded 4xx answers', async () => {
    expect((await interviewer.call('POST', '/api/rooms', { kind: 'manager', role: 'no-such-role', level: 'senior' })).body.code).toBe('VALIDATION_FAILED');
    expect((await interviewer.call('POST', '/api/rooms', { kind: 'party', role: 'backend', level: 'senior' })).status).toBe(400);
    const learnerManagerRoom = await outsider.call('POST', '/api/rooms', { kind: 'manager', role: 'backend', level: 'senior' });
    expect([learnerManagerRoom.status, learnerManagerRoom.body.code]).toEqual([403, 'FORBIDDEN']);
    const stranger = await outsider.call('GET', `/api/rooms/${roomId}`);
    expect([stranger.status, stranger.body.code]).toEqual([404, 'ROOM_NOT_FOUND']);
    // A member token that seats nobody fails authentication (401), as a fuzzer with invalid credentials expects.
    const forged = await fetch(`${t.url}/api/rooms/${roomId}`, { headers: { 'x-room-token': 'rm_forged' } });
    expect([forged.status, ((await forged.json()) as { code: string }).code]).toEqual([401, 'UNAUTHENTICATED']);
    const anonymous = await fetch(`${t.url}/api/rooms/${roomId}`);
    expect([anonymous.status, ((await anonymous.json()) as { code: string }).code]).toEqual([401, 'UNAUTHENTICATED']);
    const badJoin = await guest(() => t.url).join(`rj_${'A'.repeat(43)}`, 'Mallory');
    expect([badJoin.status, badJoin.body.code]).toEqual([410, 'ROOM_JOIN_INVALID']);
  });

  it('should seat a guest candidate by the link once, with a member token for REST and the socket', async () => {
    const joined = await candidate.join(joinToken, 'Cara Candidate');
    expect(joined.status).toBe(200);
    expect(joined.body.memberToken).toMatch(/^rm_[A-Za-z0-9_-]{43}$/);
    expect(joined.body.room).toMatchObject({ id: roomId, myRole: 'candidate' });
    expect(joined.body.room.joinLinks).toBeUndefined();
    const me = await candidate.call('GET', `/api/rooms/${roomId}`);
    expect(me.status).toBe(200);
    expect(me.body.members).toEqual(expect.arrayContaining([{ name: 'Cara Candidate', role: 'candidate', joined: true }]));
    const reused = await guest(() => t.url).join(joinToken, 'Second');
    expect([reused.status, reused.body.code]).toEqual([410, 'ROOM_JOIN_INVALID']);
    // The member token header needs no CSRF pair, and the candidate is no interviewer.
    const panel = await candidate.call('GET', `/api/rooms/${roomId}/panel`);
    expect([panel.status, panel.body.code]).toEqual([403, 'ROOM_FORBIDDEN']);
    for (const [method, path, body] of [
      ['POST', 'notes', { body: 'x' }],
      ['GET', 'notes', undefined],
      ['POST', 'push', { questionId: TALLY_ID }],
      ['PUT', 'scorecard', { ratings: { language: 4 } }],
      ['POST', 'end', undefined],
      ['POST', 'start', undefined],
    ] as const) {
      const res = await candidate.call(method, `/api/rooms/${roomId}/${path}`, body);
      expect([path, res.status, res.body.code]).toEqual([path, 403, 'ROOM_FORBIDDEN']);
    }
  });

  it("should show the interviewer's panel the keys, rubric and the code task's starter", async () => {
    const panel = await interviewer.call('GET', `/api/rooms/${roomId}/panel?q=${encodeURIComponent('Count safely')}&topic=sync`);
    expect(panel.status).toBe(200);
    const tally = panel.body.items.find((q: { id: string }) => q.id === TALLY_ID);
    expect(tally).toMatchObject({ title: 'Count safely', type: 'code-task', key: { type: 'code-task' }, codeTask: { files: [{ name: 'tally.go', content: STARTER }] } });
    expect(tally.explanation).toBe(secrets[2]);
  });

  it('should let two clients edit one document and converge; non-members are refused at the socket', async () => {
    const a = await open(interviewer);
    const b = await open(candidate);
    expect(a.file('main.go')).toBe('package main\n');
    expect(b.file('main.go')).toBe('package main\n');
    a.doc.getMap<InstanceType<typeof Y.Text>>('files').get('main.go')!.insert(13, '\nfunc main() {}\n');
    await until('the candidate sees the interviewer', () => b.file('main.go').includes('func main() {}'));
    b.doc.getMap<InstanceType<typeof Y.Text>>('files').get('main.go')!.insert(0, '// candidate was here\n');
    // Concurrent edits on both sides at once.
    a.doc.getMap<InstanceType<typeof Y.Text>>('files').get('main.go')!.insert(a.file('main.go').length, '// interviewer\n');
    await until('both converge', () => a.file('main.go') === b.file('main.go') && a.file('main.go').includes('candidate was here') && a.file('main.go').includes('// interviewer'));

    await expect(openDoc(t.url, roomId, { cookie: outsider.cookieHeader ?? '' })).rejects.toThrow(/authentication failed/);
    await expect(openDoc(t.url, roomId, { token: 'rm_not-a-member-token' })).rejects.toThrow(/authentication failed/);
    await expect(openDoc(t.url, roomId, { cookie: '' })).rejects.toThrow(/authentication failed/);
  });

  it('should push a code task (prompt and starter into the document, never the key) and keep notes from the candidate', async () => {
    const [a, b] = clients;
    const pushed = await interviewer.call('POST', `/api/rooms/${roomId}/push`, { questionId: TALLY_ID });
    expect(pushed.status).toBe(200);
    expect(pushed.body.asked).toMatchObject({ questionId: TALLY_ID, title: 'Count safely' });
    await until('the candidate has the starter', () => b!.file('tally.go') === STARTER);
    expect(b!.doc.getMap('files').has('main.go')).toBe(false);
    const prompt = b!.doc.getMap<string>('meta').get('prompt') ?? '';
    expect(prompt).toContain('Make Counter safe for concurrent use.');
    expect(b!.doc.getMap<string>('meta').get('activeFile')).toBe('tally.go');
    expect(a!.file('tally.go')).toBe(STARTER);

    const note = await interviewer.call('POST', `/api/rooms/${roomId}/notes`, { body: NOTE });
    expect(note.status).toBe(201);
    expect((await interviewer.call('GET', `/api/rooms/${roomId}/notes`)).body.items).toEqual([expect.objectContaining({ body: NOTE })]);

    // The candidate cannot rewrite the prompt: the server puts it back.
    b!.doc.getMap<string>('meta').set('prompt', 'I rewrote the prompt');
    await until('the prompt is restored', () => b!.doc.getMap<string>('meta').get('prompt') === prompt && a!.doc.getMap<string>('meta').get('prompt') === prompt);
  });

  it("should never send the candidate a key, hidden test, solution, explanation or note (socket messages and REST)", async () => {
    const b = clients[1]!;
    const replay = await candidate.call('GET', `/api/rooms/${roomId}/replay`);
    expect(replay.status).toBe(200);
    expect(replay.body.notes).toEqual([]);
    await candidate.call('GET', `/api/rooms/${roomId}`);
    await candidate.call('GET', `/api/rooms/${roomId}/scorecard`);
    const wire = Buffer.concat(b.messages).toString('latin1');
    expect(b.messages.length).toBeGreaterThan(3);
    const decoded = docStrings(b.doc).join('\n');
    expect(decoded).toContain(STARTER);
    for (const secret of secrets) {
      expect([secret, wire.includes(secret)]).toEqual([secret, false]);
      expect([secret, decoded.includes(secret)]).toEqual([secret, false]);
      for (const body of candidate.received) expect([secret, body.includes(secret)]).toEqual([secret, false]);
    }
    for (const body of candidate.received) {
      const parsed = body ? (JSON.parse(body) as unknown) : undefined;
      expect(findKeyMaterial(parsed)).toEqual([]);
    }
    // The interviewer's replay has the note (so the check above could have failed).
    const own = await interviewer.call('GET', `/api/rooms/${roomId}/replay`);
    expect(own.body.notes).toEqual([expect.objectContaining({ body: NOTE })]);
  });

  it('should keep everything typed across an API restart: a client reconnects into the same document', async () => {
    const [a, b] = clients;
    a!.doc.getMap<InstanceType<typeof Y.Text>>('files').get('tally.go')!.insert(0, '// typed just before the restart\n');
    await until('the candidate sees the last edit', () => b!.file('tally.go').startsWith('// typed just before the restart'));
    const before = b!.file('tally.go');
    for (const c of clients.splice(0)) await c.close();
    await t.close({ keepDatabase: true });
    t = await createTestApp({}, { database: t.database });
    const again = await open(candidate);
    expect(again.file('tally.go')).toBe(before);
    const interviewerAgain = await open(interviewer);
    expect(interviewerAgain.file('tally.go')).toBe(before);
    expect(interviewerAgain.doc.getMap<string>('meta').get('prompt')).toContain('Make Counter safe');
    // Still live after the restart.
    interviewerAgain.doc.getMap<InstanceType<typeof Y.Text>>('files').get('tally.go')!.insert(0, '// after\n');
    await until('the edit after the restart arrives', () => again.file('tally.go').startsWith('// after\n'));
  });

  it('should replay the updates in order: applied one by one they rebuild the final files', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const replay = await interviewer.call('GET', `/api/rooms/${roomId}/replay`);
    expect(replay.status).toBe(200);
    const updates: Array<{ at: string; update: string }> = replay.body.updates;
    expect(updates.length).toBeGreaterThan(5);
    const times = updates.map((u) => Date.parse(u.at));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const stored = await t.sql<{ seq: string }>(`SELECT seq::text FROM room_doc_updates WHERE room_id = $1 ORDER BY seq`, [roomId]);
    expect(stored).toHaveLength(updates.length);
    const rebuilt = new Y.Doc();
    const seen: string[] = [];
    for (const u of updates) {
      Y.applyUpdate(rebuilt, Buffer.from(u.update, 'base64'));
      seen.push(rebuilt.getMap<InstanceType<typeof Y.Text>>('files').get('tally.go')?.toString() ?? '');
    }
    expect(replay.body.finalFiles['tally.go']).toBe(clients[0]!.file('tally.go'));
    expect(rebuilt.getMap<InstanceType<typeof Y.Text>>('files').get('tally.go')!.toString()).toBe(replay.body.finalFiles['tally.go']);
    // Played back, the session passes through the starter, then the edit before the restart, then the one after.
    const first = seen.indexOf(STARTER);
    const beforeRestart = seen.findIndex((s) => s.startsWith('// typed just before the restart'));
    const afterRestart = seen.findIndex((s) => s.startsWith('// after\n'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(beforeRestart).toBeGreaterThan(first);
    expect(afterRestart).toBeGreaterThan(beforeRestart);
  });

  it('should close a socket that sends a message over 512 KiB, or floods past its burst of 300 messages', async () => {
    const raw = new WebSocket(`${t.url.replace(/^http/, 'ws')}/api/rooms/ws`);
    await new Promise((r) => raw.once('open', r));
    const code = new Promise<number>((r) => raw.once('close', (c: number) => r(c)));
    raw.send(Buffer.alloc(600 * 1024, 1));
    expect(await code).toBe(1009);

    // A typist's burst passes: 200 messages at once stay within the bucket.
    const typist = await open(candidate);
    for (let i = 0; i < 200; i++) typist.provider.setAwarenessField('cursor', { i });
    await new Promise((r) => setTimeout(r, 500));
    expect(typist.closes).not.toContain(4429);
    await typist.close();

    const flood = await open(candidate);
    // 3,000 at once: the bucket (300 + 100/s) closes the socket unless the server took 27 s to read
    // them, so a loaded machine cannot refill it in time (1,000 was refilled at load 23).
    for (let i = 0; i < 3000; i++) flood.provider.setAwarenessField('cursor', { i });
    await until('the flooding socket is closed', () => flood.closes.includes(4429), 30_000);
  });

  it('should score the round (coded 400s for bad ratings), show the rubric of what was asked, and end it', async () => {
    expect((await interviewer.call('GET', `/api/rooms/${roomId}/scorecard`)).body.code).toBe('ROOM_SCORECARD_NOT_FOUND');
    const bad = await interviewer.call('PUT', `/api/rooms/${roomId}/scorecard`, { ratings: { language: 5, charisma: 2 } });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const saved = await interviewer.call('PUT', `/api/rooms/${roomId}/scorecard`, {
      ratings: { concurrency: 2, language: 3 },
      recommendation: 'no-hire',
      comments: 'Missed the race on Value.',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ratings: { concurrency: 2, language: 3 }, recommendation: 'no-hire', asked: [{ questionId: TALLY_ID, title: 'Count safely', rubric: [] }] });
    // A hiring round's card is the organization's: its candidate does not read it.
    const seen = await candidate.call('GET', `/api/rooms/${roomId}/scorecard`);
    expect([seen.status, seen.body.code]).toEqual([403, 'ROOM_FORBIDDEN']);
    const ended = await interviewer.call('POST', `/api/rooms/${roomId}/end`);
    expect(ended.body).toMatchObject({ status: 'ended' });
    expect(ended.body.endedAt).not.toBeNull();
    const late = await interviewer.call('POST', `/api/rooms/${roomId}/push`, { questionId: TALLY_ID });
    expect([late.status, late.body.code]).toEqual([410, 'ROOM_ENDED']);
    const history = await interviewer.call('GET', '/api/rooms');
    expect(history.body.items).toEqual([expect.objectContaining({ id: roomId, status: 'ended', scored: true, myRole: 'interviewer' })]);
  });

  it('should let two learners swap roles in a peer room, refuse a swap in a manager room, and refuse an expired room', async () => {
    const peer = await outsider.call('POST', '/api/rooms', { kind: 'peer', role: 'sre', level: 'mid' });
    expect(peer.status).toBe(201);
    const partner = await registeredUser(() => t.url, 'partner@example.com', 'Pat Partner');
    const early = await outsider.call('POST', `/api/rooms/${peer.body.id}/swap`);
    expect([early.status, early.body.code]).toEqual([409, 'ROOM_SWAP_REFUSED']);
    const joined = await partner.call('POST', '/api/rooms/join', { joinToken: peer.body.joinLinks.candidate.slice('/rooms/join/'.length) });
    expect(joined.status).toBe(200);
    expect(joined.body.memberToken).toBeUndefined();
    expect(joined.body.room.myRole).toBe('candidate');
    const [outsiderDoc, partnerDoc] = [
      await openDoc(t.url, peer.body.id, { cookie: outsider.cookieHeader ?? '' }),
      await openDoc(t.url, peer.body.id, { cookie: partner.cookieHeader ?? '' }),
    ];
    clients.push(outsiderDoc!, partnerDoc!);
    const swapped = await partner.call('POST', `/api/rooms/${peer.body.id}/swap`);
    expect(swapped.status).toBe(200);
    // The swap closes the sockets; the providers come back by themselves (with the new roles) and
    // an edit after the swap still reaches the other side.
    await until('both sockets are closed by the swap', () => outsiderDoc!.closes.includes(4205) && partnerDoc!.closes.includes(4205));
    await until('both providers are synced again', () => outsiderDoc!.provider.isSynced && partnerDoc!.provider.isSynced, 10_000);
    partnerDoc!.doc.getMap<InstanceType<typeof Y.Text>>('files').get('main.go')!.insert(0, '// after the swap\n');
    await until('the edit after the swap arrives', () => outsiderDoc!.file('main.go').startsWith('// after the swap\n'), 10_000);
    expect(swapped.body.myRole).toBe('interviewer');
    expect((await outsider.call('GET', `/api/rooms/${peer.body.id}`)).body.myRole).toBe('candidate');
    expect((await partner.call('GET', `/api/rooms/${peer.body.id}/panel?topic=sync`)).status).toBe(200);
    expect((await outsider.call('GET', `/api/rooms/${peer.body.id}/panel`)).status).toBe(403);

    const manager = await interviewer.call('POST', '/api/rooms', { kind: 'manager', role: 'backend', level: 'junior' });
    const refused = await interviewer.call('POST', `/api/rooms/${manager.body.id}/swap`);
    expect([refused.status, refused.body.code]).toEqual([409, 'ROOM_SWAP_REFUSED']);

    await t.sql(`UPDATE rooms SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE id = $1`, [manager.body.id]);
    const expiredJoin = await guest(() => t.url).join(manager.body.joinLinks.candidate.slice('/rooms/join/'.length), 'Late');
    expect([expiredJoin.status, expiredJoin.body.code]).toEqual([410, 'ROOM_EXPIRED']);
    roomId = manager.body.id;
    await expect(openDoc(t.url, roomId, { cookie: interviewer.cookieHeader ?? '' })).rejects.toThrow(/authentication failed/);
  });
});
