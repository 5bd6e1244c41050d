import { startOidcProvider, type RunningOidcProvider } from '@goprep/test-support';
import type { Page } from 'playwright-core';
import { LoginPage } from './pages/login-page';
import { RegisterPage } from './pages/register-page';
import { publishTxt, SsoDomainRow, SsoSettingsPage, SsoSignInPage } from './pages/sso-page';
import { screenshot } from './support/artifacts';
import { baseUrl, launchBrowser, type Browser } from './support/chromium';

const PASSWORD = 'correct horse battery staple';
const SECRET = 'browser-client-secret-0123456789';

describe('single sign-on in the browser through a real OpenID provider', () => {
  const domain = `sso${Date.now().toString(36)}.test`;
  const ownerEmail = `owner@${domain}`;
  let idp: RunningOidcProvider;
  let manager: Browser;
  let page: Page;

  beforeAll(async () => {
    idp = await startOidcProvider({
      clients: [{ client_id: 'goprep-browser', client_secret: SECRET, redirect_uris: [`${baseUrl()}/api/auth/sso/callback`] }],
      users: {
        grace: { password: 'grace-pw', email: `grace@${domain}`, email_verified: true, name: 'Grace Hopper' },
        owner: { password: 'owner-pw', email: ownerEmail, email_verified: true, name: 'Owner' },
        mallory: { password: 'mallory-pw', email: 'mallory@elsewhere.test', email_verified: true, name: 'Mallory' },
      },
    });
    manager = await launchBrowser({ viewport: { width: 1366, height: 900 } });
    page = await manager.context.newPage();
  });

  afterAll(async () => {
    await manager?.close();
    await idp?.stop();
  });

  it('should let a manager set up SSO for the organization without ever showing the secret again', async () => {
    await RegisterPage.signUp(page, { displayName: 'Owner', email: ownerEmail, password: PASSWORD });
    await page.goto('/account');
    await page.getByTestId('create-org-form').locator('input').fill('Hopper Labs');
    await page.getByTestId('create-org-form').getByRole('button', { name: 'Create organization' }).click();
    await page.locator('.org-list__item').filter({ hasText: 'Hopper Labs' }).waitFor();

    const settings = new SsoSettingsPage(page);
    await settings.open('Hopper Labs');
    expect(await settings.form.getByTestId('sso-redirect-uri').inputValue()).toBe(`${baseUrl()}/api/auth/sso/callback`);
    await settings.save({ issuer: idp.issuer, clientId: 'goprep-browser', clientSecret: SECRET, domains: domain, required: true });
    await settings.form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    await page.reload();
    await settings.open('Hopper Labs');
    expect(await settings.form.locator('input[name="clientSecret"]').inputValue()).toBe('');
    await settings.form.getByText('A secret is set. Leave this empty to keep it.').waitFor();
    expect(await settings.form.locator('input[name="issuer"]').inputValue()).toBe(idp.issuer);
    expect(await page.content()).not.toContain(SECRET);
    await screenshot(page, 'sso-settings');
  });

  it('should show the TXT record that proves the domain, refuse Verify until it is published, then verify it', async () => {
    const row = new SsoDomainRow(page, domain);
    await row.row.getByText('Pending').waitFor();
    expect(await row.recordName()).toBe(`_goprep-challenge.${domain}`);
    const value = await row.recordValue();
    expect(value).toMatch(/^goprep-verification=[A-Za-z0-9_-]{32}$/);
    // Not routed yet: a sign-in through the pending domain comes back with an explanation.
    const b = await launchBrowser();
    try {
      const p = await b.context.newPage();
      const sso = new SsoSignInPage(p);
      await sso.start(`grace@${domain}`);
      await p.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('sso_error') === 'SSO_DOMAIN_UNVERIFIED');
      await sso.alert.filter({ hasText: 'not yet proven that it owns it' }).waitFor();
    } finally {
      await b.close();
    }

    await row.verify();
    await row.row.getByRole('alert').filter({ hasText: 'The TXT record was not found' }).waitFor();
    await screenshot(page, 'sso-domain-pending');
    publishTxt(`_goprep-challenge.${domain}`, [value]);
    await row.verify();
    await row.row.getByText('Verified', { exact: true }).waitFor();
    await row.row.getByText(/Verified through DNS on/).waitFor();
    expect(await row.row.getByTestId('sso-record-value').count()).toBe(0);
    await screenshot(page, 'sso-domain-verified');
  });

  it('should refuse the password of a manager whose organization requires SSO', async () => {
    const b = await launchBrowser();
    try {
      const p = await b.context.newPage();
      const login = new LoginPage(p);
      await login.goto();
      await login.login(ownerEmail, PASSWORD);
      await login.alert.filter({ hasText: 'requires managers to sign in with single sign-on' }).waitFor();
      expect(new URL(p.url()).pathname).toBe('/login');
    } finally {
      await b.close();
    }
  });

  it('should sign a new member in through the provider and land in the app', async () => {
    const b = await launchBrowser({ viewport: { width: 375, height: 800 } });
    try {
      const p = await b.context.newPage();
      const sso = new SsoSignInPage(p);
      await sso.start(`grace@${domain}`);
      await sso.signInAtProvider(idp.issuer, 'grace', 'grace-pw');
      await p.waitForURL((url) => url.origin === baseUrl() && url.pathname === '/');
      const me = await p.request.get('/api/me');
      expect(me.status()).toBe(200);
      expect(await me.json()).toMatchObject({ email: `grace@${domain}`, displayName: 'Grace Hopper', role: 'learner' });
      await screenshot(p, 'sso-signed-in-375');
    } finally {
      await b.close();
    }
  });

  it('should bring a user of another domain back to the login page with a clear message', async () => {
    const b = await launchBrowser();
    try {
      const p = await b.context.newPage();
      const sso = new SsoSignInPage(p);
      await sso.start(`grace@${domain}`);
      await sso.signInAtProvider(idp.issuer, 'mallory', 'mallory-pw');
      await p.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('sso_error') === 'SSO_DOMAIN_MISMATCH');
      await sso.alert.filter({ hasText: 'not in a domain of this organization' }).waitFor();
      expect((await p.request.get('/api/me')).status()).toBe(401);
      await screenshot(p, 'sso-domain-mismatch');
    } finally {
      await b.close();
    }
  });

  it('should explain the SSO error in Chinese', async () => {
    const b = await launchBrowser({ locale: 'zh-CN', viewport: { width: 375, height: 800 } });
    try {
      const p = await b.context.newPage();
      await p.goto('/login?sso_error=SSO_STATE_INVALID');
      await p.locator('.sso-sign-in .alert--error').filter({ hasText: '本次登录已过期' }).waitFor();
      await p.getByRole('button', { name: '前往身份提供方' }).waitFor();
      await screenshot(p, 'sso-error-zh-CN-375');
    } finally {
      await b.close();
    }
  });

  it('should show a pending and a verified domain in Chinese on a phone', async () => {
    const b = await launchBrowser({ locale: 'zh-CN', viewport: { width: 375, height: 800 } });
    try {
      await b.context.addCookies(await manager.context.cookies());
      const p = await b.context.newPage();
      // A second domain, still pending.
      const csrf = ((await (await p.request.get('/api/auth/csrf')).json()) as { token: string }).token;
      const me = (await (await p.request.get('/api/me')).json()) as { organizations: Array<{ id: string }> };
      const put = await p.request.put(`/api/orgs/${me.organizations[0]!.id}/sso`, {
        headers: { 'x-csrf-token': csrf },
        data: { issuer: idp.issuer, clientId: 'goprep-browser', emailDomains: [domain, `eng.${domain}`], ssoRequiredForManagers: true, enabled: true },
      });
      expect(put.status()).toBe(200);
      await p.goto('/account');
      await p.locator('.org-list__item').filter({ hasText: 'Hopper Labs' }).getByRole('button', { name: '单点登录' }).click();
      await p.getByTestId(`sso-domain-${domain}`).getByText('已验证', { exact: true }).waitFor();
      const pending = p.getByTestId(`sso-domain-eng.${domain}`);
      await pending.getByText('待验证').waitFor();
      await pending.getByRole('button', { name: '验证' }).waitFor();
      expect(await pending.getByTestId('sso-record-name').inputValue()).toBe(`_goprep-challenge.eng.${domain}`);
      // Nothing sticks out of the phone's width.
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await pending.scrollIntoViewIfNeeded();
      await screenshot(p, 'sso-domains-zh-CN-375');
    } finally {
      await b.close();
    }
  });
});
