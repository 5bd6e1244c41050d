// globalSetup/globalTeardown run outside Jest's module registry, where the @goprep/* path
// mappings do not apply; hence the relative paths.
/* eslint-disable @nx/enforce-module-boundaries */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, embeddedUrl, loadConfig, prepareDatabase, startEmbeddedPostgres } from '../../../../apps/api/src/testing';
import { freePort } from '../../../support/free-port';
import { E2E_ENV, TEMPLATE_DB, type E2eDatabase } from './e2e-env';

/**
 * One real Postgres for the whole run. A template database gets the migrations and the bank once;
 * each suite then clones it (CREATE DATABASE ... TEMPLATE), which takes milliseconds.
 */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'goprep-e2e-'));
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port, database: TEMPLATE_DB });
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '' });
  const app = await createApp(config, embeddedUrl(port, TEMPLATE_DB));
  await prepareDatabase(app, config, { loadBank: true });
  await app.close();
  // yjs marks itself loaded on globalThis; a suite run in this process (-w 1) loads it again in
  // its own module registry, which yjs would report as a double import.
  delete (globalThis as Record<string, unknown>)['__ $YJS$ __'];
  const info: E2eDatabase = { port, dir };
  process.env[E2E_ENV] = JSON.stringify(info);
  (globalThis as { __goprepPg?: typeof pg }).__goprepPg = pg;
}
