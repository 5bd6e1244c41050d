// globalSetup runs outside Jest's module registry, where the @goprep/* mappings do not apply.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApp } from '../../../support/app-process';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../../support/free-port';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startDnsServer, txtFromFile } from '../../../support/dns-server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { findChromium } from '../../../support/chromium-path';

/**
 * Fails the whole suite up front when there is no browser (never a silent skip), then starts the
 * built app unless E2E_BASE_URL points at one already running (e.g. `npm run dev`).
 */
export default async function globalSetup(): Promise<void> {
  findChromium();
  if (process.env['E2E_BASE_URL']) return;
  // The Postgres port and data folder are handed to the workers so a spec can run `npm run admin` against this app.
  const pgPort = String(await freePort());
  // A real DNS server for SSO domain verification; specs publish TXT records by writing its JSON table.
  const dnsTable = join(mkdtempSync(join(tmpdir(), 'goprep-dns-')), 'txt.json');
  const dns = await startDnsServer(txtFromFile(dnsTable));
  (globalThis as { __GOPREP_DNS__?: typeof dns }).__GOPREP_DNS__ = dns;
  process.env['E2E_DNS_TABLE'] = dnsTable;
  const app = await startApp({ env: { EMBEDDED_PG_PORT: pgPort, SSO_DNS_SERVERS: dns.address } });
  process.env['E2E_DATA_DIR'] = app.dataDir;
  process.env['E2E_PG_PORT'] = pgPort;
  (globalThis as { __GOPREP_APP__?: typeof app }).__GOPREP_APP__ = app;
  // Workers start after this and inherit the environment.
  process.env['E2E_BASE_URL'] = app.url;
}
