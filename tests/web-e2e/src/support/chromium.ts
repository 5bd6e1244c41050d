import { chromium, type Browser as ChromiumProcess, type BrowserContext } from 'playwright-core';
// The one file rather than @goprep/test-support's index, which loads the app, OIDC and Redis helpers.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { findChromium } from '../../../support/chromium-path';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * What a test calls a browser: a context of its own (its own cookies, storage and cache, as a
 * fresh profile has), in the one Chromium process its spec file shares. Starting a Chromium cost
 * about 1 CPU-second each, about 85 times per run (docs/performance.md, "One Chromium per spec file").
 */
export type Browser = { context: BrowserContext; close(): Promise<void> };

let shared: Promise<ChromiumProcess> | undefined;

/** The spec file's Chromium, started on first use; support/close-browser.ts closes it after the file. */
function chromiumProcess(): Promise<ChromiumProcess> {
  shared ??= chromium.launch({ executablePath: findChromium(), headless: true, args: ARGS });
  return shared;
}

/** Closes the spec file's Chromium if it started one (every context in it closes with it). */
export async function closeChromium(): Promise<void> {
  const running = shared;
  shared = undefined;
  await (await running?.catch(() => undefined))?.close();
}

/** A browser as a new user's: a fresh context (no cookies, no storage) with its own viewport, theme and language. */
export async function launchBrowser(
  options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark'; locale?: string; baseURL?: string } = {},
): Promise<Browser> {
  const context = await (await chromiumProcess()).newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    baseURL: options.baseURL ?? baseUrl(),
  });
  context.setDefaultTimeout(15_000);
  return { context, close: () => context.close() };
}

export function baseUrl(): string {
  const url = process.env['E2E_BASE_URL'];
  if (!url) throw new Error('E2E_BASE_URL is not set: the global setup did not start the app.');
  return url;
}
