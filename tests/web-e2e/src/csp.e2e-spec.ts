import type { Page } from 'playwright-core';
import { QuestionPage } from './pages/question-page';
import { RegisterPage } from './pages/register-page';
import { uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

interface Violation {
  directive: string;
  blocked: string;
}

declare global {
  interface Window {
    __cspViolations?: Violation[];
  }
}

/** Every CSP violation the page reports, from the DOM event and from the console. */
function watchViolations(page: Page): { console: string[] } {
  const seen = { console: [] as string[] };
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) seen.console.push(msg.text());
  });
  return seen;
}

describe('the Content Security Policy and Monaco', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations!.push({ directive: e.violatedDirective, blocked: e.blockedURI });
      });
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should serve the app under a strict CSP and load Monaco with no violation', async () => {
    const seen = watchViolations(page);
    const register = new RegisterPage(page);
    await register.goto();
    const doc = await page.request.get('/register', { headers: { accept: 'text/html' } });
    const csp = doc.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    await register.register({ displayName: 'Csp', email: uniqueEmail('csp'), password: 'gophers all the way down' });
    await page.waitForURL((url) => url.pathname === '/');

    const res = await page.request.get('/api/questions?type=code-lines&pageSize=1');
    const first = ((await res.json()) as { items: { id: string }[] }).items[0];
    if (!first) throw new Error('the seeded bank has no code-lines question');
    const question = new QuestionPage(page);
    await question.goto(first.id);
    await question.waitForCode();
    // The read-only viewer highlights with stylesheet classes, no inline styles or eval.
    expect(await question.tokenColourCount()).toBeGreaterThanOrEqual(3);

    // Monaco is for editable code: a code task opens it. Its worker and inline styles are what a CSP would break.
    const tasks = await page.request.get('/api/questions?type=code-task&pageSize=1');
    const task = ((await tasks.json()) as { items: { id: string }[] }).items[0];
    if (!task) throw new Error('the seeded bank has no code-task question');
    await question.goto(task.id);
    await page.getByTestId('practise-task').click();
    await page.locator('[data-testid="code-editor"][data-ready="true"] .view-line').first().waitFor();
    await page.waitForFunction(() => new Set([...document.querySelectorAll('.view-lines span[class*="mtk"]')].map((el) => el.className)).size >= 3);

    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(seen.console).toEqual([]);
  });

  it('should block an injected inline script (the check above can see a violation)', async () => {
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
    });
    await page.waitForFunction(() => (window.__cspViolations ?? []).length > 0);
    const violations = await page.evaluate(() => window.__cspViolations);
    expect(violations?.[0]?.directive).toMatch(/^script-src/);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  });
});
