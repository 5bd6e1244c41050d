import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from '@goprep/test-support';

export const ARTIFACTS_DIR = resolve(__dirname, '..', '..', 'artifacts');

/** A headless Chromium with a fresh profile on the app at `baseURL`; `close()` removes the profile. */
export async function launch(baseURL: string): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'goprep-chaos-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    baseURL,
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Registers a learner through the browser's own request context, so the page shares the session. */
export async function registerIn(page: Page, email: string): Promise<void> {
  const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const res = await page.request.post('/api/auth/register', {
    headers: { 'x-csrf-token': csrf.token },
    data: { email, password: 'chaos monkey password', displayName: email.split('@')[0] },
  });
  if (res.status() !== 201) throw new Error(`register: ${res.status()} ${await res.text()}`);
}

/** A write from the page's session (cookies + CSRF header), for API calls next to the UI. */
export async function writeIn(page: Page, method: 'POST' | 'PUT', path: string, data: unknown): Promise<{ status: number; body: unknown; ms: number }> {
  const cookies = await page.context().cookies();
  const token = decodeURIComponent(cookies.find((c) => c.name === 'goprep_csrf')?.value ?? '');
  const started = performance.now();
  const res = await page.request.fetch(path, { method, headers: { 'x-csrf-token': token }, data });
  const text = await res.text();
  return { status: res.status(), body: text ? (JSON.parse(text) as unknown) : null, ms: performance.now() - started };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  // Full-page shots draw sticky bars where the page was scrolled to; start from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  return path;
}
