import type { Page } from 'playwright-core';

export class RegisterPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/register');
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  get displayName() {
    return this.page.locator('input[name="displayName"]');
  }

  get email() {
    return this.page.locator('input[name="email"]');
  }

  get password() {
    return this.page.locator('input[name="password"]');
  }

  get submit() {
    return this.page.locator('form button[type="submit"]');
  }

  fieldError(name: 'displayName' | 'email' | 'password') {
    return this.page.locator(`.field:has(input[name="${name}"]) .field__error`);
  }

  async fill(values: { displayName: string; email: string; password: string }): Promise<void> {
    await this.displayName.fill(values.displayName);
    await this.email.fill(values.email);
    await this.password.fill(values.password);
  }

  async register(values: { displayName: string; email: string; password: string }): Promise<void> {
    await this.fill(values);
    await this.submit.click();
  }

  /** A new account through the form, as a person signs up: open the page, register, land on the dashboard. */
  static async signUp(page: Page, values: { displayName: string; email: string; password: string }): Promise<void> {
    const register = new RegisterPage(page);
    await register.goto();
    await register.register(values);
    await page.waitForURL((url) => url.pathname === '/');
  }
}
