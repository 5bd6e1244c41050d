import type { Page } from 'playwright-core';
import { LoginPage } from './pages/login-page';
import { QuestionPage } from './pages/question-page';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

// The editor's chunks (only code tasks and the playground load them); the read-only viewer is not one.
const MONACO_ASSET = /code-editor|editor\.worker|monaco|\/go-[\w-]+\.js/i;

describe('code questions and the light read-only CodeViewer', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should not load any Monaco chunk on the log-in page', async () => {
    const requested: string[] = [];
    page.on('request', (req) => requested.push(req.url()));
    await new LoginPage(page).goto();
    await page.waitForLoadState('networkidle');
    // The listener saw the app's scripts load (hashed assets in a build, /src modules under Vite dev).
    expect(requested.some((url) => /\.(js|tsx?)(\?|$)/.test(url))).toBe(true);
    expect(requested.filter((url) => MONACO_ASSET.test(url))).toEqual([]);
    page.removeAllListeners('request');
  });

  it('should show a code-lines question with Go highlighting, without loading Monaco, and report a clicked line', async () => {
    await RegisterPage.signUp(page, { displayName: 'Rob', email: uniqueEmail('code'), password: 'gophers all the way down' });

    const res = await page.request.get('/api/questions?type=code-lines&pageSize=1');
    expect(res.ok()).toBe(true);
    const list = (await res.json()) as { items: { id: string; hasCode: boolean }[] };
    const first = list.items[0];
    if (!first) throw new Error('the seeded bank has no code-lines question');

    const requested: string[] = [];
    page.on('request', (req) => requested.push(req.url()));
    const question = new QuestionPage(page);
    await question.goto(first.id);
    await question.waitForCode();
    await page.waitForLoadState('networkidle');
    // Read-only code needs no editor: no Monaco chunk or worker, and nothing from another origin.
    expect(requested.filter((url) => MONACO_ASSET.test(url))).toEqual([]);
    const origin = new URL(page.url()).origin;
    expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    page.removeAllListeners('request');

    expect(await question.languageOfViewer()).toBe('go');
    // Keywords, identifiers and strings are drawn in distinct colours.
    expect(await question.tokenColourCount()).toBeGreaterThanOrEqual(3);

    await question.lineNumber(3).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="code-viewer"]')?.getAttribute('data-selected-lines') === '3');
    expect(await question.selectionStatus.textContent()).toContain('3');
    expect(await question.announcement.textContent()).toContain('Line 3 selected');
    await screenshot(page, 'code-question-light');

    await question.lineNumber(3).click();
    expect(await question.selectedLines()).toBe('');
  });

  it('should let the keyboard move the line cursor and toggle with Space', async () => {
    const question = new QuestionPage(page);
    await question.lineList.focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('[data-testid="code-viewer"]')?.getAttribute('data-selected-lines') === '2');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="code-viewer"]')?.getAttribute('data-selected-lines') === '2,3');
    expect(await question.announcement.textContent()).toContain('2, 3');
  });

  it('should follow the app theme', async () => {
    const question = new QuestionPage(page);
    const codeColours = () =>
      question.viewer.locator('.cv-code').evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color].join(' '));
    const light = await codeColours();
    await page.getByTestId('theme-toggle').click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-theme') === 'dark');
    const dark = await codeColours();
    expect(dark).not.toBe(light);
    await screenshot(page, 'code-question-dark');
    await page.getByTestId('theme-toggle').click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-theme') === 'light');
    expect(await codeColours()).toBe(light);
    expect(await question.viewer.isVisible()).toBe(true);
  });
});

describe('the code viewer on a phone, in Chinese and dark', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ locale: 'zh-CN', viewport: { width: 375, height: 812 }, colorScheme: 'dark' });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should scroll wide code inside the viewer with the line numbers kept in view, and select a tapped line', async () => {
    await RegisterPage.signUp(page, { displayName: '林', email: uniqueEmail('code-zh'), password: 'gophers all the way down' });
    const res = await page.request.get('/api/questions?type=code-lines&pageSize=1');
    const first = ((await res.json()) as { items: { id: string }[] }).items[0];
    if (!first) throw new Error('the seeded bank has no code-lines question');
    const question = new QuestionPage(page);
    await question.goto(first.id);
    await question.waitForCode();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    // The page itself never scrolls sideways; the program does, inside its box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const code = question.viewer.locator('.cv-code');
    expect(await code.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const numberX = async () => (await question.lineNumber(1).boundingBox())!.x;
    const before = await numberX();
    await code.evaluate((el) => el.scrollTo({ left: 120 }));
    await page.waitForFunction(() => (document.querySelector('.cv-code')?.scrollLeft ?? 0) > 0);
    expect(await numberX()).toBeCloseTo(before, 0);

    await question.lineNumber(2).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="code-viewer"]')?.getAttribute('data-selected-lines') === '2');
    expect(await question.selectionStatus.textContent()).toContain('2');
    await code.evaluate((el) => el.scrollTo({ left: 0 }));
    await question.viewer.scrollIntoViewIfNeeded();
    await screenshot(page, 'code-question-375-zh-dark');
  });
});
