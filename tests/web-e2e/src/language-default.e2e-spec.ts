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

  it('should use English for an English browser', async () => {
    browser = await launchBrowser({ locale: 'en-GB' });
    const page = await browser.context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    expect(await login.heading.textContent()).toBe('Log in');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
