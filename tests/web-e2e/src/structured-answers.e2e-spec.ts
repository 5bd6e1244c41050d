import type { Page } from 'playwright-core';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

/** The ordering and matching widgets on a bank question's "Try it", by keyboard only. */
describe('ordering and matching answers', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await RegisterPage.signUp(page, { displayName: 'Rob', email: uniqueEmail('order'), password: 'unix and go and plan 9' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const ids = () => page.getByTestId('ordering-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-id')));

  it('should reorder with Space, the arrow keys and Space, announce each step, and grade the order', async () => {
    await page.goto('/practice/questions/mm-order-channel-happens-before');
    await page.getByTestId('ordering-answer').waitFor();
    const before = await ids();
    expect(before).not.toEqual(['go', 'start', 'write', 'send', 'recv', 'read']);
    // Bring the items into the key order by keyboard: pick up each one and move it to its place.
    const key = ['go', 'start', 'write', 'send', 'recv', 'read'];
    for (let place = 0; place < key.length; place += 1) {
      const current = await ids();
      let at = current.indexOf(key[place]!);
      const handle = page.locator(`[data-testid="ordering-item"][data-id="${key[place]}"] .ordering__handle`);
      await handle.focus();
      await page.keyboard.press('Space');
      expect(await page.getByTestId('ordering-live').textContent()).toMatch(/^Picked up/);
      while (at > place) {
        await page.keyboard.press('ArrowUp');
        at -= 1;
      }
      await page.keyboard.press('Space');
    }
    expect(await ids()).toEqual(key);
    expect(await page.getByTestId('ordering-live').textContent()).toMatch(/dropped at position 6 of 6/);
    await screenshot(page, 'ordering-desktop');
    await page.getByTestId('try-it-check').click();
    await page.getByTestId('try-it-result').waitFor();
    expect(await page.getByTestId('try-it-result').getAttribute('data-status')).toBe('correct');
  });

  it('should match with one select per item and give partial credit, usable at 375 px', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/practice/questions/mm-match-synchronized-before');
    await page.getByTestId('matching-answer').waitFor();
    const select = page.getByTestId('match-select-1');
    // The first left item is the go statement; pick the choice whose text names the goroutine's start.
    const value = await select.locator('option', { hasText: "the start of that goroutine's execution" }).getAttribute('value');
    await select.selectOption(value!);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await screenshot(page, 'matching-mobile');
    await page.getByTestId('try-it-check').click();
    await page.getByTestId('try-it-result').waitFor();
    expect(await page.getByTestId('try-it-result').getAttribute('data-status')).toBe('partial');
    expect(await page.getByTestId('try-it-key').textContent()).toContain('→');
  });
});
