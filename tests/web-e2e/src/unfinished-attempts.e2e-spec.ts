import type { Page } from 'playwright-core';
import { QuizRunnerPage } from './pages/quiz-runner-page';
import { QuizStartPage } from './pages/quiz-start-page';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

async function register(page: Page, name: string): Promise<void> {
  await RegisterPage.signUp(page, { displayName: name, email: uniqueEmail('unfinished'), password: 'timed mock interviews' });
}

/** How many lines each header button of the result page takes (1 = its label is not wrapped). */
async function headerButtonLines(page: Page): Promise<number[]> {
  return page.locator('.page-header__actions .btn').evaluateAll((buttons) =>
    buttons.map((b) => {
      const range = document.createRange();
      range.selectNodeContents(b);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );
}

async function startMock(page: Page): Promise<string> {
  const start = new QuizStartPage(page);
  await start.goto();
  await page.getByTestId('mode-mock').check();
  await page.getByTestId('template').selectOption('sre');
  await page.getByTestId('level').selectOption('senior');
  await start.startButton.click();
  await page.waitForURL(/\/practice\/attempts\/[0-9a-f-]{36}$/);
  await new QuizRunnerPage(page).root.waitFor();
  return page.url().split('/').pop() ?? '';
}

describe('an unfinished mock interview: warned on leaving, listed on the dashboard, resumed or abandoned', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: { width: 1366, height: 900 } });
    page = await browser.context.newPage();
    await register(page, 'Morgan');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should ask before leaving the runner through the app, and stay when asked to', async () => {
    const id = await startMock(page);
    // A desktop shows the keyboard hints.
    expect(await page.locator('.quiz-shortcuts').count()).toBe(1);
    await page.getByRole('navigation').getByRole('link', { name: 'Drills' }).click();
    const dialog = page.getByTestId('leave-dialog');
    await dialog.waitFor();
    await screenshot(page, 'mock-leave-dialog');
    await dialog.getByTestId('leave-stay').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/practice/attempts/${id}`);

    await page.getByRole('navigation').getByRole('link', { name: 'Drills' }).click();
    await dialog.getByTestId('leave-go').click();
    await page.waitForURL((url) => url.pathname === '/drills');
  });

  it('should list it on the dashboard with its time left, and resume it', async () => {
    await page.goto('/');
    const card = page.getByTestId('unfinished-attempts');
    await card.waitFor();
    const row = card.getByTestId('unfinished-attempt');
    expect(await row.count()).toBe(1);
    expect(await row.getByTestId('unfinished-time-left').textContent()).toMatch(/^Mock interview · \d+ minutes? left$/);
    await screenshot(page, 'dashboard-unfinished');
    const id = await row.getAttribute('data-id');
    await row.getByTestId('unfinished-resume').click();
    await page.waitForURL((url) => url.pathname === `/practice/attempts/${id}`);
    await new QuizRunnerPage(page).root.waitFor();
  });

  it('should ask the browser before the tab is closed', async () => {
    // The prompt needs a user gesture on the page first.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const asked = new Promise<string>((resolve) => {
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      });
    });
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);
  });

  it('should abandon it from the dashboard: gone from the list, marked abandoned in the history', async () => {
    const dashboard = await browser.context.newPage();
    await dashboard.goto('/');
    const row = dashboard.getByTestId('unfinished-attempt');
    await row.waitFor();
    dashboard.once('dialog', (d) => void d.accept());
    await row.getByTestId('unfinished-abandon').click();
    await dashboard.getByTestId('unfinished-attempts').waitFor({ state: 'detached' });
    const history = await dashboard.request.get('/api/attempts');
    const attempts = ((await history.json()) as { attempts: Array<{ mode: string; state: string }> }).attempts;
    expect(attempts.filter((a) => a.mode === 'mock').map((a) => a.state)).toEqual(['abandoned']);
  });

  it('should keep the result page buttons in one row, each on one line, beside a long title', async () => {
    const p = await browser.context.newPage();
    const start = new QuizStartPage(p);
    await start.goto();
    const id = await start.startQuick({ topics: ['memory-model', 'goroutine-leaks', 'gc-tuning', 'trace-sampling'], count: 4, minutes: 10 });
    const runner = new QuizRunnerPage(p);
    await runner.submitButton.click();
    await runner.confirmSubmit.click();
    await p.waitForURL((url) => url.pathname === `/practice/attempts/${id}/result`);
    await p.getByTestId('attempt-result').waitFor();
    await screenshot(p, 'quiz-result-header-1366');
    const lines = await headerButtonLines(p);
    expect(lines.length).toBe(3);
    expect(lines).toEqual([1, 1, 1]);
    // ...and in one row, not stacked one under another.
    const tops = await p.locator('.page-header__actions .btn').evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
  });
});

describe('a quick quiz on a phone', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: { width: 375, height: 740 } });
    page = await browser.context.newPage();
    await register(page, 'Pia');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should show no keyboard hints, and a one-topic result without a one-bar topic chart and with unwrapped buttons', async () => {
    const start = new QuizStartPage(page);
    await start.goto();
    const id = await start.startQuick({ topics: ['channels'], count: 3, minutes: 10 });
    const runner = new QuizRunnerPage(page);
    await runner.root.waitFor();
    expect(await page.locator('.quiz-shortcuts').count()).toBe(0);
    expect(await page.getByText(/Keys: |press 1–4|Ctrl\+/).count()).toBe(0);
    await runner.submitButton.click();
    await runner.confirmSubmit.click();
    await page.waitForURL((url) => url.pathname === `/practice/attempts/${id}/result`);
    await page.getByTestId('attempt-result').waitFor();
    expect(await page.getByTestId('chart-topic').count()).toBe(0);
    await screenshot(page, 'quiz-result-phone');
    // Each header button keeps its label on one line.
    const lines = await headerButtonLines(page);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((n) => n === 1)).toBe(true);
  });
});

describe('an unfinished mock interview in Chinese on a phone', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
    page = await browser.context.newPage();
    await register(page, 'Lin');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should ask in Chinese before leaving and list the attempt on the dashboard without widening the page', async () => {
    const id = await startMock(page);
    await page.locator('a[href="/"]').first().click();
    const dialog = page.getByTestId('leave-dialog');
    await dialog.getByRole('heading', { name: '要离开模拟面试吗？' }).waitFor();
    await screenshot(page, 'mock-leave-dialog-375-zh-CN');
    await dialog.getByTestId('leave-go').click();
    await page.waitForURL((url) => url.pathname === '/');
    const row = page.getByTestId('unfinished-attempt');
    await row.waitFor();
    expect(await row.getAttribute('data-id')).toBe(id);
    expect(await row.getByTestId('unfinished-time-left').textContent()).toMatch(/^模拟面试 · 还剩 \d+ 分钟$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'dashboard-unfinished-375-zh-CN');
  });
});
