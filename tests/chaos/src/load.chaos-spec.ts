import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '@goprep/domain';
import { ApiSession, freePort, percentile, responseFor, startApp, type RunningApp } from '@goprep/test-support';
import { AppPostgres } from './support/postgres';
import { publishedBankSet } from './support/published-set';
import { CHAOS_PASSWORD, sleep, type Delivery, type Saved } from './support/session';

const CANDIDATES = Number(process.env['CHAOS_LOAD_CANDIDATES'] ?? 500);
/** A 30-minute assessment, its pace compressed 10x into 3 minutes of wall time. */
const WINDOW_S = Number(process.env['CHAOS_LOAD_SECONDS'] ?? 180);
const ITEMS = 10;
const RAMP_S = Math.min(20, WINDOW_S / 6);

type Kind = 'session' | 'start' | 'save' | 'submit';

/**
 * 500 candidates invited in one bulk request take a 10-item, 30-minute test by their links, each
 * saving over time, some revising, then submitting; compressed to 3 minutes against the production
 * build on its embedded Postgres. Every acknowledged save is compared with the database afterwards.
 */
describe('chaos: 500 candidates through their invite links', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'goprep-chaos-load-'));
  let app: RunningApp | undefined;

  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`should serve ${CANDIDATES} candidates in ${WINDOW_S} s with zero errors and zero lost answers`, async () => {
    const pgPort = await freePort();
    app = await startApp({ dataDir, env: { EMBEDDED_PG_PORT: String(pgPort) } });
    const pg = new AppPostgres(dataDir, pgPort);
    const seed = Number(process.env['CHAOS_SEED'] ?? Date.now() % 2_147_483_647);
    const random = mulberry32(seed);

    // A manager, an organization, a published 30-minute set of 10 bank questions, 500 invites.
    const manager = await ApiSession.register(app.url, 'load-manager@example.test', CHAOS_PASSWORD);
    const { orgId, setId } = await publishedBankSet(manager, pg, { orgName: 'Load Test Ltd', title: 'Backend screen under load', items: ITEMS, timeLimitSeconds: 1800 });
    const i0 = performance.now();
    const created = await manager.ok<{ invites: Array<{ link: string; email: string }> }>('POST', `/api/orgs/${orgId}/sets/${setId}/invites`, {
      invitees: Array.from({ length: CANDIDATES }, (_, i) => ({ name: `Candidate ${i + 1}`, email: `candidate${i + 1}@load.example` })),
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const inviteMs = performance.now() - i0;
    expect(created.invites).toHaveLength(CANDIDATES);

    const latencies: Record<Kind, number[]> = { session: [], start: [], save: [], submit: [] };
    const errors: string[] = [];
    let acknowledged = 0;
    const results: Array<{ attemptId: string; acked: Map<number, Saved> }> = [];
    const base = app.url;
    const t0 = performance.now();
    const at = (seconds: number) => sleep(Math.max(0, t0 + seconds * 1000 - performance.now()));

    const candidate = async (link: string, n: number) => {
      // Each candidate's plan is drawn up front from the seed: start, save times, revisions, submit.
      const startAt = random() * RAMP_S;
      const submitAt = WINDOW_S - 5 - random() * 10;
      const plan: Array<{ at: number; slot: number }> = [];
      for (let slot = 0; slot < ITEMS; slot++) plan.push({ at: startAt + 2 + random() * (submitAt - startAt - 4), slot });
      const revisions = random() < 0.4 ? 1 + Math.floor(random() * 4) : 0;
      for (let r = 0; r < revisions; r++) plan.push({ at: startAt + 2 + random() * (submitAt - startAt - 4), slot: Math.floor(random() * ITEMS) });
      plan.sort((a, b) => a.at - b.at);

      const s = new ApiSession(base);
      const call = async <T>(kind: Kind, method: string, path: string, body?: unknown): Promise<T | null> => {
        try {
          const reply = await s.call<T>(method, path, body);
          latencies[kind].push(reply.ms);
          if (reply.status >= 300) {
            errors.push(`candidate ${n} ${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
            return null;
          }
          return reply.body;
        } catch (e) {
          errors.push(`candidate ${n} ${method} ${path}: ${String(e)}`);
          return null;
        }
      };
      await at(startAt);
      const token = new URL(link).hash.slice(1);
      if ((await call('session', 'GET', '/api/auth/csrf')) === null) return;
      if ((await call('session', 'POST', '/api/candidate/session', { token })) === null) return;
      const attempt = await call<Delivery>('start', 'POST', '/api/candidate/start');
      if (!attempt) return;
      const acked = new Map<number, Saved>();
      results.push({ attemptId: attempt.id, acked });
      let k = 0;
      for (const step of plan) {
        await at(step.at);
        const item = attempt.items[step.slot]!;
        k += 1;
        const timeSpentMs = 1000 * k + n;
        const saved = await call<Saved>('save', 'PUT', `/api/candidate/attempt/items/${item.position}/answer`, {
          response: responseFor(item, k + n),
          timeSpentMs,
        });
        if (saved) {
          acknowledged += 1;
          acked.set(item.position, { ...saved, timeSpentMs });
        }
      }
      await at(submitAt);
      await call('submit', 'POST', '/api/candidate/attempt/submit');
    };

    await Promise.all(created.invites.map((invite, n) => candidate(invite.link, n + 1)));
    const wallS = (performance.now() - t0) / 1000;

    // Every acknowledged save against the database: the stored revision and time spent are the last acknowledged ones.
    const rows = await pg.query<{ attempt_id: string; position: number; revision: number; time_spent_ms: number }>(
      'SELECT attempt_id, position, revision, time_spent_ms FROM answers WHERE attempt_id = ANY($1::uuid[])',
      [results.map((r) => r.attemptId)],
    );
    const stored = new Map(rows.map((r) => [`${r.attempt_id}/${r.position}`, r]));
    let lost = 0;
    for (const { attemptId, acked } of results) {
      for (const [position, save] of acked) {
        const row = stored.get(`${attemptId}/${position}`);
        if (!row || row.revision !== save.revision || row.time_spent_ms !== save.timeSpentMs) lost += 1;
      }
    }
    const attempts = await pg.query<{ state: string; n: number; graded: number }>(
      `SELECT state, count(*)::int AS n, count(score)::int AS graded FROM attempts WHERE id = ANY($1::uuid[]) GROUP BY state`,
      [results.map((r) => r.attemptId)],
    );

    const all = Object.values(latencies).flat().sort((a, b) => a - b);
    const fmt = (kind: Kind | 'all') => {
      const xs = kind === 'all' ? all : [...latencies[kind]].sort((a, b) => a - b);
      return `${kind.padEnd(7)} n=${String(xs.length).padStart(5)}  p50 ${percentile(xs, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(xs, 99).toFixed(1).padStart(7)} ms  max ${(xs.at(-1) ?? 0).toFixed(0).padStart(5)} ms`;
    };
    console.log(
      [
        `[chaos load] seed ${seed}: ${CANDIDATES} candidates, ${ITEMS} items, 30-minute set compressed into ${WINDOW_S} s (ran ${wallS.toFixed(0)} s)`,
        `  bulk invite of ${CANDIDATES}: ${Math.round(inviteMs)} ms`,
        `  ${all.length} requests, ${errors.length} errors, ${acknowledged} saves acknowledged, answers lost: ${lost}`,
        `  attempts: ${attempts.map((a) => `${a.n} ${a.state} (${a.graded} graded)`).join(', ')}`,
        ...(['session', 'start', 'save', 'submit', 'all'] as const).map((k) => `  ${fmt(k)}`),
        ...errors.slice(0, 10).map((e) => `  error: ${e}`),
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(results).toHaveLength(CANDIDATES);
    expect(lost).toBe(0);
    expect(attempts).toEqual([{ state: 'submitted', n: CANDIDATES, graded: CANDIDATES }]);
  });
});
