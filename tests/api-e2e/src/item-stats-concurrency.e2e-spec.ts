import { SetStatisticsService } from '@goprep/api/testing';
import { DataSource } from 'typeorm';
import { rightAnswer, wrongAnswer } from './support/answers';
import { expectSameFigures } from './support/figures';
import { HELD_LOCK_TEST_TIMEOUT_MS, underHeldLock } from './support/held-lock';
import { answeredAttempt, autoGradedQuestions, bankQuestions, essayPosition, fixed, manager, publishedWithInvites, type BankQuestion } from './support/hiring';
import { createTestApp, type Browser, type TestApp } from './support/test-app';

/*
 * The running item statistics (migration 1764803000000) are changed by item_stats_apply under a
 * transaction-scoped advisory lock per set version. These tests force the schedules that lock is
 * there for instead of hoping for them: a separate connection holds a lock, the requests are sent,
 * the holder lets go only once every request is blocked, and the stored sums are then compared
 * with the figures computed from the attempts themselves (SetStatisticsService.fromScratch, the
 * domain's itemStatistics/setStatistics over every attempt).
 */
const ENV = { ATTEMPT_SWEEP_INTERVAL_MS: '0', PUBLIC_URL: 'http://goprep.test' };

/** The statement item_stats_apply waits on (the same key expression as the migration's function). */
const SET_VERSION_LOCK = `SELECT pg_advisory_xact_lock(hashtextextended('item-stats:' || $1::uuid::text, 0))`;

interface Stats {
  excludedPending: number;
  set: { attempts: number };
  items: Array<{ attempts: number }>;
}

describe('item statistics: concurrent grading of one set version', () => {
  let t: TestApp;
  let m: Browser;
  let orgId: string;
  let service: SetStatisticsService;
  let db: DataSource;
  let autoGraded: BankQuestion[];
  let essay: BankQuestion;

  beforeAll(async () => {
    t = await createTestApp(ENV);
    ({ b: m, orgId } = await manager(t, 'stats@race.example', 'Race Inc'));
    autoGraded = await autoGradedQuestions(t);
    essay = (await bankQuestions(t, 'essay', 1))[0]!;
    service = t.app.get(SetStatisticsService);
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t?.close();
  });

  interface Version {
    setId: string;
    version: number;
    versionId: string;
    links: string[];
  }

  /** A published set of `questions` (points 1, 2, 3, ...) with `n` one-attempt invites. */
  const freshSet = (title: string, questions: BankQuestion[], n: number): Promise<Version> =>
    publishedWithInvites(t, m, orgId, { title, reviewPolicy: 'none', items: questions.map((q, i) => fixed(q, i + 1)) }, n, 'race.example');

  /** A candidate who started and answered every item (right where `right(position)`), not yet submitted. */
  const answered = (link: string, right: (position: number) => boolean): Promise<{ b: Browser; attemptId: string }> =>
    answeredAttempt(t, link, (key, position) => (right(position) ? rightAnswer(key) : wrongAnswer(key)));

  async function submitted(link: string, right: (position: number) => boolean): Promise<string> {
    const { b, attemptId } = await answered(link, right);
    expect((await b.post('/api/candidate/attempt/submit')).status).toBe(200);
    return attemptId;
  }


  const grade = async (attemptId: string, score: number) => m.put(`/api/orgs/${orgId}/results/${attemptId}/items/${await essayPosition(t, attemptId)}/grade`, { score });

  /**
   * The endpoint's figures (read from the running sums) equal the ones computed from every attempt,
   * and the raw sums count each attempt once: `counted` attempts in the totals, each with every item.
   */
  async function expectCountedOnce(set: Version, counted: number, pending: number, items: number): Promise<Stats> {
    const read = (await m.get(`/api/orgs/${orgId}/sets/${set.setId}/versions/${set.version}/statistics`).expect(200)).body as Stats;
    expectSameFigures(read, await service.fromScratch(db.manager, set.versionId, set.setId, set.version));
    expect([read.set.attempts, read.excludedPending]).toEqual([counted, pending]);
    const [sums] = await t.sql<{ totals: number; pending: number; cells: number; contributions: number }>(
      `SELECT (SELECT coalesce(sum(count), 0)::int FROM set_version_stat_totals WHERE set_version_id = $1 AND NOT pending) AS totals,
              (SELECT coalesce(sum(count), 0)::int FROM set_version_stat_totals WHERE set_version_id = $1 AND pending) AS pending,
              (SELECT coalesce(sum(n), 0)::int FROM item_stat_cells WHERE set_version_id = $1) AS cells,
              (SELECT count(*)::int FROM attempt_stat_contributions WHERE set_version_id = $1) AS contributions`,
      [set.versionId],
    );
    expect(sums).toEqual({ totals: counted, pending, cells: counted * items, contributions: counted + pending });
    return read;
  }

  it('should count two submissions of one set version once each when both wait on its lock before either adds anything', async () => {
    const set = await freshSet('Two submits', autoGraded, 3);
    // One attempt already counted, so both submissions add to existing sum rows as well as new ones.
    await submitted(set.links[0]!, () => true);
    const first = await answered(set.links[1]!, (p) => p % 2 === 0);
    const second = await answered(set.links[2]!, (p) => p % 2 === 1);
    await expectCountedOnce(set, 1, 0, autoGraded.length);

    const replies = await underHeldLock(t, SET_VERSION_LOCK, [set.versionId], 2, () =>
      Promise.all([first.b.post('/api/candidate/attempt/submit'), second.b.post('/api/candidate/attempt/submit')]),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    await expectCountedOnce(set, 3, 0, autoGraded.length);
  }, HELD_LOCK_TEST_TIMEOUT_MS);

  it('should count a submission, a first grade and a regrade of one set version once each when all three wait on its lock', async () => {
    const questions = [...autoGraded, essay];
    const set = await freshSet('Submit and regrade', questions, 4);
    const regraded = await submitted(set.links[0]!, () => true);
    const firstGraded = await submitted(set.links[1]!, (p) => p !== 1);
    await submitted(set.links[2]!, (p) => p > 2);
    expect((await grade(regraded, 1)).status).toBe(200);
    const late = await answered(set.links[3]!, (p) => p < 4);
    await expectCountedOnce(set, 1, 2, questions.length);

    // The regrade subtracts the attempt's old contribution and adds the new one; the first grade takes
    // one attempt out of "pending" into the sums; the submission adds one to "pending".
    const replies = await underHeldLock(t, SET_VERSION_LOCK, [set.versionId], 3, () =>
      Promise.all([grade(regraded, 2.5), grade(firstGraded, 0.5), late.b.post('/api/candidate/attempt/submit')]),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    await expectCountedOnce(set, 2, 2, questions.length);
  }, HELD_LOCK_TEST_TIMEOUT_MS);

  it('should let a regrade and a first grade that meet on the same total row both finish (the set version lock orders them; row locks alone deadlock)', async () => {
    const questions = [...autoGraded, essay];
    const set = await freshSet('Same total', questions, 3);
    const [held, regraded, firstGraded] = [
      await submitted(set.links[0]!, () => true),
      await submitted(set.links[1]!, () => true),
      await submitted(set.links[2]!, () => true),
    ];
    expect((await grade(held, 2)).status).toBe(200);
    expect((await grade(regraded, 1)).status).toBe(200);
    await expectCountedOnce(set, 2, 1, questions.length);

    // The holder keeps the totals row of `held`'s total, which both grades below move an attempt to.
    // The first grade queues on it first (holding the set version lock); the regrade comes second.
    // Without the set version lock the regrade would by then hold every item row (it subtracted its
    // old contribution from them) and wait for the total row, while the first grade, given the total
    // row, would wait for the item rows: a deadlock, and one of the two grades fails.
    const lockTotalRow = `SELECT 1 FROM set_version_stat_totals
      WHERE set_version_id = $1 AND NOT pending AND total = (SELECT score FROM attempts WHERE id = $2) FOR UPDATE`;
    const deadlocks = async (): Promise<number> =>
      (await t.sql<{ n: number }>(`SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`))[0]!.n;
    const deadlocksBefore = await deadlocks();
    const replies = await underHeldLock(t, lockTotalRow, [set.versionId, held], 2, async (waiting) => {
      const first = grade(firstGraded, 2);
      await waiting(1);
      return Promise.all([first, grade(regraded, 2)]);
    });
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    expect(await deadlocks()).toBe(deadlocksBefore);
    const stats = await expectCountedOnce(set, 3, 0, questions.length);
    expect(stats.items.every((i) => i.attempts === 3)).toBe(true);
  }, HELD_LOCK_TEST_TIMEOUT_MS);
});
