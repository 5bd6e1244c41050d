import type { Page } from 'playwright-core';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { baseUrl, launchBrowser, type Browser } from './support/chromium';

const PASSWORD = 'correct horse battery staple';

/** What a script does with the secret the page showed: a plain fetch with nothing but the token. */
async function callWith(token: string, path: string): Promise<number> {
  return (await fetch(`${baseUrl()}${path}`, { headers: { authorization: `Bearer ${token}` } })).status;
}

/**
 * Registers an account through the API, so the account under test is not the first one (which
 * becomes admin) whichever spec runs first.
 */
async function takeAdminSeat(): Promise<void> {
  const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
  const token = ((await csrf.json()) as { token: string }).token;
  const res = await fetch(`${baseUrl()}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: `goprep_csrf=${token}` },
    body: JSON.stringify({ email: uniqueEmail('seat'), password: PASSWORD, displayName: 'Seat' }),
  });
  expect(res.status).toBe(201);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Fills the create form of the token card and answers the secret the page shows once. */
async function createToken(card: ReturnType<Page['getByTestId']>, name: string, scopes: string[]): Promise<string> {
  await card.getByTestId('token-name').fill(name);
  for (const scope of scopes) await card.getByTestId(`scope-${scope}`).check();
  await card.getByTestId('create-token').click();
  const secret = await card.getByTestId('token-value').inputValue();
  expect(secret).toMatch(/^gp_[A-Za-z0-9_-]{43}$/);
  return secret;
}

describe('API tokens in the browser: personal on Account, organization in its settings', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: { width: 1366, height: 900 } });
    page = await browser.context.newPage();
    await takeAdminSeat();
    await RegisterPage.signUp(page, { displayName: 'Tok', email: uniqueEmail('tok'), password: PASSWORD });
  });
  afterAll(() => browser?.close());

  it("should let a learner create a bank:read token, show its secret once, and revoke it after a confirmation", async () => {
    await page.goto('/account');
    const card = page.getByTestId('api-tokens-personal');
    await card.getByTestId('scope-bank:read').waitFor();
    // A learner may grant bank:read only.
    expect(await card.locator('input[type="checkbox"]').count()).toBe(1);
    await card.getByTestId('create-token').click();
    await card.getByText('Give the token a name.').waitFor();

    const secret = await createToken(card, 'flashcards', ['bank:read']);
    expect(await callWith(secret, '/api/topics')).toBe(200);
    await screenshot(page, 'api-tokens-secret-1366');
    await card.getByRole('button', { name: 'Done, I have copied it' }).click();
    expect(await card.getByTestId('token-value').count()).toBe(0);
    // The list never holds the secret, only its first characters.
    const row = card.getByTestId('token-row').filter({ hasText: 'flashcards' });
    await row.waitFor();
    expect(await card.textContent()).not.toContain(secret);
    await page.reload();
    await row.getByText(/last used/).waitFor();

    await row.getByRole('button', { name: 'Revoke token flashcards' }).click();
    const dialog = page.getByTestId('revoke-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await callWith(secret, '/api/topics')).toBe(200);
    await row.getByRole('button', { name: 'Revoke token flashcards' }).click();
    await dialog.getByTestId('confirm-revoke').click();
    await row.getByText('Revoked', { exact: true }).waitFor();
    expect(await callWith(secret, '/api/topics')).toBe(401);
  });

  it("should create an organization token in the organization's settings that reads only that organization", async () => {
    await page.goto('/account');
    const form = page.getByTestId('create-org-form');
    await form.getByLabel('New organization name').fill('Token Org');
    await form.getByRole('button', { name: 'Create organization' }).click();
    const org = page.getByTestId('org-list').locator('li').filter({ hasText: 'Token Org' });
    await org.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/hiring\/orgs\/[0-9a-f-]{36}\/settings$/);
    const orgId = /orgs\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
    await page.getByRole('heading', { name: 'Token Org: settings' }).waitFor();

    const card = page.getByTestId('api-tokens-organization');
    await card.getByTestId('scope-bank:read').waitFor();
    expect(await card.locator('input[type="checkbox"]').count()).toBe(4);
    await card.getByText("read candidates' results and reports").waitFor();
    await card.getByTestId('token-expiry').selectOption('7');
    const secret = await createToken(card, 'ATS export', ['results:read', 'sets:manage']);
    expect(await callWith(secret, `/api/orgs/${orgId}/sets`)).toBe(200);
    expect(await callWith(secret, '/api/me')).toBe(403);
    await card.getByRole('button', { name: 'Done, I have copied it' }).click();
    const row = card.getByTestId('token-row').filter({ hasText: 'ATS export' });
    await row.getByText('results:read').waitFor();
    await row.getByText(/expires/).waitFor();
    await row.getByText('by Tok').waitFor();
    await screenshot(page, 'api-tokens-org-1366');

    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await row.waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'api-tokens-org-375');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('should show the token screens in Chinese', async () => {
    const zh = await launchBrowser({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
    try {
      const zhPage = await zh.context.newPage();
      await RegisterPage.signUp(zhPage, { displayName: '小王', email: uniqueEmail('tok-zh'), password: PASSWORD });
      await zhPage.goto('/account');
      const card = zhPage.getByTestId('api-tokens-personal');
      await card.getByRole('heading', { name: 'API 令牌' }).waitFor();
      await createToken(card, '闪卡', ['bank:read']);
      await card.getByText('请立即复制：令牌只显示这一次，goprep 只保存它的哈希值。').waitFor();
      expect(await horizontalOverflow(zhPage)).toBeLessThanOrEqual(0);
      await screenshot(zhPage, 'api-tokens-zh-375');
    } finally {
      await zh.close();
    }
  });
});
