import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSecretKey } from '../common/crypto/secret-box';
import { loadConfig } from './env';
import { ensureLocalSecretsKey } from './local-secrets-key';

describe('the secrets key of a self-hosted start (npm start on the embedded Postgres)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'goprep-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a 32-byte key once under DATA_DIR (0600), and reads the same key on the next start', () => {
    const first: NodeJS.ProcessEnv = { NODE_ENV: 'production', DATA_DIR: dir };
    expect(ensureLocalSecretsKey(first, '/')).toBe('created');
    const file = join(dir, 'secrets-key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseSecretKey(first['SECRETS_KEY'] ?? '')?.length).toBe(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first['SECRETS_KEY']);
    const second: NodeJS.ProcessEnv = { NODE_ENV: 'production', DATA_DIR: dir };
    expect(ensureLocalSecretsKey(second, '/')).toBe('read');
    expect(second['SECRETS_KEY']).toBe(first['SECRETS_KEY']);
    // The production config check then passes, where it refused without a key.
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dir })).toThrow(/SECRETS_KEY: required in production/);
    expect(() => loadConfig(second)).not.toThrow();
  });

  it('generates nothing for an external database, outside production, or when the key is configured', () => {
    const external: NodeJS.ProcessEnv = { NODE_ENV: 'production', DATA_DIR: dir, DATABASE_URL: 'postgres://x@db/goprep' };
    expect(ensureLocalSecretsKey(external, '/')).toBe('not needed');
    expect(external['SECRETS_KEY']).toBeUndefined();
    expect(ensureLocalSecretsKey({ NODE_ENV: 'development', DATA_DIR: dir }, '/')).toBe('not needed');
    expect(ensureLocalSecretsKey({ NODE_ENV: 'production', DATA_DIR: dir, SECRETS_KEY: 'k' }, '/')).toBe('configured');
    expect(() => readFileSync(join(dir, 'secrets-key'))).toThrow();
  });

  it('lets the admin CLI (outside production) read the key a production start created', () => {
    const server: NodeJS.ProcessEnv = { NODE_ENV: 'production', DATA_DIR: dir };
    ensureLocalSecretsKey(server, '/');
    const cli: NodeJS.ProcessEnv = { DATA_DIR: dir };
    expect(ensureLocalSecretsKey(cli, '/')).toBe('read');
    expect(cli['SECRETS_KEY']).toBe(server['SECRETS_KEY']);
  });
});
