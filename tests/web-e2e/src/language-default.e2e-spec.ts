import { LoginPage } from './pages/login-page';
import { screenshot } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

describe('the default language', () => {
  let browser: Browser | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it('should follow a Chinese browser language on a first visit', async () => {
    browser = await launchBrowser({ locale: 'zh-CN' });
    const page = await browser.context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    expect(await login.heading.textContent()).toBe('登录');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.title()).toContain('登录');
    await screenshot(page, 'login-zh-CN');
  });

  it('should show a feature page (messages fetched with its route) in Chinese on a first visit', async () => {
    browser = await launchBrowser({ locale: 'zh-CN' });
    const page = await browser.context.newPage();
    // The candidate page without its link: text from the `candidate` namespace, no sign-in needed.
    await page.goto('/take');
    await page.getByRole('heading', { name: '请打开您的邀请链接' }).waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/\bcandidate\.[a-z]/);
  });

  it('should use English for an English browser', async () => {
    browser = await launchBrowser({ locale: 'en-GB' });
    const page = await browser.context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    expect(await login.heading.textContent()).toBe('Log in');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
