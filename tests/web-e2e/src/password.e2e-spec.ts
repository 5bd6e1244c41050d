import type { Page } from 'playwright-core';
import { LoginPage } from './pages/login-page';
import { RegisterPage } from './pages/register-page';
import { runAdmin } from './support/admin-cli';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

const FIRST = 'correct horse battery staple';
const SECOND = 'a second long passphrase';
const THIRD = 'the third passphrase here';

/** `npm run admin -- reset-password` against the app the suite started: the one-time link it prints. */
function adminReset(email: string): string {
  const stdout = runAdmin(['reset-password', '--email', email]);
  const link = /https?:\/\/\S+\/reset-password#\S+/.exec(stdout)?.[0];
  if (!link) throw new Error(`no link in: ${stdout}`);
  return link;
}

describe('password: change on Account, forgot and reset', () => {
  let browser: Browser;
  let other: Browser;
  let page: Page;
  const email = uniqueEmail('pw');

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: { width: 1366, height: 900 } });
    other = await launchBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await other?.close();
  });

  it('should keep the register card in place when a field error appears', async () => {
    const register = new RegisterPage(page);
    await register.goto();
    const card = page.locator('.auth__card');
    const before = await card.boundingBox();
    await register.register({ displayName: 'Pat', email: 'not-an-email', password: 'short' });
    await register.fieldError('password').waitFor();
    const after = await card.boundingBox();
    expect(after!.height).toBeGreaterThan(before!.height);
    expect(after!.y).toBe(before!.y);
  });

  it('should change the password on Account, refusing a wrong current password, and log out the other sessions', async () => {
    await RegisterPage.signUp(page, { displayName: 'Pat', email, password: FIRST });
    // A second device logged in with the same account.
    const otherPage = await other.context.newPage();
    await new LoginPage(otherPage).goto();
    await new LoginPage(otherPage).login(email, FIRST);
    await otherPage.waitForURL((url) => url.pathname === '/');

    await page.goto('/account');
    const form = page.getByTestId('change-password-form');
    await form.locator('input[name="currentPassword"]').fill('not my password at all');
    await form.locator('input[name="newPassword"]').fill(SECOND);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('The current password is incorrect.').waitFor();
    expect(await form.locator('input[name="currentPassword"]').getAttribute('aria-invalid')).toBe('true');

    await form.locator('input[name="currentPassword"]').fill(FIRST);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByRole('status').filter({ hasText: 'Password changed' }).waitFor();
    await screenshot(page, 'account-password-changed');

    await otherPage.reload();
    await otherPage.waitForURL((url) => url.pathname === '/login');
    await new LoginPage(otherPage).login(email, SECOND);
    await otherPage.waitForURL((url) => url.pathname === '/');
  });

  it('should say, where the server sends no mail, how an administrator resets the password', async () => {
    const fresh = await launchBrowser({ viewport: { width: 375, height: 800 } });
    try {
      const p = await fresh.context.newPage();
      await new LoginPage(p).goto();
      await p.getByRole('link', { name: 'Forgot your password?' }).click();
      await p.waitForURL((url) => url.pathname === '/forgot-password');
      await p.locator('input[name="email"]').fill(email);
      await p.getByRole('button', { name: 'Send a reset link' }).click();
      const result = p.getByTestId('forgot-result');
      await result.getByText('This server does not send mail').waitFor();
      expect(await result.locator('pre').textContent()).toBe(`npm run admin -- reset-password --email ${email}`);
      // The command wraps on a phone instead of widening the page.
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await screenshot(p, 'forgot-password-no-mail-phone');
    } finally {
      await fresh.close();
    }
  });

  it('should set a new password with the link npm run admin prints, once, logging out every session', async () => {
    const link = adminReset(email);
    const resetter = await launchBrowser({ locale: 'zh-CN' });
    try {
      const p = await resetter.context.newPage();
      await p.goto(`${new URL(link).pathname}${new URL(link).hash}`);
      await p.getByRole('heading', { level: 1 }).waitFor();
      // The token leaves the address bar at once.
      expect(new URL(p.url()).hash).toBe('');
      await p.locator('input[name="newPassword"]').fill(THIRD);
      await screenshot(p, 'reset-password-zh-CN');
      await p.locator('form button[type="submit"]').click();
      await p.getByRole('status').waitFor();

      // The session of the first browser was revoked by the reset.
      await page.goto('/account');
      await page.waitForURL((url) => url.pathname === '/login');
      const login = new LoginPage(page);
      await login.login(email, SECOND);
      await login.alert.waitFor();
      await login.login(email, THIRD);
      await page.getByTestId('change-password-form').waitFor();

      // The same link a second time, in a new tab.
      const again = await resetter.context.newPage();
      await again.goto(`${new URL(link).pathname}${new URL(link).hash}`);
      await again.locator('input[name="newPassword"]').fill(FIRST);
      await again.locator('form button[type="submit"]').click();
      await again.getByRole('link', { name: '重新获取链接' }).waitFor();
      await screenshot(again, 'reset-password-used-zh-CN');
    } finally {
      await resetter.close();
    }
  });
});
