import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** "Sign in with SSO" on the login page, and the test identity provider's sign-in form. */
export class SsoSignInPage {
  constructor(readonly page: Page) {}

  async start(email: string): Promise<void> {
    await this.page.goto('/login');
    await this.page.getByRole('button', { name: 'Sign in with SSO' }).click();
    await this.page.locator('input[name="sso-email"]').fill(email);
    await this.page.getByRole('button', { name: 'Continue to your identity provider' }).click();
  }

  /** Signs in on the provider's own page (another origin). */
  async signInAtProvider(issuer: string, login: string, password: string): Promise<void> {
    await this.page.waitForURL((url) => url.href.startsWith(`${issuer}/interaction/`));
    await this.page.locator('input[name="login"]').fill(login);
    await this.page.locator('input[name="password"]').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  get alert() {
    return this.page.locator('.sso-sign-in .alert--error');
  }
}

/** An organization's single sign-on settings on Account. */
export class SsoSettingsPage {
  constructor(readonly page: Page) {}

  async open(orgName: string): Promise<void> {
    await this.page.goto('/account');
    const row = this.page.locator('.org-list__item').filter({ hasText: orgName });
    await row.getByRole('button', { name: 'Single sign-on' }).click();
    await this.form.waitFor();
  }

  get form() {
    return this.page.getByTestId('sso-settings');
  }

  async save(values: { issuer: string; clientId: string; clientSecret: string; domains: string; required: boolean }): Promise<void> {
    await this.form.locator('input[name="issuer"]').fill(values.issuer);
    await this.form.locator('input[name="clientId"]').fill(values.clientId);
    await this.form.locator('input[name="clientSecret"]').fill(values.clientSecret);
    await this.form.locator('input[name="emailDomains"]').fill(values.domains);
    await this.form.locator('input[name="ssoRequiredForManagers"]').setChecked(values.required);
    await this.form.getByRole('button', { name: 'Save single sign-on' }).click();
  }
}

/** The pending or verified domain's row under the SSO settings. */
export class SsoDomainRow {
  constructor(
    readonly page: Page,
    readonly domain: string,
  ) {}

  get row() {
    return this.page.getByTestId(`sso-domain-${this.domain}`);
  }

  recordName(): Promise<string> {
    return this.row.getByTestId('sso-record-name').inputValue();
  }

  recordValue(): Promise<string> {
    return this.row.getByTestId('sso-record-value').inputValue();
  }

  async verify(): Promise<void> {
    await this.row.getByRole('button', { name: 'Verify' }).click();
  }
}

/**
 * Publishes a TXT record on the DNS server the suite's app asks (global setup starts it and
 * reads its table from the file named by E2E_DNS_TABLE at every query).
 */
export function publishTxt(name: string, values: string[]): void {
  const path = process.env['E2E_DNS_TABLE'];
  if (!path) throw new Error('E2E_DNS_TABLE is not set: the SSO domain checks need the app started by global setup, with its DNS server');
  let table: Record<string, string[]> = {};
  try {
    table = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string[]>;
  } catch {
    // First record.
  }
  table[name] = values;
  writeFileSync(path, JSON.stringify(table));
}
