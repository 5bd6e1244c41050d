import type { Page } from 'playwright-core';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

const PASSWORD = 'correct horse battery staple';

describe('accounts and the app shell', () => {
  let browser: Browser;
  let page: Page;
  const email = uniqueEmail('shell');
  let inviteLink = '';

  beforeAll(async () => {
    browser = await launchBrowser({ colorScheme: 'light' });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should reject a too-short password in the browser without calling the API', async () => {
    const register = new RegisterPage(page);
    await register.goto();
    const calls: string[] = [];
    const onRequest = (req: { url(): string }) => {
      if (req.url().includes('/api/auth/register')) calls.push(req.url());
    };
    page.on('request', onRequest);
    await register.register({ displayName: 'Ada', email, password: 'short' });
    await register.fieldError('password').waitFor();
    expect(await register.fieldError('password').textContent()).toMatch(/10/);
    expect(await register.password.getAttribute('aria-invalid')).toBe('true');
    // Focus moves to the first invalid field so keyboard and screen-reader users land on it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await screenshot(page, 'register-errors');
    page.off('request', onRequest);
    expect(calls).toEqual([]);
  });

  it('should register, land on the dashboard and show the shell in English', async () => {
    await RegisterPage.signUpThroughForm(page, { displayName: 'Ada Lovelace', email, password: PASSWORD });
    const shell = new AppShell(page);
    await shell.waitForShell();
    expect(await shell.heading.textContent()).toContain('Ada Lovelace');
    expect(await shell.navLabels()).toEqual(['Practice', 'Drills', 'Hiring', 'Rooms', 'Account']);
    expect(await shell.lang()).toBe('en');
    await screenshot(page, 'dashboard-en-light');
  });

  it('should switch to Simplified Chinese, update <html lang> and keep the choice after a reload', async () => {
    const shell = new AppShell(page);
    await shell.switchLanguage('zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await shell.navLabels()).toEqual(['练习', '复习', '招聘', '面试间', '账户']);
    expect(await shell.heading.textContent()).toContain('你好');
    await screenshot(page, 'dashboard-zh-CN');

    await page.reload();
    await shell.waitForShell();
    expect(await shell.navLabels()).toEqual(['练习', '复习', '招聘', '面试间', '账户']);
    await shell.switchLanguage('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  });

  it('should toggle the theme and keep it after a reload', async () => {
    const shell = new AppShell(page);
    expect(await shell.theme()).toBe('light');
    await shell.themeToggle.click();
    expect(await shell.theme()).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(246, 247, 249)');
    await page.reload();
    await shell.waitForShell();
    expect(await shell.theme()).toBe('dark');
    await screenshot(page, 'dashboard-en-dark');
    await shell.themeToggle.click();
    expect(await shell.theme()).toBe('light');
  });

  it('should log out, protect the app, and log back in to the page that was asked for', async () => {
    const shell = new AppShell(page);
    await shell.logout();

    await page.goto('/account');
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirectTo') === '/account');

    const login = new LoginPage(page);
    await login.login(email, 'wrong password here');
    await login.alert.waitFor();
    expect(await page.getByRole('alert').filter({ hasText: /incorrect/ }).count()).toBe(1);
    await screenshot(page, 'login-error');

    await login.login(email, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/account');
    await page.getByTestId('profile-name').waitFor();
    expect(await page.getByTestId('profile-name').textContent()).toBe('Ada Lovelace');
  });

  it('should create an organization and show an invite link to copy', async () => {
    await page.goto('/account');
    await page.getByLabel('New organization name').fill('Gophers Inc');
    await page.getByRole('button', { name: 'Create organization' }).click();
    const org = page.getByTestId('org-list').locator('li', { hasText: 'Gophers Inc' });
    await org.waitFor();
    await org.getByRole('button', { name: 'Invite' }).click();
    await org.getByLabel("Colleague's email").fill(uniqueEmail('colleague'));
    await org.getByRole('button', { name: 'Create invite link' }).click();
    const link = page.getByTestId('invite-link');
    await link.waitFor();
    inviteLink = await link.inputValue();
    expect(inviteLink).toMatch(/^http:\/\/.+\/org-invite\/.+/);
    await screenshot(page, 'account-invite');
  });

  it('should let another user accept the invite and see the organization', async () => {
    await new AppShell(page).logout();
    await RegisterPage.signUp(page, { displayName: 'Bob', email: uniqueEmail('invitee'), password: PASSWORD });
    // The link's origin is the server's PUBLIC_URL; the path is what the web app routes.
    await page.goto(new URL(inviteLink).pathname);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.getByText('You joined Gophers Inc.').waitFor();
    await page.getByRole('link', { name: 'Go to your account' }).click();
    await page.getByTestId('org-list').locator('li', { hasText: 'Gophers Inc' }).waitFor();
  });
});
