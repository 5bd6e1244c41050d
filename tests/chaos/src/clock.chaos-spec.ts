import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freePort, startApp, type RunningApp } from '@goprep/test-support';
import { launch, registerIn, screenshot, writeIn } from './support/browser';
import { AppPostgres } from './support/postgres';
import { sleep, type Delivery } from './support/session';

const HOUR = 3_600_000;

/** Every `Date` in the page runs `offsetMs` off the machine's clock, as a misset computer would. */
function skewedClock(offsetMs: number): string {
  return `(() => {
    const Real = Date;
    const offset = ${offsetMs};
    class Skewed extends Real {
      constructor(...args) { if (args.length === 0) super(Real.now() + offset); else super(...args); }
      static now() { return Real.now() + offset; }
    }
    globalThis.Date = Skewed;
  })();`;
}

/** The countdown as shown ("29:41" or "1:02:03"), in seconds. */
async function shownSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('quiz-timer').locator('time').textContent()) ?? '';
  const parts = text.trim().split(':').map(Number);
  if (parts.length < 2 || parts.some((p) => Number.isNaN(p))) throw new Error(`unreadable countdown: ${text}`);
  return parts.reduce((total, p) => total * 60 + p, 0);
}

/** What the server says is left: deadlineAt - now, both on the server's clock. */
async function serverSeconds(page: Page, id: string): Promise<{ remaining: number; delivery: Delivery }> {
  const delivery = (await (await page.request.get(`/api/attempts/${id}`)).json()) as Delivery;
  return { remaining: (Date.parse(delivery.deadlineAt) - Date.parse(delivery.now)) / 1000, delivery };
}

/**
 * A browser whose clock is an hour fast or an hour slow takes a 30-minute quiz: the deadline is the
 * server's deadline_at, the countdown shown is the server's remaining time, and nothing is closed early.
 */
describe('chaos: a browser clock set an hour off', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'goprep-chaos-clock-'));
  let app: RunningApp | undefined;
  let pg: AppPostgres;

  beforeAll(async () => {
    const pgPort = await freePort();
    app = await startApp({ dataDir, env: { EMBEDDED_PG_PORT: String(pgPort) } });
    pg = new AppPostgres(dataDir, pgPort);
  });

  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['an hour fast', HOUR],
    ['an hour slow', -HOUR],
  ])('should keep the server deadline and show its remaining time with the clock %s', async (label, offset) => {
    const browser = await launch(app!.url);
    try {
      const { page } = browser;
      await page.addInitScript(skewedClock(offset));
      await registerIn(page, `clock-${offset > 0 ? 'fast' : 'slow'}@example.test`);
      await page.goto('/');
      const skew = (await page.evaluate(() => Date.now())) - Date.now();
      expect(Math.abs(skew - offset)).toBeLessThan(5_000);

      const started = await writeIn(page, 'POST', '/api/attempts', { mode: 'quick', topics: ['channels', 'sync'], count: 4, timeLimitMinutes: 30 });
      expect(started.status).toBe(201);
      const attempt = started.body as Delivery;
      const [stored] = await pg.query<{ deadline_at: Date; started_at: Date }>('SELECT deadline_at, started_at FROM attempts WHERE id = $1', [attempt.id]);
      expect(stored!.deadline_at.getTime() - stored!.started_at.getTime()).toBe(30 * 60_000);
      // The server's clock, not the browser's, set the deadline.
      expect(Math.abs(stored!.deadline_at.getTime() - (Date.now() + 30 * 60_000))).toBeLessThan(60_000);

      await page.goto(`/practice/attempts/${attempt.id}`);
      await page.getByTestId('quiz-runner').waitFor({ timeout: 30_000 });
      await sleep(1_500);
      const shown = await shownSeconds(page);
      const { remaining } = await serverSeconds(page, attempt.id);
      expect(Math.abs(shown - remaining)).toBeLessThanOrEqual(3);

      // Answer, wait, reload: still open, the answer kept, the deadline untouched, the countdown still the server's.
      const n = attempt.items.findIndex((i) => i.type !== 'code-lines' && i.type !== 'flashcard') + 1;
      expect(n).toBeGreaterThan(0);
      const item = attempt.items[n - 1]!;
      await page.getByTestId(`nav-item-${n}`).click();
      await page.waitForFunction((p) => document.querySelector('[data-testid="quiz-question"]')?.getAttribute('data-position') === String(p), item.position);
      const question = page.getByTestId('quiz-question');
      if (item.options?.length || item.type === 'true-false') await question.getByTestId('option-1').click();
      else if (item.type === 'numeric') await question.getByTestId('answer-number').fill('42');
      else await question.getByTestId('answer-text').fill('clock skew');
      await page.waitForFunction(() => {
        const el = document.querySelector('[data-testid="save-status"]');
        return el?.getAttribute('data-status') === 'saved' && el.getAttribute('data-pending') === '0';
      });
      await page.reload();
      await page.getByTestId('quiz-runner').waitFor();
      await sleep(1_000);
      const shownAfter = await shownSeconds(page);
      const after = await serverSeconds(page, attempt.id);
      expect(after.delivery.state).toBe('in_progress');
      expect(after.delivery.items.some((i) => i.answer?.response)).toBe(true);
      expect(Math.abs(shownAfter - after.remaining)).toBeLessThanOrEqual(3);
      const [again] = await pg.query<{ deadline_at: Date; state: string }>('SELECT deadline_at, state FROM attempts WHERE id = $1', [attempt.id]);
      expect(again!.deadline_at.getTime()).toBe(stored!.deadline_at.getTime());
      await screenshot(page, `chaos-clock-${offset > 0 ? 'fast' : 'slow'}`);
      console.log(
        `[chaos clock] browser clock ${label} (measured skew ${Math.round(skew / 1000)} s): countdown ${shown} s vs server ${Math.round(remaining)} s; ` +
          `after an answer and a reload ${shownAfter} s vs ${Math.round(after.remaining)} s; deadline_at unchanged, state ${again!.state}`,
      );
    } finally {
      await browser.close();
    }
  });
});
