// globalSetup runs outside Jest's module registry, where the @goprep/* mappings do not apply.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApp } from '../../../support/app-process';
import { findChromium } from './chromium';

/**
 * Fails the whole suite up front when there is no browser (never a silent skip), then starts the
 * built app unless E2E_BASE_URL points at one already running (e.g. `npm run dev`).
 */
export default async function globalSetup(): Promise<void> {
  findChromium();
  if (process.env['E2E_BASE_URL']) return;
  const app = await startApp();
  (globalThis as { __GOPREP_APP__?: typeof app }).__GOPREP_APP__ = app;
  // Workers start after this and inherit the environment.
  process.env['E2E_BASE_URL'] = app.url;
}
