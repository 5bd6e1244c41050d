// globalSetup/globalTeardown run outside Jest's module registry, where the @goprep/* path
// mappings do not apply; hence the relative paths.
/* eslint-disable @nx/enforce-module-boundaries */
import { rmSync } from 'node:fs';
import type { RunningPostgres } from '../../../../apps/api/src/testing';
import { E2E_ENV, type E2eDatabase } from './e2e-env';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __goprepPg?: RunningPostgres }).__goprepPg?.stop();
  const raw = process.env[E2E_ENV];
  if (raw) rmSync((JSON.parse(raw) as E2eDatabase).dir, { recursive: true, force: true });
}
