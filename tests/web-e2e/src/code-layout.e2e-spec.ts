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

describe('a page with code does not move when Monaco arrives', () => {
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

  it('should show the plain-text fallback in the frame and height of the editor, with no layout shift', async () => {
    const fresh = await browser.context.newPage();
    await recordShifts(fresh);
    // Hold Monaco back so the fallback is what the first paint shows, as on a slow connection.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await fresh.route(/\/assets\/monaco-setup-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await fresh.goto(`/practice/questions/${questionId}`);
    const fallback = fresh.locator('[data-testid="code-viewer"][data-ready="false"]');
    await fallback.waitFor();
    const before = await fallback.boundingBox();
    const fallbackPre = await fallback.locator('pre').boundingBox();
    const footerBefore = await fresh.locator('footer').last().boundingBox();
    expect(await fallback.locator('.code-viewer__hint').count()).toBe(1);
    // Shifts while the page itself loads (the question arriving under the header) are not Monaco's.
    const earlier = ((await fresh.evaluate(() => window.__shifts)) ?? []).length;

    release();
    const ready = fresh.locator('[data-testid="code-viewer"][data-ready="true"]');
    await ready.locator('.monaco-editor .view-line').first().waitFor();
    await fresh.waitForTimeout(500);
    const after = await ready.boundingBox();
    const editor = await ready.locator('.monaco-editor').boundingBox();
    const footerAfter = await fresh.locator('footer').last().boundingBox();

    expect(after!.height).toBeCloseTo(before!.height, 0);
    expect(after!.y).toBeCloseTo(before!.y, 0);
    expect(editor!.height).toBeCloseTo(fallbackPre!.height, 0);
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
