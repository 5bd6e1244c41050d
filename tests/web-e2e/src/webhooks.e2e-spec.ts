import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { startApp, type RunningApp } from '@goprep/test-support';
import { HiringApi } from './pages/hiring-api';
import { RegisterPage } from './pages/register-page';
import { WebhooksPage } from './pages/webhooks-page';
import { LoginPage } from './pages/login-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

const PASSWORD = 'correct horse battery staple';

/**
 * A manager sets up a webhook in the browser against a real receiver on this machine (which
 * verifies signatures with the standardwebhooks package and refuses each message's first
 * attempt), sends a test event, watches it retried and delivered, and redelivers it.
 * Its own app: private targets allowed and retries in a fraction of a second.
 */
describe('webhooks: organization settings in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let receiver: Server;
  let receiverUrl = '';
  let secret = '';
  const attempts = new Map<string, number>();
  let badSignatures = 0;
  let orgId = '';
  const email = uniqueEmail('hooks');

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          new Webhook(secret).verify(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>);
        } catch {
          badSignatures++;
          res.writeHead(401).end('bad signature');
          return;
        }
        const id = String(req.headers['webhook-id']);
        const n = (attempts.get(id) ?? 0) + 1;
        attempts.set(id, n);
        res.writeHead(n === 1 ? 503 : 200).end(n === 1 ? 'busy, try again' : 'received');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/goprep`;
    app = await startApp({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '500', WEBHOOK_POLL_INTERVAL_MS: '200' } });
    browser = await launchBrowser({ viewport: { width: 1366, height: 900 }, baseURL: app.url });
    page = await browser.context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    receiver?.closeAllConnections();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  });

  it('should add an endpoint from the Hiring page and show its secret', async () => {
    await RegisterPage.signUp(page, { displayName: 'Hook Manager', email, password: PASSWORD });
    orgId = await new HiringApi(page).createOrg('Hook Labs');
    await page.goto(`/hiring?org=${orgId}`);
    await page.getByTestId('open-webhooks').click();
    const hooks = new WebhooksPage(page);
    await hooks.form.waitFor();

    // The form applies the API's rules before sending.
    await hooks.form.getByTestId('webhook-url').fill('ftp://example.com/x');
    await hooks.form.getByTestId('webhook-save').click();
    await hooks.form.getByText('The URL must start with http:// or https://.').waitFor();

    await hooks.add(receiverUrl, 'Our ATS', ['attempt.submitted', 'attempt.graded']);
    await hooks.created.waitFor();
    secret = await hooks.created.getByTestId('webhook-secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    const card = hooks.endpoint(receiverUrl);
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('attempt.submitted');
    await screenshot(page, 'webhooks-created-1366');

    // Revealing reads the same secret back.
    await card.getByTestId('webhook-reveal-secret').click();
    await expect(card.getByTestId('webhook-secret').inputValue()).resolves.toBe(secret);
  });

  it('should send a test event that is refused once, retried, delivered, and redelivered under the same id', async () => {
    const hooks = new WebhooksPage(page);
    const card = hooks.endpoint(receiverUrl);
    await card.getByTestId('webhook-send-test').click();
    const row = card.getByTestId('webhook-delivery').first();
    await row.waitFor();
    // The log refreshes itself while a delivery is pending.
    await card.locator('[data-testid="webhook-delivery"][data-status="succeeded"]').waitFor({ timeout: 20_000 });
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('webhook.test');
    expect(text).toContain('Delivered');
    expect(text).toContain('200');
    expect([...attempts.values()]).toEqual([2]);
    await row.getByText('Payload and response').click();
    await screenshot(page, 'webhooks-log-1366');

    const id = [...attempts.keys()][0]!;
    await row.getByTestId('webhook-redeliver').click();
    for (let i = 0; i < 100 && attempts.get(id) !== 3; i++) await page.waitForTimeout(100);
    expect(attempts.get(id)).toBe(3);
    expect(attempts.size).toBe(1);
    expect(badSignatures).toBe(0);
  });

  it('should rotate the secret, edit and delete the endpoint', async () => {
    const hooks = new WebhooksPage(page);
    const card = hooks.endpoint(receiverUrl);
    page.once('dialog', (d) => void d.accept());
    await card.getByTestId('webhook-rotate-secret').click();
    for (let i = 0; i < 50 && (await card.getByTestId('webhook-secret').inputValue()) === secret; i++) await page.waitForTimeout(100);
    const rotated = await card.getByTestId('webhook-secret').inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);

    await card.getByTestId('webhook-edit').click();
    await card.getByTestId('webhook-enabled').uncheck();
    await card.getByTestId('webhook-save').click();
    await card.getByText('Disabled').waitFor();

    page.once('dialog', (d) => void d.accept());
    await card.getByTestId('webhook-delete').click();
    await page.getByTestId('webhook-list').getByText('No endpoints yet.').waitFor();
  });

  it('should fit a phone screen and read in Chinese', async () => {
    const hooks = new WebhooksPage(page);
    await hooks.add(receiverUrl, 'Phone check', ['invite.created']);
    await hooks.endpoint(receiverUrl).waitFor();
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'webhooks-375');

    const zh = await launchBrowser({ viewport: { width: 1366, height: 900 }, baseURL: app.url, locale: 'zh-CN' });
    try {
      const zhPage = await zh.context.newPage();
      const login = new LoginPage(zhPage);
      await login.goto();
      await login.login(email, PASSWORD);
      await zhPage.waitForURL((url) => url.pathname === '/');
      await zhPage.goto(`/hiring/orgs/${orgId}/webhooks`);
      await zhPage.getByRole('heading', { name: '添加端点' }).waitFor();
      await zhPage.getByText('邀请了一位候选人').first().waitFor();
      await screenshot(zhPage, 'webhooks-zh-1366');
    } finally {
      await zh.close();
    }
  });
});
