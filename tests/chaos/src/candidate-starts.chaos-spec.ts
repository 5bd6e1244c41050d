import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiSession, freePort, startApp, type RunningApp } from '@goprep/test-support';
import { AppPostgres } from './support/postgres';
import { publishedBankSet } from './support/published-set';
import { CHAOS_PASSWORD, sleep, type Delivery } from './support/session';

const INVITES = 20;
const TABS = 20;
const MAX_TRIES = 8;

/**
 * The concurrency probe of issue 13: every one of 20 one-attempt invites gets 20 simultaneous
 * starts (400 requests in flight against the production build). Each invite must end with exactly
 * one attempt, and every tab of an invite must be handed that same attempt.
 */
describe('chaos: simultaneous starts on one-attempt invites', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'goprep-chaos-starts-'));
  let app: RunningApp | undefined;

  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`should create exactly one attempt for each of ${INVITES} invites started ${TABS} times at once`, async () => {
    const pgPort = await freePort();
    app = await startApp({ dataDir, env: { EMBEDDED_PG_PORT: String(pgPort) } });
    const pg = new AppPostgres(dataDir, pgPort);
    const manager = await ApiSession.register(app.url, 'starts-manager@example.test', CHAOS_PASSWORD);
    const { orgId, setId } = await publishedBankSet(manager, pg, { orgName: 'Start Race Ltd', title: 'One attempt each', items: 2, timeLimitSeconds: 600 });
    const created = await manager.ok<{ invites: Array<{ id: string; link: string }> }>('POST', `/api/orgs/${orgId}/sets/${setId}/invites`, {
      invitees: Array.from({ length: INVITES }, (_, i) => ({ name: `Starter ${i + 1}`, email: `starter${i + 1}@starts.example` })),
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(created.invites).toHaveLength(INVITES);

    // Every tab opens its link first (session cookie, CSRF), so the starts themselves go out together.
    const tabs = await Promise.all(
      created.invites.flatMap((invite) =>
        Array.from({ length: TABS }, async () => {
          const s = new ApiSession(app!.url);
          await s.ok('GET', '/api/auth/csrf');
          await s.ok('POST', '/api/candidate/session', { token: new URL(invite.link).hash.slice(1) });
          return { inviteId: invite.id, s };
        }),
      ),
    );
    // 400 requests that each hold a pooled connection while they queue on their invite's row can
    // outlast the pool's wait (503 DB_UNAVAILABLE, Retry-After); a tab then retries, as the web client does.
    let retried = 0;
    const start = async (s: ApiSession) => {
      for (let attempt = 1; ; attempt++) {
        const reply = await s.call<Delivery>('POST', '/api/candidate/start');
        if (reply.status !== 503 || attempt === MAX_TRIES) return reply;
        retried++;
        await sleep(250 * attempt);
      }
    };
    const starts = await Promise.all(tabs.map(async ({ inviteId, s }) => ({ inviteId, reply: await start(s) })));

    expect(starts.filter((x) => x.reply.status !== 201).map((x) => `${x.reply.status} ${JSON.stringify(x.reply.body)}`)).toEqual([]);
    const handed = new Map<string, Set<string>>();
    for (const { inviteId, reply } of starts) handed.set(inviteId, (handed.get(inviteId) ?? new Set()).add(reply.body.id));
    const perInvite = await pg.query<{ invite_id: string; n: number }>(
      `SELECT ci.id AS invite_id, count(a.id)::int AS n FROM candidate_invites ci LEFT JOIN attempts a ON a.invite_id = ci.id
        WHERE ci.id = ANY($1::uuid[]) GROUP BY ci.id`,
      [created.invites.map((i) => i.id)],
    );
    expect(perInvite.filter((r) => r.n !== 1)).toEqual([]);
    expect(perInvite).toHaveLength(INVITES);
    expect([...handed.values()].filter((ids) => ids.size !== 1).length).toBe(0);
    process.stdout.write(`chaos starts: ${starts.length} simultaneous starts on ${INVITES} invites (${retried} retries after 503) -> one attempt each\n`);
  });
});
