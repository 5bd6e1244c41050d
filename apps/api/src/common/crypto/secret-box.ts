import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Secrets goprep must read back (an OpenID client secret, webhook signing secrets) are kept in
 * Postgres sealed with AES-256-GCM, so a database dump or backup alone does not reveal them.
 *
 * Stored form: `gpenc:v1:<key id>:<iv>:<ciphertext>:<tag>` (base64url parts). The key id is the
 * first 16 hex digits of SHA-256 over the key, so nothing but the keys themselves is configured:
 * rotating means moving the old key to SECRETS_KEY_PREVIOUS and setting a new SECRETS_KEY;
 * values sealed with the old key stay readable, new values use the new one.
 */
const PREFIX = 'gpenc:v1:';
const IV_BYTES = 12;
const KEY_BYTES = 32;

/** The key used where no SECRETS_KEY is configured (development and tests only; production refuses to start). */
const DEVELOPMENT_KEY_SEED = 'goprep development secrets key: not for production';

export interface SecretKey {
  id: string;
  key: Buffer;
}

export class SecretBoxError extends Error {}

export function secretKeyOf(key: Buffer): SecretKey {
  if (key.length !== KEY_BYTES) throw new SecretBoxError(`a secrets key must be ${KEY_BYTES} bytes, got ${key.length}`);
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

/** Decodes a base64 (or base64url) key of exactly 32 bytes; null when it is not one. */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === KEY_BYTES ? key : null;
}

export function developmentSecretKey(): Buffer {
  return createHash('sha256').update(DEVELOPMENT_KEY_SEED).digest();
}

export class SecretBox {
  private readonly keys: Map<string, Buffer>;

  constructor(
    private readonly current: SecretKey,
    previous: SecretKey[] = [],
  ) {
    this.keys = new Map([current, ...previous].map((k) => [k.id, k.key]));
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  /**
   * Whether the value was sealed under one of the previous keys (a rotation left it behind) and
   * can be moved to the current one. A value under a key this box does not hold is not: a process
   * started with another key (a CLI without SECRETS_KEY) leaves it alone.
   */
  sealedUnderPreviousKey(sealed: string): boolean {
    if (!SecretBox.isSealed(sealed)) return false;
    const keyId = sealed.slice(PREFIX.length).split(':')[0] ?? '';
    return keyId !== this.current.id && this.keys.has(keyId);
  }

  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${PREFIX}${this.current.id}:${iv.toString('base64url')}:${body.toString('base64url')}:${tag.toString('base64url')}`;
  }

  open(sealed: string): string {
    if (!SecretBox.isSealed(sealed)) throw new SecretBoxError('not a sealed secret');
    const parts = sealed.slice(PREFIX.length).split(':');
    if (parts.length !== 4) throw new SecretBoxError('a sealed secret has four parts after its prefix');
    const [keyId, iv, body, tag] = parts as [string, string, string, string];
    const key = this.keys.get(keyId);
    if (!key) throw new SecretBoxError(`no configured secrets key has the id ${keyId} (is it missing from SECRETS_KEY_PREVIOUS?)`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError(`the sealed secret does not authenticate under key ${keyId}`);
    }
  }
}

export interface SecretsEnv {
  NODE_ENV?: string;
  SECRETS_KEY?: string;
  SECRETS_KEY_PREVIOUS?: string;
}

/** Problems with the secrets keys in this environment (the config check lists them at boot). */
export function secretsKeyProblems(env: SecretsEnv): string[] {
  const problems: string[] = [];
  if (env.SECRETS_KEY) {
    if (!parseSecretKey(env.SECRETS_KEY)) problems.push('SECRETS_KEY: must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
  } else if (env.NODE_ENV === 'production') {
    problems.push('SECRETS_KEY: required in production (32 random bytes in base64, e.g. `openssl rand -base64 32`); it encrypts stored client and webhook secrets');
  }
  for (const part of (env.SECRETS_KEY_PREVIOUS ?? '').split(',').filter((p) => p.trim() !== '')) {
    if (!parseSecretKey(part)) problems.push('SECRETS_KEY_PREVIOUS: each comma-separated key must be 32 bytes in base64');
  }
  return problems;
}

/**
 * The box for this environment: SECRETS_KEY (and SECRETS_KEY_PREVIOUS for reading older values),
 * or outside production the fixed development key.
 */
export function secretBoxFromEnv(env: SecretsEnv): SecretBox {
  const problems = secretsKeyProblems(env);
  if (problems.length > 0) throw new SecretBoxError(problems.join('; '));
  const parsed = (text: string): Buffer => {
    const key = parseSecretKey(text);
    if (!key) throw new SecretBoxError('a secrets key must be 32 bytes in base64');
    return key;
  };
  const current = secretKeyOf(env.SECRETS_KEY ? parsed(env.SECRETS_KEY) : developmentSecretKey());
  const previous = (env.SECRETS_KEY_PREVIOUS ?? '')
    .split(',')
    .filter((p) => p.trim() !== '')
    .map((p) => secretKeyOf(parsed(p)));
  return new SecretBox(current, previous);
}
