import type { Page } from 'playwright-core';
import { RegisterPage } from './pages/register-page';
import { runAdmin } from './support/admin-cli';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

// The suite's app runs without a judge runner: the page must say so, and that runs wait in the queue.
describe('the judge runners page (administrators)', () => {
  let browser: Browser;
  let page: Page;
  const email = uniqueEmail('judge-admin');

  beforeAll(async () => {
    // An administrator exists before the learner registers, so the learner is never the database's first (admin) account.
    runAdmin(['create', '--email', uniqueEmail('judge-root'), '--password', 'the first administrator here']);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await RegisterPage.signUp(page, { displayName: 'Ops', email, password: 'runners warm their caches' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should tell a learner the page is for administrators', async () => {
    const role = await page.evaluate(async () => ((await (await fetch('/api/me', { credentials: 'include' })).json()) as { role: string }).role);
    expect(role).toBe('learner');
    await page.goto('/admin/judge');
    await page.getByText('This page is for administrators.').waitFor();
    expect(await page.locator('[data-testid="judge-runners"]').count()).toBe(0);
  });

  it('should show an administrator that no runner is up and how many jobs wait', async () => {
    runAdmin(['create', '--email', email]);
    await page.goto('/admin/judge');
    const runners = page.locator('[data-testid="judge-runners"]');
    await runners.waitFor();
    expect(await runners.getAttribute('data-available')).toBe('false');
    await page.locator('[data-testid="judge-no-runner"]').waitFor();
    expect(await page.locator('[data-testid="judge-queue"]').textContent()).toMatch(/^\d+ jobs? waiting$/);
    await screenshot(page, 'admin-judge-no-runner');
  });
});
