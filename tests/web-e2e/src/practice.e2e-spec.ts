import type { Page } from 'playwright-core';
import { PracticePage } from './pages/practice-page';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

describe('the question bank browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await RegisterPage.signUp(page, { displayName: 'Ken', email: uniqueEmail('bank'), password: 'unix and go and plan 9' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should list questions and filter by topic through the URL', async () => {
    const practice = new PracticePage(page);
    await practice.goto();
    expect(await practice.rows.count()).toBeGreaterThan(0);
    await screenshot(page, 'practice-desktop');

    await practice.topicChip('Channels').click();
    await page.waitForURL((url) => url.searchParams.get('topic') === 'channels');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.question-row .question-row__meta > .muted')].every((el) => el.textContent === 'Channels'),
    );
    expect(await practice.topicChip('Channels').getAttribute('aria-pressed')).toBe('true');
  });

  it('should open a question from the list and show its prompt without raw HTML', async () => {
    const practice = new PracticePage(page);
    const firstTitle = (await practice.rows.first().locator('.question-row__title').textContent()) ?? '';
    await practice.rows.first().locator('a').click();
    await page.locator('#question-title').waitFor();
    expect(await page.locator('#question-title').textContent()).toBe(firstTitle);
    expect(await page.locator('.markdown script').count()).toBe(0);
    await page.getByRole('link', { name: /Question bank/ }).click();
    await practice.list.waitFor();
  });

  it('should show the drill screen, and on the Hiring page (no organization yet) how to start one', async () => {
    await page.goto('/drills');
    await page.getByTestId('add-topic-form').waitFor();
    await page.goto('/hiring');
    await page.getByTestId('hiring-start').waitFor();
    await screenshot(page, 'hiring-page');
  });
});
