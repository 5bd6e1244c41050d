import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await this.heading.waitFor();
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
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

  get alert() {
    return this.page.locator('.alert--error');
  }

  async login(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
