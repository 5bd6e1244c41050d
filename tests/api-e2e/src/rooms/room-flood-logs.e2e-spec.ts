import { startApp, type RunningApp } from '@goprep/test-support';
import { guest, openDoc, registeredUser, until, type DocClient } from '../support/room-clients';

/** pino's numeric levels (apps/api/src/common/logging/log-format.ts). */
const WARN = 40;
const ERROR = 50;

/**
 * A line the process printed, as the operator's log collector sees it: a JSON object with pino's
 * level, or any other text (a library's console.error, a stack trace), which counts as an error.
 */
function levelOf(line: string): number {
  try {
    const entry = JSON.parse(line) as { level?: unknown };
    return typeof entry.level === 'number' ? entry.level : ERROR;
  } catch {
    return ERROR;
  }
}

/**
 * The built server as `npm start` runs it, logging at debug level: a client flooding its room
 * socket is expected traffic (the socket is closed with 4429), not an error. Before, every refused
 * message printed two or three error lines with a stack (about 1,600 per flood).
 */
describe('rooms: a flood and a stranger are refused without an error in the log', () => {
  let app: RunningApp;
  const clients: DocClient[] = [];

  beforeAll(async () => {
    app = await startApp({ env: { LOG_LEVEL: 'debug', LOG_FORMAT: 'json', ATTEMPT_SWEEP_INTERVAL_MS: '0' } });
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) await c.close();
    await app?.stop();
  });

  it('should close the flooding socket with 4429 and refuse a stranger, logging one warning and no error line', async () => {
    // The first account is the site admin: allowed to open a manager room.
    const interviewer = await registeredUser(() => app.url, 'flood-interviewer@example.com', 'Ivy Interviewer');
    const created = await interviewer.call('POST', '/api/rooms', { kind: 'manager', title: 'Flooded round', role: 'backend', level: 'senior' });
    expect(created.status).toBe(201);
    const roomId = created.body.id as string;
    const joinToken = (created.body.joinLinks.candidate as string).slice('/rooms/join/'.length);
    const candidate = guest(() => app.url);
    expect((await candidate.join(joinToken, 'Flo Flooder')).status).toBe(200);
    const flood = await openDoc(app.url, roomId, { token: candidate.memberToken! });
    clients.push(flood);

    const before = app.output().length;
    // A stranger knocking is refused (permission denied) and is no error either.
    const stranger = await registeredUser(() => app.url, 'flood-stranger@example.com', 'Stan Stranger');
    await expect(openDoc(app.url, roomId, { cookie: stranger.cookieHeader ?? '' })).rejects.toThrow('authentication failed: permission-denied');
    // 3,000 at once against a bucket of 300 (+100/s): the same flood as rooms.e2e-spec.
    for (let i = 0; i < 3000; i++) flood.provider.setAwarenessField('cursor', { i });
    await until('the flooding socket is closed', () => flood.closes.includes(4429), 30_000);
    // The messages already on their way when the socket closed are handled (refused) too.
    await new Promise((r) => setTimeout(r, 2000));
    // The room still serves the next connection of the same member, with a bucket of its own.
    clients.push(await openDoc(app.url, roomId, { token: candidate.memberToken! }));

    const lines = app
      .output()
      .slice(before)
      .split('\n')
      .filter((l) => l.trim() !== '');
    const errors = lines.filter((l) => levelOf(l) >= ERROR);
    // The count and the first few, so that a failure says how bad it is and what was logged.
    expect({ errors: errors.length, first: errors.slice(0, 3) }).toEqual({ errors: 0, first: [] });
    const refusals = lines.filter((l) => levelOf(l) === WARN && l.includes('rate limited'));
    expect(refusals).toHaveLength(1);
  });
});
