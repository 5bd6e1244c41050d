import type { Page } from 'playwright-core';
import { RegisterPage } from './pages/register-page';
import { uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

declare global {
  interface Window {
    __shifts?: Array<{ value: number; sources: string[] }>;
  }
}

/** Every layout shift the page reports (not caused by input), with the elements that moved. */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node }> }>) {
        if (entry.hadRecentInput) continue;
        window.__shifts!.push({
          value: entry.value,
          sources: (entry.sources ?? []).map((s) => (s.node instanceof Element ? `${s.node.tagName.toLowerCase()}.${s.node.className}` : String(s.node?.nodeName))),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

describe('a page with code does not move once the code is drawn', () => {
  let browser: Browser;
  let page: Page;
  let questionId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await RegisterPage.signUp(page, { displayName: 'Layout', email: uniqueEmail('layout'), password: 'steady pages for gophers' });
    const res = await page.request.get('/api/questions?type=code-lines&pageSize=1');
    questionId = ((await res.json()) as { items: Array<{ id: string }> }).items[0]!.id;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should draw the code at its final size when it first appears, and shift nothing after', async () => {
    const detail = (await (await page.request.get(`/api/questions/${questionId}`)).json()) as { code: string };
    const fresh = await browser.context.newPage();
    await recordShifts(fresh);
    await fresh.goto(`/practice/questions/${questionId}`);
    const viewer = fresh.locator('[data-testid="code-viewer"][data-ready="true"]');
    await viewer.locator('.cv-row').first().waitFor();
    const before = await viewer.boundingBox();
    const codeBefore = await viewer.locator('.cv-code').boundingBox();
    const footerBefore = await fresh.locator('footer').last().boundingBox();
    expect(await viewer.locator('.code-viewer__hint').count()).toBe(1);
    // Shifts while the page itself loads (the question arriving under the header) are not the viewer's.
    const earlier = ((await fresh.evaluate(() => window.__shifts)) ?? []).length;

    // One 20 px line box per line of the program plus 12 px of padding above and below, from the start.
    const overflowX = await viewer.locator('.cv-code').evaluate((el) => (el as HTMLElement).offsetHeight - el.clientHeight);
    expect(codeBefore!.height).toBeCloseTo(detail.code.split('\n').length * 20 + 24 + overflowX, 0);

    await fresh.waitForLoadState('networkidle');
    await fresh.evaluate(() => document.fonts.ready.then(() => undefined));
    await fresh.waitForTimeout(500);
    const after = await viewer.boundingBox();
    const footerAfter = await fresh.locator('footer').last().boundingBox();
    expect(after!.height).toBeCloseTo(before!.height, 0);
    expect(after!.y).toBeCloseTo(before!.y, 0);
    if (footerBefore && footerAfter) expect(footerAfter.y).toBeCloseTo(footerBefore.y, 0);
    const shifts = ((await fresh.evaluate(() => window.__shifts)) ?? []).slice(earlier);
    const cls = shifts.reduce((sum, s) => sum + s.value, 0);
    expect({ cls: Number(cls.toFixed(3)), shifts }).toEqual({ cls: 0, shifts: [] });
    await fresh.close();
  });

  it('should reserve the scrollbar gutter so a page growing past the window does not shift sideways', async () => {
    await page.goto('/');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollbarGutter)).toBe('stable');
  });
});
