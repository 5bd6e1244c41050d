import type { Page } from 'playwright-core';
import { DrillsPage, type CardInfo } from './pages/drills-page';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

const PHONE = { width: 375, height: 812 };

async function register(page: Page, name: string): Promise<void> {
  const register = new RegisterPage(page);
  await register.goto();
  await register.register({ displayName: name, email: uniqueEmail('drills'), password: 'spaced repetition in go' });
  await page.waitForURL((url) => url.pathname === '/');
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
});
