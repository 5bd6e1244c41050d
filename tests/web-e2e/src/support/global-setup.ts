// globalSetup runs outside Jest's module registry, where the @goprep/* mappings do not apply.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApp } from '../../../support/app-process';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../../support/free-port';
import { findChromium } from './chromium';

/**
 * Fails the whole suite up front when there is no browser (never a silent skip), then starts the
 * built app unless E2E_BASE_URL points at one already running (e.g. `npm run dev`).
 */
export default async function globalSetup(): Promise<void> {
  findChromium();
  if (process.env['E2E_BASE_URL']) return;
  // The Postgres port and data folder are handed to the workers so a spec can run `npm run admin` against this app.
  const pgPort = String(await freePort());
  const app = await startApp({ env: { EMBEDDED_PG_PORT: pgPort } });
  process.env['E2E_DATA_DIR'] = app.dataDir;
  process.env['E2E_PG_PORT'] = pgPort;
  (globalThis as { __GOPREP_APP__?: typeof app }).__GOPREP_APP__ = app;
  // Workers start after this and inherit the environment.
  process.env['E2E_BASE_URL'] = app.url;
}
