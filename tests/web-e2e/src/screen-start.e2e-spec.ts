import type { Page } from 'playwright-core';
import { AppShell } from './pages/app-shell';
import { DrillsPage } from './pages/drills-page';
import { HiringApi } from './pages/hiring-api';
import { QuizStartPage } from './pages/quiz-start-page';
import { RegisterPage } from './pages/register-page';
import { ARTIFACTS_DIR, uniqueEmail } from './support/artifacts';
import { join } from 'node:path';
import { launchBrowser, type Browser } from './support/chromium';

const PHONE = { width: 375, height: 812 };

/** What has the focus, and where the page is scrolled to. */
function focusAndScroll(page: Page): Promise<{ scrollY: number; tag: string; testId: string | null; inViewport: boolean }> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const box = active?.getBoundingClientRect();
    return {
      scrollY: window.scrollY,
      tag: active?.tagName ?? '',
      testId: active?.getAttribute('data-testid') ?? null,
      inViewport: box ? box.top >= 0 && box.top < window.innerHeight : false,
    };
  });
}

describe('a new screen starts at its top (issue 16.7)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    await RegisterPage.signUp(page, { displayName: 'Ken', email: uniqueEmail('screens'), password: 'start at the top please' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should open a program-output drill with the prompt on screen and the answer box focused', async () => {
    const list = (await (await page.request.get('/api/questions?type=code-output&topic=goroutine-leaks&pageSize=50')).json()) as { items: { id: string }[] };
    expect(list.items.length).toBeGreaterThan(0);
    // The longest program: its answer box is far below the fold on a phone.
    let longest = { id: '', lines: 0 };
    for (const { id } of list.items.slice(0, 10)) {
      const q = (await (await page.request.get(`/api/questions/${id}`)).json()) as { code?: string };
      const lines = (q.code ?? '').split('\n').length;
      if (lines > longest.lines) longest = { id, lines };
    }
    expect(longest.lines).toBeGreaterThan(25);
    await new HiringApi(page).send('POST', '/api/drills/deck', { questionIds: [longest.id] });

    const drills = new DrillsPage(page);
    await drills.goto();
    const card = await drills.waitForQuestion();
    expect(card).toEqual({ questionId: longest.id, type: 'code-output' });
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-autofocus') === true);
    const state = await focusAndScroll(page);
    expect(state.scrollY).toBe(0);
    // What the learner sees on opening the page (the viewport, not the whole page).
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'drills-code-output-375-top.png') });
    // Typing goes straight into the answer box.
    await page.keyboard.type('x');
    expect(await drills.card.locator('textarea[data-autofocus]').inputValue()).toBe('x');
  });

  it('should start a quiz from the bottom of its form at the top of the runner, focus on the heading', async () => {
    const start = new QuizStartPage(page);
    await start.goto();
    await start.topic('channels').check();
    await start.count.fill('3');
    await start.minutes.fill('10');
    await start.startButton.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await start.startButton.click();
    await page.waitForURL(/\/practice\/attempts\/[0-9a-f-]{36}$/);
    await page.getByTestId('quiz-runner').waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    const state = await focusAndScroll(page);
    expect(state.scrollY).toBe(0);
    expect(state.inViewport).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'quiz-runner-375-top.png') });
  });

  it('should mark the lines after a code-lines drill is checked, on a phone and in Chinese', async () => {
    const list = (await (await page.request.get('/api/questions?type=code-lines&topic=sync&pageSize=1')).json()) as { items: { id: string }[] };
    const id = list.items[0]!.id;
    await new HiringApi(page).send('POST', '/api/drills/deck', { questionIds: [id] });
    const drills = new DrillsPage(page);
    await drills.goto();
    // The program-output card of the first test is still first in the queue: check it, rate it, go on.
    let card = await drills.waitForQuestion();
    while (card.questionId !== id) {
      await drills.answerByKeyboard(card.type);
      await drills.waitForVerdict();
      await page.keyboard.press('Space');
      card = await drills.waitForQuestion();
    }
    await new AppShell(page).switchLanguage('zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    const viewer = drills.card.getByTestId('code-viewer');
    await viewer.locator('.cv-row').first().waitFor();
    await viewer.locator('.cv-num', { hasText: /^1$/ }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="drill-card"] [data-testid="code-viewer"]')?.getAttribute('data-selected-lines') === '1');
    await drills.card.getByTestId('check').click();
    await drills.waitForVerdict();
    const legend = viewer.getByTestId('code-viewer-legend');
    await legend.waitFor();
    expect(await legend.locator('[data-mark="wrong"]').textContent()).toContain('不在答案中：第 1 行');
    expect(await legend.locator('[data-mark="missed"]').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'drills-code-lines-375-zh-CN.png'), fullPage: true, style: '.app-header { position: static !important; }' });
  });
});
