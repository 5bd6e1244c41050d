import type { Page } from 'playwright-core';
import { QuizResultPage } from './pages/quiz-result-page';
import { QuizStartPage } from './pages/quiz-start-page';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

describe('attempt titles in the reader\'s language', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await RegisterPage.signUp(page, { displayName: 'Lin', email: uniqueEmail('titles'), password: 'titles in chinese too' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should name a quick quiz by its topics, in English and in Chinese, in the runner and the history', async () => {
    const start = new QuizStartPage(page);
    await start.goto();
    const id = await start.startQuick({ topics: ['memory-model', 'goroutine-leaks'], count: 2, minutes: 10 });
    const heading = page.locator('.quiz-bar__title');
    expect(await heading.textContent()).toBe('Quick quiz: Memory model, Goroutine leaks');

    await page.evaluate(() => localStorage.setItem('goprep.lang', 'zh-CN'));
    await page.reload();
    await heading.waitFor();
    const zh = (await heading.textContent()) ?? '';
    expect(zh).toMatch(/^快速测验：/);
    expect(zh).not.toMatch(/memory-model|goroutine-leaks|Quick quiz/);
    await screenshot(page, 'attempt-title-runner-zh');

    const history = new QuizResultPage(page);
    await history.gotoHistory();
    const row = history.historyRows.filter({ has: page.locator(`a[href^="/practice/attempts/${id}"]`) });
    expect(((await row.locator('a').first().textContent()) ?? '').trim()).toBe(zh);
    await page.evaluate(() => localStorage.setItem('goprep.lang', 'en'));
  });
});
