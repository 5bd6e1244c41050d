import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { HiringApi } from './pages/hiring-api';
import { PracticePage } from './pages/practice-page';
import { RegisterPage } from './pages/register-page';
import { SetBuilderPage } from './pages/set-builder-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

/** Where the screenshots the docs show live (committed). */
const DOCS_SCREENSHOTS = resolve(__dirname, '..', '..', '..', 'docs', 'screenshots');
const CJK = /[\u4e00-\u9fff]/;
const SINGLE = 'ch-close-nil-panics';

const VIEWPORTS = [
  { name: '1366', viewport: { width: 1366, height: 768 } },
  { name: '375', viewport: { width: 375, height: 812 } },
];

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A screenshot in the artifacts, and a copy under docs/screenshots for the ones the docs show. */
async function keep(page: Page, name: string, docs = false): Promise<void> {
  // A full-page image of a scrolled page would show the sticky header in the middle of it.
  await page.addStyleTag({ content: 'header.app-header { position: static !important; }' });
  const path = await screenshot(page, name);
  if (docs) {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(path, join(DOCS_SCREENSHOTS, `${name}.png`));
  }
}

describe.each(VIEWPORTS)('every screen in Chinese (interface and questions) at $name px', ({ name, viewport }) => {
  let browser: Browser;
  let page: Page;
  let orgId = '';
  let setId = '';
  const overflow: Record<string, number> = {};

  /** Opens a route, waits for its main heading, records horizontal overflow and keeps a screenshot. */
  async function visit(path: string, shot: string, ready?: () => Promise<unknown>): Promise<void> {
    await page.goto(path);
    await page.locator('main h1').first().waitFor();
    if (ready) await ready();
    await page.waitForLoadState('networkidle');
    overflow[shot] = await horizontalOverflow(page);
    await keep(page, `zh-${shot}-${name}`);
  }

  beforeAll(async () => {
    browser = await launchBrowser({ locale: 'zh-CN', viewport });
    page = await browser.context.newPage();
    await RegisterPage.signUp(page, { displayName: '林', email: uniqueEmail(`zh-screens-${name}`), password: 'questions in chinese' });
    const api = new HiringApi(page);
    const settings = await page.request.fetch('/api/me/settings', {
      method: 'PATCH',
      headers: { 'X-CSRF-Token': (await page.context().cookies()).find((c) => c.name === 'goprep_csrf')?.value ?? '' },
      data: { contentLanguage: 'zh-CN' },
    });
    expect(settings.status()).toBe(200);
    orgId = await api.createOrg('字节面试组');
    setId = (await api.send('POST', `/api/orgs/${orgId}/sets`, { title: '后端工程师笔试' }))['id'] as string;
    await api.send('PUT', `/api/orgs/${orgId}/sets/${setId}/draft`, {
      title: '后端工程师笔试',
      instructions: '独立完成，不要查阅资料。',
      timeLimitSeconds: 1800,
      shuffleOptions: true,
      overduePolicy: 'auto-submit',
      submitGraceSeconds: 0,
      reviewPolicy: 'full',
      language: 'zh-CN',
      items: [{ kind: 'fixed', questionId: SINGLE, points: 1 }],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should show bank search results in Chinese for a Chinese query', async () => {
    const practice = new PracticePage(page);
    await practice.goto();
    const unfiltered = await practice.summary.textContent();
    await practice.search.fill('内存模型');
    // The search runs after a pause in typing: wait for the filtered count, not the whole bank's.
    await page.waitForFunction(
      (before) => {
        const summary = document.querySelector('.list-summary')?.textContent;
        return Boolean(summary) && summary !== before && !document.querySelector('[aria-busy="true"]');
      },
      unfiltered,
    );
    await practice.rows.first().waitFor();
    const titles = await practice.rows.locator('.question-row__title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    // Every shipped question has a current zh-CN translation: every title reads Chinese and none is marked English.
    expect(titles.filter((t) => !CJK.test(t))).toEqual([]);
    expect(await practice.list.getByTestId('title-fallback').count()).toBe(0);
    expect(await practice.rows.first().locator('.question-row__title').getAttribute('lang')).toBe('zh-CN');
    overflow['bank-search'] = await horizontalOverflow(page);
    await keep(page, `zh-bank-search-${name}`, true);
  });

  it("should show the set builder's bank and preview in the set's language", async () => {
    const builder = new SetBuilderPage(page);
    await page.goto(`/hiring/orgs/${orgId}/sets/${setId}`);
    await page.getByTestId('set-items-card').waitFor();
    // The fixed item already in the set: its title in the set's language.
    expect(await builder.items.first().locator('.qs-item__title').textContent()).toBe('关闭一个 nil channel');
    const count = builder.bank.locator('p[aria-live="polite"]');
    await count.waitFor();
    const unfiltered = await count.textContent();
    await builder.bank.locator('[name="bank-q"]').fill('垃圾回收');
    // Typing searches after a pause: wait for the filtered count before picking a row.
    await page.waitForFunction(
      (before) => {
        const text = document.querySelector('[data-testid="bank-browser"] p[aria-live="polite"]')?.textContent;
        return Boolean(text) && text !== before && !document.querySelector('[data-testid="bank-results"][aria-busy="true"]');
      },
      unfiltered,
    );
    const row = builder.bank.getByTestId('bank-row').first();
    const titles = await builder.bank.locator('[data-testid="bank-row"] .qs-item__title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.filter((t) => !CJK.test(t))).toEqual([]);
    await row.locator('button[aria-expanded]').click();
    const preview = builder.bank.getByTestId('question-preview');
    await preview.locator('.markdown').first().waitFor();
    expect(CJK.test((await preview.locator('.qs-preview__title').textContent()) ?? '')).toBe(true);
    expect(CJK.test((await preview.innerText()).split('\n').slice(2).join(' '))).toBe(true);
    // A key without options (this search's first result is an essay) is labelled in Chinese, field by field.
    const labels = await preview.locator('[data-testid="preview-key"] dt').allTextContents();
    expect(labels.filter((label) => !CJK.test(label))).toEqual([]);
    // The history lists the changed fields the Chinese way: 、 between them, full-width brackets.
    const saved = page.getByTestId('set-history').locator('li', { hasText: '草稿' }).first();
    await saved.waitFor();
    expect(await saved.innerText()).toMatch(/草稿（[^()]+、[^()]+）/);
    overflow['set-builder'] = await horizontalOverflow(page);
    await keep(page, `zh-set-builder-${name}`, true);
  });

  it('should show the other screens in Chinese without horizontal scrolling', async () => {
    await visit('/', 'dashboard');
    await visit('/practice', 'practice', () => page.getByTestId('question-list').waitFor());
    await visit(`/practice/questions/${SINGLE}`, 'question');
    await visit('/practice/quiz', 'quiz-start');
    await visit('/practice/attempts', 'attempts');
    await visit('/drills', 'drills');
    await visit('/drills/stats', 'drills-stats');
    await visit('/account', 'account');
    await visit('/hiring', 'hiring');
    await visit(`/hiring/orgs/${orgId}/sets`, 'sets');
    await visit(`/hiring/orgs/${orgId}/questions/new`, 'org-question-new');
    // Nothing on these pages should still read as an untranslated message key.
    expect(await page.locator('body').innerText()).not.toMatch(/\b[a-z]+\.[a-z]+[A-Z][a-zA-Z]+\b/);
    expect(Object.entries(overflow).filter(([, px]) => px > 0)).toEqual([]);
  });
});
