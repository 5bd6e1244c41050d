/**
 * Scale-out proof (issue 8): two API processes (production build) on different ports against one
 * Postgres, both running the overdue sweep every 200 ms. One attempt is started on A, its answers
 * are saved alternately through A and B, and it is submitted through B (and at the same moment
 * through A); twenty short attempts are left to run out so that the two sweeps race for them.
 * Checks: every answer is the last one saved, the submit result is the same from both, and each
 * overdue attempt is closed exactly once (the sweeps' own counts add up to twenty).
 *
 *   npm run bench -- scale-out        (about 80 s: the short attempts have a one-minute limit)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ApiSession, responseFor, type ItemView } from '../support/api-session';
import { API_USER_PASSWORD } from './lib/api';
import { embeddedUrl, requireBuild, startBenchApp } from './lib/common';
import { startApp } from '../support/app-process';

const OVERDUE = 20;
const SWEEP_ENV = { ATTEMPT_SWEEP_INTERVAL_MS: '200', ATTEMPT_GRACE_MS: '500', LOG_LEVEL: 'info' };

interface Delivery {
  id: string;
  state: string;
  items: Array<ItemView & { position: number; answer: { response: unknown; revision: number } | null }>;
}
interface Summary {
  id: string;
  state: string;
  finishedAt: string | null;
  result: { score: number; items: number; unanswered: number } | null;
}

function check(ok: boolean, what: string, failures: string[]): void {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

/** What the sweep of one instance reports having closed (pino lines "closed overdue attempts: n submitted, m abandoned"). */
function sweptBy(output: string): number {
  let n = 0;
  for (const m of output.matchAll(/closed overdue attempts: (\d+) submitted, (\d+) abandoned/g)) n += Number(m[1]) + Number(m[2]);
  return n;
}

export async function runScaleOut(): Promise<{ failures: string[]; sweptA: number; sweptB: number }> {
  requireBuild();
  const failures: string[] = [];
  // A owns a throwaway embedded Postgres; B is pointed at it with DATABASE_URL like any external database.
  const dir = mkdtempSync(join(tmpdir(), 'goprep-scale-out-'));
  const a = await startBenchApp(SWEEP_ENV, dir);
  const b = await startApp({ env: { ...SWEEP_ENV, DATABASE_URL: embeddedUrl(a.pgPort), BANK_LOAD_ON_START: 'false' } });
  try {
    console.log(`scale-out: A ${a.app.url} (embedded Postgres :${a.pgPort}), B ${b.url} (DATABASE_URL), sweep every 200 ms on both`);
    const viaA = await ApiSession.register(a.app.url, `scale-${Date.now()}@load.goprep.test`, API_USER_PASSWORD);
    // The same browser talks to both instances with the same cookies: sessions are database rows.
    const viaB = viaA.on(b.url);

    const started = await viaA.ok<Delivery>('POST', '/api/attempts', { mode: 'quick', topics: ['channels', 'memory-model', 'goroutine-leaks', 'sync'], count: 20, timeLimitMinutes: 30 });
    const expected = new Map<number, unknown>();
    for (let round = 0; round < 3; round += 1) {
      for (const [k, item] of started.items.entries()) {
        const via = (k + round) % 2 === 0 ? viaA : viaB;
        const response = responseFor(item, k + round);
        await via.ok('PUT', `/api/attempts/${started.id}/items/${item.position}/answer`, { response, timeSpentMs: 1000 * (round + 1) });
        expected.set(item.position, response);
      }
    }
    const seenOnA = await viaA.ok<Delivery>('GET', `/api/attempts/${started.id}`);
    const seenOnB = await viaB.ok<Delivery>('GET', `/api/attempts/${started.id}`);
    // The stored response is the validated one (it carries its type as well): compare the fields sent.
    const same = (d: Delivery) =>
      d.items.every((i) => {
        const sent = expected.get(i.position) as Record<string, unknown>;
        const got = i.answer?.response as Record<string, unknown> | undefined;
        return i.answer?.revision === 3 && got !== undefined && Object.keys(sent).every((k) => JSON.stringify(got[k]) === JSON.stringify(sent[k]));
      });
    check(same(seenOnA) && same(seenOnB), '60 saves alternating A/B: both instances deliver every last answer at revision 3', failures);

    const [onB, onA] = await Promise.all([
      viaB.call<Summary>('POST', `/api/attempts/${started.id}/submit`),
      viaA.call<Summary>('POST', `/api/attempts/${started.id}/submit`),
    ]);
    check(onB.status === 200 && onA.status === 200, `submit through B and A at once: ${onB.status} / ${onA.status}`, failures);
    check(
      onB.body.finishedAt !== null && onB.body.finishedAt === onA.body.finishedAt && JSON.stringify(onB.body.result) === JSON.stringify(onA.body.result),
      `one grading: same finishedAt and result from both (${onB.body.result?.score}/${onB.body.result?.items})`,
      failures,
    );
    const late = await viaA.call('PUT', `/api/attempts/${started.id}/items/1/answer`, { response: expected.get(1) });
    check(late.status === 409, `a save after the submit is refused on A (${late.status})`, failures);

    const short: string[] = [];
    for (let i = 0; i < OVERDUE; i += 1) {
      const via = i % 2 === 0 ? viaA : viaB;
      const d = await via.ok<Delivery>('POST', '/api/attempts', { mode: 'quick', topics: ['channels', 'context'], count: 3, timeLimitMinutes: 1 });
      await via.ok('PUT', `/api/attempts/${d.id}/items/1/answer`, { response: responseFor(d.items[0]!, i) });
      short.push(d.id);
    }
    console.log(`  ${OVERDUE} one-minute attempts started; waiting for the sweeps...`);
    const db = new Client({ connectionString: embeddedUrl(a.pgPort) });
    await db.connect();
    const deadline = Date.now() + 120_000;
    let open = OVERDUE;
    while (open > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      open = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM attempts WHERE id = ANY($1::uuid[]) AND state = 'in_progress'`, [short])).rows[0]!.n);
    }
    const states = (await db.query<{ state: string; n: string }>(`SELECT state, count(*) AS n FROM attempts WHERE id = ANY($1::uuid[]) GROUP BY state`, [short])).rows;
    await db.end();
    check(open === 0, `all ${OVERDUE} overdue attempts closed (${states.map((s) => `${s.n} ${s.state}`).join(', ')})`, failures);
    await new Promise((r) => setTimeout(r, 500));
    const sweptA = sweptBy(a.app.output());
    const sweptB = sweptBy(b.output());
    check(sweptA + sweptB === OVERDUE, `exactly once: A's sweep closed ${sweptA}, B's ${sweptB}, together ${sweptA + sweptB} of ${OVERDUE}`, failures);
    console.log(failures.length === 0 ? 'scale-out: correct and exactly-once' : `scale-out: ${failures.length} check(s) failed`);
    return { failures, sweptA, sweptB };
  } finally {
    await b.stop();
    await a.app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runScaleOut().then(
    (r) => process.exit(r.failures.length === 0 ? 0 : 1),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
