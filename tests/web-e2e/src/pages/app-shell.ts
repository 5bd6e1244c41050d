import type { Page } from 'playwright-core';

/** The signed-in frame: header, navigation, theme and language controls, user menu. */
export class AppShell {
  constructor(readonly page: Page) {}

  get header() {
    return this.page.locator('header.app-header');
  }

  get nav() {
    return this.page.locator('nav.main-nav');
  }

  navLink(name: string) {
    return this.nav.getByRole('link', { name, exact: true });
  }

  get menuButton() {
    return this.page.getByTestId('menu-button');
  }

  get themeToggle() {
    return this.page.getByTestId('theme-toggle');
  }

  get languageSwitcher() {
    return this.page.getByTestId('language-switcher');
  }

  get userMenuButton() {
    return this.page.getByTestId('user-menu-button');
  }

  get heading() {
    return this.page.locator('main h1');
  }

  async waitForShell(): Promise<void> {
    await this.header.waitFor();
    await this.heading.waitFor();
  }

  async navLabels(): Promise<string[]> {
    return (await this.nav.locator('a').allTextContents()).map((s) => s.trim());
  }

  async theme(): Promise<string | null> {
    return this.page.evaluate(() => document.documentElement.dataset['theme'] ?? null);
  }

  async lang(): Promise<string> {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  async switchLanguage(code: 'en' | 'zh-CN'): Promise<void> {
    await this.languageSwitcher.selectOption(code);
  }

  async logout(): Promise<void> {
    await this.userMenuButton.click();
    await this.page.getByTestId('logout-button').click();
    await this.page.waitForURL('**/login');
  }
}
