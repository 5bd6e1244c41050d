import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument, createApp } from '../bootstrap';
import { loadConfig } from '../config/env';

/** Writes the OpenAPI document without touching a database: `node dist/cli/openapi.js <file>`. */
async function main(): Promise<void> {
  const out = process.argv[2] ?? 'apps/api/openapi.json';
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', WEB_DIST_DIR: '' });
  const app = await createApp(config, 'postgres://unused@127.0.0.1:1/unused');
  const document = buildOpenApiDocument(app);
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
