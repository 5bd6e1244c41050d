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
  static async signUpThroughForm(page: Page, values: { displayName: string; email: string; password: string }): Promise<void> {
    const register = new RegisterPage(page);
    await register.goto();
    await register.register(values);
    await page.waitForURL((url) => url.pathname === '/');
  }

  /**
   * A new account for a test that is about something else: the two requests the form makes (the
   * CSRF token, then the registration) sent through the page's own cookie jar, then the dashboard.
   * The form itself is tested by auth.e2e-spec (signUpThroughForm); loading and filling it in every
   * spec cost a page load each.
   */
  static async signUp(page: Page, values: { displayName: string; email: string; password: string }): Promise<void> {
    const api = page.context().request;
    const csrf = await api.get('/api/auth/csrf');
    if (!csrf.ok()) throw new Error(`GET /api/auth/csrf answered ${csrf.status()}`);
    const { token } = (await csrf.json()) as { token: string };
    const res = await api.post('/api/auth/register', { data: values, headers: { 'X-CSRF-Token': token } });
    if (!res.ok()) throw new Error(`POST /api/auth/register answered ${res.status()}: ${await res.text()}`);
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/');
  }
}
