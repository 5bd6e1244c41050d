import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const ARTIFACTS_DIR = resolve(__dirname, '..', '..', 'artifacts');

/** Saves a full-page screenshot under tests/web-e2e/artifacts/ (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Saves a screenshot of one element (a review item, a card) under tests/web-e2e/artifacts/. */
export async function elementScreenshot(element: Locator, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  // The sticky header would cover the top of an element scrolled into view.
  await element.screenshot({ path, style: '.app-header { position: static !important; }' });
  return path;
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}
