#!/usr/bin/env node
// Fails when the committed OpenAPI document or the generated client differ from what the code
// produces now: run `npm run openapi` and commit the result.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Inside the repository (tmp/ is git-ignored): prettier only formats files below its root config.
mkdirSync('tmp', { recursive: true });
const dir = mkdtempSync(join('tmp', 'openapi-'));
const doc = join(dir, 'openapi.json');
const schema = join(dir, 'schema.d.ts');
execFileSync('node', ['apps/api/dist/cli/openapi.js', doc], { stdio: 'inherit' });
execFileSync('npx', ['openapi-typescript', doc, '-o', schema], { stdio: 'ignore' });
// Only .prettierignore: by default prettier also skips .gitignore'd paths such as tmp/.
execFileSync('npx', ['prettier', '--write', doc, schema, '--ignore-path', '.prettierignore', '--log-level', 'warn'], { stdio: 'inherit' });
const stale = [];
if (readFileSync(doc, 'utf8') !== readFileSync('apps/api/openapi.json', 'utf8')) stale.push('apps/api/openapi.json');
if (readFileSync(schema, 'utf8') !== readFileSync('libs/api-client/src/schema.d.ts', 'utf8')) stale.push('libs/api-client/src/schema.d.ts');
rmSync(dir, { recursive: true, force: true });
if (stale.length > 0) {
  console.error(`Out of date: ${stale.join(', ')}. Run \`npm run openapi\` and commit the result.`);
  process.exit(1);
}
console.log('OpenAPI document and generated client are up to date: 1 passed, 0 failed');
