import type { Page } from 'playwright-core';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

const PHONE = { width: 375, height: 812 };

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('a 375 px phone', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: PHONE, colorScheme: 'dark' });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should fit the log-in and register pages without horizontal scrolling', async () => {
    await new LoginPage(page).goto();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'login-375-dark');
    await new RegisterPage(page).goto();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('should collapse the navigation into a menu button that opens and navigates', async () => {
    const register = new RegisterPage(page);
    await register.register({ displayName: 'Grace Hopper', email: uniqueEmail('phone'), password: 'a long enough passphrase' });
    await page.waitForURL((url) => url.pathname === '/');
    const shell = new AppShell(page);
    await shell.waitForShell();

    expect(await shell.nav.isVisible()).toBe(false);
    expect(await shell.menuButton.isVisible()).toBe(true);
    expect(await shell.menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-375-dark');

    await shell.menuButton.click();
    expect(await shell.menuButton.getAttribute('aria-expanded')).toBe('true');
    await shell.nav.waitFor({ state: 'visible' });
    await screenshot(page, 'menu-open-375-dark');

    await shell.navLink('Practice').click();
    await page.waitForURL((url) => url.pathname === '/practice');
    await shell.nav.waitFor({ state: 'hidden' });
    await page.locator('[data-testid="question-list"], .empty').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'practice-375-dark');
  });
});
