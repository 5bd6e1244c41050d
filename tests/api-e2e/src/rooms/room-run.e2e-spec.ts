import { SHARED_JUDGE_DATA_DIR, startRunner, type RunningRunner } from '@goprep/test-support';
import { embeddedUrl } from '@goprep/api/testing';
import { e2eDatabase } from '../support/e2e-env';
import { HIDDEN_MARKER, insertTallyTask, SOLUTION, TALLY_ID } from '../support/judge-fixture';
import { docStrings, guest, openDoc, registeredUser, until, Y, type DocClient, type RoomCaller } from '../support/room-clients';
import { createTestApp, type TestApp } from '../support/test-app';


interface RoomRun {
  runId: string;
  state: string;
  verdict: string | null;
  tests: Array<{ name: string; passed: boolean; output: string }>;
}

/**
 * "Run" in a room: the shared editor's files judged by a real runner (bubblewrap + Go) against the
 * pushed task's visible tests; the result lands in the document's `runs` for both sides.
 */
describe('rooms: Run judges the shared files with the visible tests', () => {
  let t: TestApp;
  let runner: RunningRunner;
  let interviewer: RoomCaller;
  let candidate: ReturnType<typeof guest>;
  let roomId: string;
  let a: DocClient;
  let b: DocClient;

  beforeAll(async () => {
    t = await createTestApp();
    const version = await insertTallyTask(t);
    // Only this task to warm: the runner is ready sooner.
    await t.sql('DELETE FROM judge_task_specs WHERE question_version_id <> $1', [version]);
    interviewer = await registeredUser(() => t.url, 'ivy@example.com', 'Ivy');
    candidate = guest(() => t.url);
    const room = await interviewer.call('POST', '/api/rooms', { kind: 'manager', role: 'backend', level: 'senior' });
    roomId = room.body.id;
    await candidate.join(room.body.joinLinks.candidate.slice('/rooms/join/'.length), 'Cara');
    runner = startRunner('e2e-room-runner', { DATABASE_URL: embeddedUrl(e2eDatabase().port, t.database), JUDGE_DATA_DIR: SHARED_JUDGE_DATA_DIR, RUNNER_HEARTBEAT_MS: '300' });
    a = await openDoc(t.url, roomId, { cookie: interviewer.cookieHeader ?? '' });
    b = await openDoc(t.url, roomId, { token: candidate.memberToken ?? '' });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await runner?.stop();
    await t?.close();
  });

  it('should refuse Run before a code task is pushed', async () => {
    const res = await candidate.call('POST', `/api/rooms/${roomId}/run`);
    expect([res.status, res.body.code]).toEqual([409, 'ROOM_NO_TASK']);
  });

  it("should judge the candidate's edits and append the verdict with per-test output to both documents", async () => {
    expect((await interviewer.call('POST', `/api/rooms/${roomId}/push`, { questionId: TALLY_ID })).status).toBe(200);
    await until('the starter arrives', () => b.file('tally.go').includes('type Counter'));
    // The candidate types the fix into the shared editor.
    const text = b.doc.getMap<InstanceType<typeof Y.Text>>('files').get('tally.go')!;
    b.doc.transact(() => {
      text.delete(0, text.length);
      text.insert(0, SOLUTION);
    });
    await until('the interviewer sees the fix', () => a.file('tally.go') === SOLUTION);
    const run = await candidate.call('POST', `/api/rooms/${roomId}/run`);
    expect(run.status).toBe(201);
    const runId: string = run.body.runId;
    const runs = (c: DocClient) => c.doc.getArray<RoomRun>('runs').toArray();
    await until('the queued run shows', () => runs(a).some((r) => r.runId === runId));
    // First the judge (a cold build cache on a loaded machine takes minutes), then the document.
    try {
      await until(
        'the runner to judge the run',
        async () => (await t.sql<{ state: string }>('SELECT state FROM judge_runs WHERE id = $1', [runId]))[0]?.state === 'done',
        420_000,
      );
    } catch (e) {
      throw new Error(`${String(e)}\nrunner output:\n${runner.output().slice(-3000)}`);
    }
    await until('the verdict arrives in the document', () => runs(b).some((r) => r.runId === runId && r.state === 'done'), 10_000);
    const done = runs(b).find((r) => r.runId === runId)!;
    expect(done.verdict).toBe('passed');
    expect(done.tests).toEqual([expect.objectContaining({ name: 'TestAddOnce', passed: true })]);
    expect(runs(b).filter((r) => r.runId === runId)).toHaveLength(1);
    await until('the interviewer has the same verdict', () => runs(a).some((r) => r.runId === runId && r.verdict === 'passed'));
    // What was judged is the shared editor's file, and the stored run says so.
    const [stored] = await t.sql<{ files: Record<string, string>; mode: string }>('SELECT files, mode FROM judge_runs WHERE id = $1', [runId]);
    expect(stored).toEqual({ files: { 'tally.go': SOLUTION }, mode: 'visible' });
    // Visible tests only: the hidden ones never reach the document.
    expect(docStrings(b.doc).join('\n')).not.toContain(HIDDEN_MARKER);
    expect(Buffer.concat(b.messages).toString('latin1')).not.toContain(HIDDEN_MARKER);
    const replay = await candidate.call('GET', `/api/rooms/${roomId}/replay`);
    expect(replay.body.runs).toEqual([expect.objectContaining({ runId, state: 'done', verdict: 'passed' })]);
  }, 480_000);
});
