import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '@goprep/domain';
import { ApiSession, freePort, responseFor, startApp, type RunningApp } from '@goprep/test-support';
import { CHAOS_PASSWORD, sleep, type Delivery, type Saved } from './support/session';

const RUNS = Number(process.env['CHAOS_KILL_RUNS'] ?? 20);
const WRITERS = 4;

/**
 * kill -9 of the production server while a client keeps saving answers, then a restart on the same
 * data folder. Every save the server acknowledged (2xx) before the kill must be there afterwards:
 * its revision or a later one (a save in flight at the kill may have committed without an answer).
 */
describe('chaos: kill -9 of the API mid-attempt', () => {
  const seed = Number(process.env['CHAOS_SEED'] ?? Date.now() % 2_147_483_647);
  const dataDir = mkdtempSync(join(tmpdir(), 'goprep-chaos-kill-'));
  let app: RunningApp | undefined;

  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`should keep every acknowledged answer across ${RUNS} kills at seeded random points, and resume`, async () => {
    const random = mulberry32(seed);
    const killPoints = Array.from({ length: RUNS }, () => 200 + Math.floor(random() * 2800));
    console.log(`[chaos kill] seed ${seed} (replay: CHAOS_SEED=${seed}); kill points (ms after saving starts): ${killPoints.join(', ')}`);

    const env = { EMBEDDED_PG_PORT: String(await freePort()) };
    app = await startApp({ dataDir, env });
    const session = await ApiSession.register(app.url, 'crash-survivor@example.test', CHAOS_PASSWORD);
    const attempt = await session.ok<Delivery>('POST', '/api/attempts', {
      mode: 'quick',
      topics: ['channels', 'sync', 'context'],
      count: 20,
      timeLimitMinutes: 120,
    });
    const items = attempt.items;
    /** The highest acknowledged revision per position, with the time spent that identifies the save. */
    const acked = new Map<number, Saved>();
    let k = 0;
    const lines: string[] = [];
    let totalAcked = 0;
    let totalLost = 0;
    let totalRejected = 0;
    const restarts: number[] = [];

    for (let run = 1; run <= RUNS; run++) {
      let stop = false;
      let ackedThisRun = 0;
      let failedInFlight = 0;
      const writer = async () => {
        while (!stop) {
          const item = items[Math.floor(random() * items.length)]!;
          k += 1;
          const mine = k;
          try {
            const reply = await session.call<Saved>('PUT', `/api/attempts/${attempt.id}/items/${item.position}/answer`, {
              response: responseFor(item, mine),
              timeSpentMs: mine,
            });
            if (reply.status >= 200 && reply.status < 300) {
              ackedThisRun += 1;
              const before = acked.get(item.position);
              if (!before || reply.body.revision > before.revision) acked.set(item.position, { ...reply.body, timeSpentMs: mine });
            } else {
              totalRejected += 1;
              console.log(`[chaos kill] run ${run}: save rejected ${reply.status} ${JSON.stringify(reply.body)}`);
            }
          } catch {
            failedInFlight += 1;
            return; // the server is gone
          }
        }
      };
      const writers = Array.from({ length: WRITERS }, () => writer());
      await sleep(killPoints[run - 1]!);
      await app.crash();
      stop = true;
      await Promise.all(writers);

      const started = performance.now();
      // Same data folder and settings; the bank is already loaded, so the restart skips re-reading it.
      app = await startApp({ dataDir, env: { ...env, BANK_LOAD_ON_START: 'false' } });
      restarts.push(performance.now() - started);
      session.base = app.url;
      const after = await session.ok<Delivery>('GET', `/api/attempts/${attempt.id}`);
      expect(after.state).toBe('in_progress');
      let lost = 0;
      for (const [position, save] of acked) {
        const stored = after.items.find((i) => i.position === position)?.answer;
        const kept = stored && (stored.revision > save.revision || (stored.revision === save.revision && stored.timeSpentMs === save.timeSpentMs));
        if (!kept) lost += 1;
      }
      totalAcked += ackedThisRun;
      totalLost += lost;
      lines.push(
        `run ${String(run).padStart(2)}: killed after ${String(killPoints[run - 1]).padStart(4)} ms, ${String(ackedThisRun).padStart(3)} saves acknowledged, ` +
          `${failedInFlight} in flight, restart ${Math.round(restarts.at(-1)!)} ms, lost ${lost}`,
      );
    }

    // The attempt goes on after the last restart: one more save, then a submission that grades it.
    const last = items[0]!;
    const reply = await session.call<Saved>('PUT', `/api/attempts/${attempt.id}/items/${last.position}/answer`, {
      response: responseFor(last, k + 1),
      timeSpentMs: k + 1,
    });
    expect(reply.status).toBe(200);
    const submitted = await session.ok<Delivery>('POST', `/api/attempts/${attempt.id}/submit`);
    expect(submitted.state).toBe('submitted');

    const sortedRestarts = [...restarts].sort((a, b) => a - b);
    console.log(
      [
        `[chaos kill] seed ${seed}`,
        ...lines,
        `total: ${RUNS} kills, ${totalAcked} saves acknowledged, ${totalRejected} rejected, answers lost: ${totalLost}; ` +
          `restart median ${Math.round(sortedRestarts[Math.floor(sortedRestarts.length / 2)]!)} ms, max ${Math.round(sortedRestarts.at(-1)!)} ms`,
      ].join('\n'),
    );
    expect(totalAcked).toBeGreaterThan(RUNS);
    expect(totalRejected).toBe(0);
    expect(totalLost).toBe(0);
  });
});
