import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freePort, startApp, type RunningApp } from '@goprep/test-support';
import { launch, registerIn, screenshot, writeIn } from './support/browser';
import { AppPostgres } from './support/postgres';
import { sleep, type DeliveredItem, type Delivery } from './support/session';

const DOWN_MS = 10_000;

/** Answers the item at 1-based index `n` in the runner; false for a type this test does not drive (code lines). */
async function answer(page: Page, n: number, item: DeliveredItem): Promise<boolean> {
  await page.getByTestId(`nav-item-${n}`).click();
  await page.waitForFunction((p) => document.querySelector('[data-testid="quiz-question"]')?.getAttribute('data-position') === String(p), item.position);
  const question = page.getByTestId('quiz-question');
  switch (item.type) {
    case 'single':
    case 'multi':
    case 'true-false':
      await question.getByTestId('option-1').click();
      return true;
    case 'numeric':
      await question.getByTestId('answer-number').fill(String(40 + n));
      return true;
    case 'short':
    case 'code-output':
    case 'essay':
      await question.getByTestId('answer-text').fill(`typed while the database was down ${n}`);
      return true;
    default:
      return false;
  }
}

const saveState = (page: Page) =>
  page.getByTestId('save-status').evaluate((el) => ({ status: el.getAttribute('data-status'), pending: Number(el.getAttribute('data-pending')) }));

/**
 * Postgres really stopped (pg_ctl stop -m fast on the app's embedded cluster) for 10 s while a
 * learner takes a quiz in Chromium, then started again. The same API process must answer quickly
 * with 503 DB_UNAVAILABLE, report itself down, and save everything the browser queued once the
 * database is back.
 */
describe('chaos: Postgres stopped for 10 s during a quiz in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'goprep-chaos-pg-'));
  let app: RunningApp | undefined;
  let pg: AppPostgres | undefined;
  let close: (() => Promise<void>) | undefined;

  afterAll(async () => {
    await close?.();
    // The restarted Postgres is not the app's child any more: kill the app, stop Postgres ourselves.
    await app?.crash();
    if (pg?.postmasterPid()) pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should answer 503 DB_UNAVAILABLE fast, keep the answers queued in the runner, and save them all once Postgres is back', async () => {
    const pgPort = await freePort();
    app = await startApp({ dataDir, env: { EMBEDDED_PG_PORT: String(pgPort) } });
    pg = new AppPostgres(dataDir, pgPort);
    const browser = await launch(app.url);
    close = browser.close;
    const { page } = browser;
    await registerIn(page, 'outage@example.test');
    const started = await writeIn(page, 'POST', '/api/attempts', { mode: 'quick', topics: ['channels', 'sync', 'context'], count: 8, timeLimitMinutes: 30 });
    expect(started.status).toBe(201);
    const attempt = started.body as Delivery;
    await page.goto(`/practice/attempts/${attempt.id}`);
    await page.getByTestId('quiz-runner').waitFor();

    // One answer while all is well.
    const answerable = attempt.items.map((item, i) => ({ item, n: i + 1 })).filter(({ item }) => item.type !== 'code-lines' && item.type !== 'flashcard');
    expect(answerable.length).toBeGreaterThanOrEqual(4);
    await answer(page, answerable[0]!.n, answerable[0]!.item);
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="save-status"]');
      return el?.getAttribute('data-status') === 'saved' && el.getAttribute('data-pending') === '0';
    });

    const postmaster = pg.postmasterPid();
    const stoppedAt = performance.now();
    pg.stop();
    const stopMs = performance.now() - stoppedAt;
    expect(pg.postmasterPid()).toBeNull();

    // The API: health says down, a save and a read fail fast with 503 DB_UNAVAILABLE.
    const h0 = performance.now();
    const health = await page.request.get('/api/health');
    const healthMs = performance.now() - h0;
    expect(health.status()).toBe(503);
    expect(await health.json()).toEqual({ status: 'degraded', db: 'down' });
    const save = await writeIn(page, 'PUT', `/api/attempts/${attempt.id}/items/${answerable[1]!.item.position}/answer`, { response: { text: 'x' } });
    expect(save.status).toBe(503);
    expect((save.body as { code: string }).code).toBe('DB_UNAVAILABLE');
    const r0 = performance.now();
    const read = await page.request.get(`/api/attempts/${attempt.id}`);
    const readMs = performance.now() - r0;
    expect(read.status()).toBe(503);
    expect(((await read.json()) as { code: string }).code).toBe('DB_UNAVAILABLE');
    expect(read.headers()['retry-after']).toBeDefined();

    // The learner keeps answering; the runner queues it all and says so.
    const offline = answerable.slice(1, 4);
    for (const { item, n } of offline) expect(await answer(page, n, item)).toBe(true);
    await page.waitForFunction(() => ['offline', 'error'].includes(document.querySelector('[data-testid="save-status"]')?.getAttribute('data-status') ?? ''));
    const during = await saveState(page);
    expect(during.status).toBe('offline');
    expect(during.pending).toBeGreaterThanOrEqual(offline.length);
    const queued = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]') as Array<{ position: number }>, `goprep.attempt-queue.${attempt.id}`);
    // Leaving an item also queues its time spent, so the first item may be there too.
    expect(queued.map((q) => q.position)).toEqual(expect.arrayContaining(offline.map(({ item }) => item.position)));
    await screenshot(page, 'chaos-postgres-down-queued');

    // Down for 10 s in all, then back.
    await sleep(Math.max(0, DOWN_MS - (performance.now() - stoppedAt)));
    const downFor = performance.now() - stoppedAt;
    const b0 = performance.now();
    pg.start();
    expect(pg.postmasterPid()).not.toBe(postmaster);
    let healthyAfter = 0;
    for (;;) {
      const res = await page.request.get('/api/health');
      if (res.status() === 200) {
        healthyAfter = performance.now() - b0;
        break;
      }
      await sleep(100);
    }

    // The same process, no restart: the runner drains its queue on its own.
    const d0 = performance.now();
    await page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="save-status"]');
        return el?.getAttribute('data-status') === 'saved' && el.getAttribute('data-pending') === '0';
      },
      undefined,
      { timeout: 60_000 },
    );
    const drainedMs = performance.now() - d0;
    await screenshot(page, 'chaos-postgres-back-saved');
    expect(app.output().match(/\[goprep\] ready:/g)).toHaveLength(1);

    const rows = await pg.query<{ position: number; response: Record<string, unknown> | null }>(
      'SELECT position, response FROM answers WHERE attempt_id = $1 AND response IS NOT NULL ORDER BY position',
      [attempt.id],
    );
    const stored = new Map(rows.map((r) => [r.position, r.response]));
    for (const { item } of [answerable[0]!, ...offline]) expect(stored.get(item.position)).toBeTruthy();
    expect(await page.evaluate((key) => localStorage.getItem(key), `goprep.attempt-queue.${attempt.id}`)).toBeNull();

    console.log(
      [
        '[chaos postgres] pg_ctl stop -m fast on the embedded cluster while a quiz is open in Chromium',
        `  stop took ${Math.round(stopMs)} ms; down for ${Math.round(downFor)} ms`,
        `  GET /api/health -> 503 {db: down} in ${Math.round(healthMs)} ms`,
        `  PUT answer -> 503 DB_UNAVAILABLE in ${Math.round(save.ms)} ms; GET attempt -> 503 in ${Math.round(readMs)} ms`,
        `  runner: status ${during.status}, ${during.pending} answers pending, ${queued.length} in the localStorage queue`,
        `  pg_ctl start -> /api/health 200 after ${Math.round(healthyAfter)} ms (same process, no restart)`,
        `  queue drained ${Math.round(drainedMs)} ms later; ${1 + offline.length} answers in the database, answers lost: 0`,
      ].join('\n'),
    );
    expect(healthMs).toBeLessThan(2_000);
    expect(save.ms).toBeLessThan(2_000);
    expect(readMs).toBeLessThan(2_000);
  });
});
