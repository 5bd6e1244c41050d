import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * `npm install && npm start` must work on a fresh clone, and production mode refuses to start
 * without SECRETS_KEY. For the self-hosted default (the embedded Postgres, whose data sits under
 * DATA_DIR anyway) the key is made once and kept beside the data: DATA_DIR/secrets-key, 0600.
 * With an external database (DATABASE_URL) nothing is generated: the key must come from the
 * deployment, so that a database backup never travels with its key.
 *
 * An existing key file is read in every mode (the admin CLI runs outside production), but only a
 * production start creates one. Sets env.SECRETS_KEY when it supplies the key; returns what it did.
 */
export function ensureLocalSecretsKey(env: NodeJS.ProcessEnv, repoRoot: string): 'configured' | 'not needed' | 'read' | 'created' {
  if (env['SECRETS_KEY']) return 'configured';
  if (env['DATABASE_URL']) return 'not needed';
  const dataDir = env['DATA_DIR'] || '.data';
  const file = join(isAbsolute(dataDir) ? dataDir : resolve(repoRoot, dataDir), 'secrets-key');
  // Read in every mode, so the admin CLI and a development start open what `npm start` sealed.
  if (existsSync(file)) {
    env['SECRETS_KEY'] = readFileSync(file, 'utf8').trim();
    return 'read';
  }
  if (env['NODE_ENV'] !== 'production') return 'not needed';
  mkdirSync(join(file, '..'), { recursive: true });
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  env['SECRETS_KEY'] = key;
  return 'created';
}
