import type { Page } from 'playwright-core';
import { AppShell } from './pages/app-shell';
import { DrillsPage, type CardInfo } from './pages/drills-page';
import { DrillsStatsPage } from './pages/drills-stats-page';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

const PHONE = { width: 375, height: 812 };

async function register(page: Page, name: string): Promise<void> {
  await RegisterPage.signUp(page, { displayName: name, email: uniqueEmail('drills'), password: 'spaced repetition in go' });
}

describe('drilling today’s cards by keyboard', () => {
  let browser: Browser;
  let page: Page;
  let drills: DrillsPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await register(page, 'Rob');
    drills = new DrillsPage(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should start empty and fill today’s queue when a topic is added', async () => {
    await drills.goto();
    await page.getByTestId('drill-empty').waitFor();
    await drills.addTopic('channels');
    await drills.waitForQuestion();
    expect(Number(await page.getByTestId('new-count').textContent().then((s) => s?.match(/\d+/)?.[0]))).toBeGreaterThan(0);
    expect(await drills.progress.getAttribute('data-done')).toBe('0');
  });

  it('should check with Enter, show the verdict and intervals, and go on with Space', async () => {
    const first = await drills.waitForQuestion();
    await drills.answerByKeyboard(first.type);
    const { rating } = await drills.waitForVerdict();
    expect(['again', 'hard', 'good', 'easy']).toContain(rating);
    // The applied (suggested) rating is highlighted; each button shows where it sends the card.
    expect(await drills.rateButton(rating as 'good').getAttribute('class')).toMatch(/drill-rate__btn--suggested/);
    for (const r of ['again', 'hard', 'good', 'easy'] as const) {
      expect((await drills.card.getByTestId(`interval-${r}`).textContent())?.trim()).toMatch(/\d/);
    }
    expect((await drills.card.getByTestId('explanation').textContent())?.length ?? 0).toBeGreaterThan(10);
    await screenshot(page, 'drills-verdict');
    await page.keyboard.press('Space');
    await page.locator('[data-testid="last-action"][data-kind="rated"]').waitFor();
    await drills.waitForQuestion();
    await page.locator('[data-testid="session-progress"][data-done="1"]').waitFor();
  });

  it('should override the applied rating with 1-4', async () => {
    const card = await drills.waitForQuestion();
    await drills.answerByKeyboard(card.type);
    const { rating } = await drills.waitForVerdict();
    const [key, name] = rating === 'hard' ? ['3', 'Good'] : ['2', 'Hard'];
    await page.keyboard.press(key);
    await drills.lastAction.filter({ hasText: `Rated ${name}` }).waitFor();
    await drills.waitForQuestion();
    await page.locator('[data-testid="session-progress"][data-done="2"]').waitFor();
  });

  it('should undo the last review with Ctrl+Z and show its card again', async () => {
    const third: CardInfo = await drills.waitForQuestion();
    await drills.answerByKeyboard(third.type);
    await drills.waitForVerdict();
    await page.keyboard.press('Space');
    await page.locator('[data-testid="last-action"][data-kind="rated"]').waitFor();
    await page.locator('[data-testid="session-progress"][data-done="3"]').waitFor();
    // The session ignores keys while it loads the next card: wait until it is on screen.
    await drills.waitForQuestion();

    await page.keyboard.press('Control+z');
    await page.locator('[data-testid="last-action"][data-kind="undone"]').waitFor();
    const back = await drills.waitForQuestion();
    expect(back.questionId).toBe(third.questionId);
    await page.locator('[data-testid="session-progress"][data-done="2"]').waitFor();

    // Answer it again, all by keyboard.
    await drills.answerByKeyboard(back.type);
    await drills.waitForVerdict();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="last-action"][data-kind="rated"]').waitFor();
    await page.locator('[data-testid="session-progress"][data-done="3"]').waitFor();
  });

  it('should show tomorrow’s forecast as the API computes it', async () => {
    const expected = await drills.apiDueTomorrow();
    expect(expected).toBeGreaterThanOrEqual(0);
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="due-tomorrow"]')?.textContent?.trim() === String(n),
      expected,
    );
    await screenshot(page, 'drills-session');
  });

  it('should show the dashboard: due today, streak, the forecast bars and the topic heat map from real data', async () => {
    const stats = new DrillsStatsPage(page);
    await page.getByTestId('drills-stats-link').click();
    await stats.dashboard.waitFor();
    const api = await stats.apiStats();
    // Three reviews today: a streak of one day, and the reviewed cards are back later today.
    expect(api.streak).toBe(1);
    expect((await page.getByTestId('streak').textContent())?.trim()).toBe('1 day');
    expect((await page.getByTestId('due-today').textContent())?.trim()).toBe(String(api.dueToday));
    await stats.forecast.waitFor();
    expect(await stats.barCounts()).toEqual(api.forecast.map((d) => d.count));
    expect(api.forecast.reduce((sum, d) => sum + d.count, 0)).toBeGreaterThan(0);
    expect(await stats.forecast.locator('svg[role="img"]').getAttribute('aria-labelledby')).toBeTruthy();
    // One cell per topic in the deck, focusable by keyboard, its title saying what the colour means.
    expect(await stats.heatmapCells.count()).toBe(api.byTopic.length);
    const cell = stats.dashboard.locator('[data-testid="heatmap-cell"][data-topic="channels"]');
    const channels = api.byTopic.find((t) => t.topic === 'channels');
    expect(await cell.getAttribute('title')).toContain(`${channels?.cards} cards`);
    await page.getByTestId('forecast-chart').locator('summary').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('heatmap-cell');
    await screenshot(page, 'drills-dashboard');
  });

  it('should list a suspended card and take it back with Unsuspend', async () => {
    const stats = new DrillsStatsPage(page);
    const next = await drills.apiFirstDue();
    expect(await stats.apiSuspend(next)).toBe(200);
    await stats.goto();
    const item = stats.suspendedCards.filter({ has: page.locator(`[data-testid="unsuspend"]`) }).first();
    await item.waitFor();
    expect(await item.getAttribute('data-question')).toBe(next);
    await item.getByTestId('unsuspend').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('suspended-empty').waitFor();
    // The live region says which card came back.
    await page.getByTestId('unsuspend-status').filter({ hasText: /\S/ }).waitFor();
    expect(await stats.apiSuspendedIds()).toEqual([]);
  });

  it('should list many suspended cards a page at a time, with a button for the rest', async () => {
    const stats = new DrillsStatsPage(page);
    // More suspended cards than one page of the list holds (50); the cards added here are removed again.
    const added = await stats.apiGrowDeck(50);
    const deck = await stats.apiDeckIds();
    expect(deck.length).toBeGreaterThan(50);
    try {
      expect(new Set(await stats.apiSetSuspended(deck, true))).toEqual(new Set([200]));
      await stats.goto();
      await stats.suspendedCards.nth(49).waitFor();
      expect(await stats.suspendedCards.count()).toBe(50);
      expect((await page.getByTestId('suspended-shown').textContent())?.trim()).toBe(`50 of ${deck.length} shown`);
      await page.getByTestId('suspended-more').scrollIntoViewIfNeeded();
      await screenshot(page, 'drills-suspended-pager');
      await page.getByTestId('suspended-more').click();
      await stats.suspendedCards.nth(deck.length - 1).waitFor();
      expect(await stats.suspendedCards.count()).toBe(deck.length);
      await page.getByTestId('suspended-more').waitFor({ state: 'detached' });
      // Every card once, in the API's order.
      const shown = await stats.suspendedCards.evaluateAll((items) => items.map((i) => i.getAttribute('data-question')));
      expect(shown).toEqual(await stats.apiSuspendedIds());
      expect(new Set(shown)).toEqual(new Set(deck));
    } finally {
      await stats.apiSetSuspended(deck, false);
      await stats.apiRemoveCards(added);
    }
  });

  it('should show the drills summary on the main dashboard and the dashboard in Chinese', async () => {
    await page.goto('/');
    const summary = page.getByTestId('drills-summary');
    await summary.waitFor();
    expect(await summary.getByTestId('forecast-bar').count()).toBe(7);
    await screenshot(page, 'dashboard-drills-summary');
    const stats = new DrillsStatsPage(page);
    await stats.goto();
    await new AppShell(page).switchLanguage('zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await page.getByTestId('streak').textContent()).toContain('天');
    await screenshot(page, 'drills-dashboard-zh-CN');
    await new AppShell(page).switchLanguage('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  });

  it('should show admins the possible bad items and tell anyone else the page is not theirs', async () => {
    const role = await page.evaluate(async () => ((await (await fetch('/api/me', { credentials: 'include' })).json()) as { role: string }).role);
    await page.goto('/admin/drills');
    if (role === 'admin') {
      // Three reviews of cards still in learning: nothing has lapses per review of learned cards yet.
      await page.locator('[data-testid="lapse-heavy"], [data-testid="lapse-heavy-empty"]').first().waitFor();
    } else {
      await page.getByText('This page is for administrators.').waitFor();
    }
    await screenshot(page, 'drills-admin');
  });

  it('should fit a 375 px phone', async () => {
    await page.setViewportSize(PHONE);
    await drills.goto();
    const card = await drills.waitForQuestion();
    await drills.answerByKeyboard(card.type);
    await drills.waitForVerdict();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'drills-375');
  });

  it('should fit the dashboard on a 375 px phone', async () => {
    const stats = new DrillsStatsPage(page);
    await stats.goto();
    await stats.forecast.waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'drills-dashboard-375');
  });
});
