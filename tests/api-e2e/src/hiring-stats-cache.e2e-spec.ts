import { StatsRefreshService } from '@goprep/api/testing';
import type { AnswerKey } from '@goprep/domain';
import { rightAnswer, wrongAnswer } from './support/answers';
import { bankQuestions, candidate, fixed, manager, publishedSet, tokenOf } from './support/hiring';
import { createTestApp, type Browser, type TestApp } from './support/test-app';

/** Neither the sweep nor the snapshot refresh runs on its own here; the test calls the refresh. */
const ENV = { ATTEMPT_SWEEP_INTERVAL_MS: '0', STATS_REFRESH_INTERVAL_MS: '0', PUBLIC_URL: 'http://goprep.test' };

interface Stats {
  excludedPending: number;
  set: { attempts: number; meanScore: number | null };
  items: Array<{ questionId: string; attempts: number; facility: { value: number | null } }>;
}

interface Snapshot {
  fingerprint: string | null;
  generation: string;
  statistics: Stats | null;
  computed_at: Date;
}

describe('hiring: item statistics from a stored snapshot', () => {
  let t: TestApp;
  let m: Browser;
  let orgId: string;
  let setId: string;
  let version: number;
  let versionId: string;
  const links: string[] = [];

  /** A candidate answers the single-choice items right or wrong (the essay always waits for a person) and submits. */
  async function take(index: number, right: boolean): Promise<string> {
    const { b } = await candidate(t, tokenOf(links[index]!));
    const started = await b.post('/api/candidate/start');
    expect(started.status).toBe(201);
    const attempt = started.body as { id: string; items: Array<{ position: number }> };
    const keys = await t.sql<{ position: number; answer_key: AnswerKey }>(
      `SELECT i.position, v.answer_key FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1`,
      [attempt.id],
    );
    for (const { position, answer_key } of keys) {
      const response = right ? rightAnswer(answer_key) : wrongAnswer(answer_key);
      expect((await b.put(`/api/candidate/attempt/items/${position}/answer`, { response, timeSpentMs: 1000 })).status).toBe(200);
    }
    expect((await b.post('/api/candidate/attempt/submit')).status).toBe(200);
    return attempt.id;
  }

  const statsUrl = (): string => `/api/orgs/${orgId}/sets/${setId}/versions/${version}/statistics`;
  const stats = async (): Promise<Stats> => (await m.get(statsUrl()).expect(200)).body as Stats;
  const snapshot = async (): Promise<Snapshot | undefined> =>
    (await t.sql<Snapshot>(`SELECT fingerprint, generation::text AS generation, statistics, computed_at FROM set_version_statistics WHERE set_version_id = $1`, [versionId]))[0];
  /** The figures computed from scratch: without a snapshot the endpoint computes them. */
  async function fresh(): Promise<Stats> {
    await t.sql(`DELETE FROM set_version_statistics WHERE set_version_id = $1`, [versionId]);
    return stats();
  }

  beforeAll(async () => {
    t = await createTestApp(ENV);
    ({ b: m, orgId } = await manager(t, 'stats@cache.example', 'Cache Inc'));
    const singles = await bankQuestions(t, 'single', 2);
    const [essay] = await bankQuestions(t, 'essay', 1);
    ({ setId, version } = await publishedSet(m, orgId, { title: 'Cached stats', reviewPolicy: 'none', items: [...singles.map((q) => fixed(q)), fixed(essay!, 2)] }));
    versionId = (await t.sql<{ id: string }>(`SELECT id FROM question_set_versions WHERE set_id = $1 AND version = $2`, [setId, version]))[0]!.id;
    const res = await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, {
      invitees: [1, 2, 3, 4].map((i) => ({ name: `C${i}`, email: `c${i}@cache.example` })),
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    links.push(...(res.body as { invites: Array<{ link: string }> }).invites.map((i) => i.link));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should answer the same figures from the snapshot as from a fresh computation, and keep them current through submissions and grades', async () => {
    const first = await take(0, true);
    const second = await take(1, false);
    const pendingOnly = await stats();
    expect(pendingOnly).toMatchObject({ excludedPending: 2, set: { attempts: 0 } });
    const stored = await snapshot();
    expect(stored?.fingerprint).toEqual(expect.any(String));
    expect(stored?.statistics).toEqual(pendingOnly);
    // A second read is served from the snapshot: nothing is recomputed.
    expect(await stats()).toEqual(pendingOnly);
    expect((await snapshot())?.computed_at).toEqual(stored?.computed_at);

    // A grade of 0 leaves every attempt's score as it was, yet it brings the attempt into the figures.
    expect((await m.put(`/api/orgs/${orgId}/results/${second}/items/3/grade`, { score: 0 })).status).toBe(200);
    const afterZero = await stats();
    expect(afterZero).toMatchObject({ excludedPending: 1, set: { attempts: 1, meanScore: 0 } });
    expect(afterZero).toEqual(await fresh());

    expect((await m.put(`/api/orgs/${orgId}/results/${first}/items/3/grade`, { score: 2 })).status).toBe(200);
    const graded = await stats();
    expect(graded).toMatchObject({ excludedPending: 0, set: { attempts: 2, meanScore: 2 } });
    expect(graded).toEqual(await fresh());

    // Overriding a grade changes the figures at once.
    expect((await m.put(`/api/orgs/${orgId}/results/${first}/items/3/grade`, { score: 1 })).status).toBe(200);
    const overridden = await stats();
    expect(overridden.set.meanScore).toBe(1.5);
    expect(overridden).toEqual(await fresh());

    // Another submission (still pending) and then its grade.
    const third = await take(2, true);
    expect(await stats()).toMatchObject({ excludedPending: 1, set: { attempts: 2 } });
    expect((await m.put(`/api/orgs/${orgId}/results/${third}/items/3/grade`, { score: 2 })).status).toBe(200);
    const three = await stats();
    expect(three).toMatchObject({ excludedPending: 0, set: { attempts: 3 } });
    expect(three.set.meanScore).toBeCloseTo((3 + 0 + 4) / 3, 6);
    expect(three).toEqual(await fresh());
  });

  it('should refresh a stale snapshot in the background, once, and skip a version another instance holds', async () => {
    const job = t.app.get(StatsRefreshService);
    await stats();
    expect(await job.refreshOnce()).toEqual({ refreshed: 0, skipped: 0 });
    const fourth = await take(3, false);
    expect((await m.put(`/api/orgs/${orgId}/results/${fourth}/items/3/grade`, { score: 0 })).status).toBe(200);
    const before = await snapshot();
    expect(before?.fingerprint).toBeNull();

    // Another instance is computing this version: this one leaves it alone.
    await t.sql('BEGIN');
    await t.sql(`SELECT pg_advisory_xact_lock(hashtextextended('set-version-statistics:' || $1, 0))`, [versionId]);
    expect(await job.refreshOnce()).toEqual({ refreshed: 0, skipped: 1 });
    await t.sql('COMMIT');

    expect(await job.refreshOnce()).toEqual({ refreshed: 1, skipped: 0 });
    const after = await snapshot();
    expect(after?.fingerprint).toEqual(expect.any(String));
    expect(after?.statistics).toMatchObject({ excludedPending: 0, set: { attempts: 4 } });
    // The read now is the refreshed snapshot, and equals a fresh computation.
    const computedAt = after?.computed_at;
    const read = await stats();
    expect((await snapshot())?.computed_at).toEqual(computedAt);
    expect(read).toEqual(after?.statistics);
    expect(await job.refreshOnce()).toEqual({ refreshed: 0, skipped: 0 });
    expect(read).toEqual(await fresh());
    expect(read.items.every((i) => i.attempts === 4)).toBe(true);
  });
});
