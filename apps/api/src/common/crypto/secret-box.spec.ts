import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../../config/env';
import { SecretBox, SecretBoxError, secretBoxFromEnv, secretKeyOf } from './secret-box';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('SecretBox', () => {
  it('should seal a secret so that the stored text does not contain it and open it back', () => {
    const box = new SecretBox(secretKeyOf(keyA));
    const sealed = box.seal('client-secret-0123456789');
    expect(sealed).not.toContain('client-secret');
    expect(SecretBox.isSealed(sealed)).toBe(true);
    expect(sealed.split(':')[2]).toBe(box.currentKeyId);
    expect(box.open(sealed)).toBe('client-secret-0123456789');
  });

  it('should use a fresh nonce for every seal', () => {
    const box = new SecretBox(secretKeyOf(keyA));
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('should refuse a sealed value that was tampered with', () => {
    const box = new SecretBox(secretKeyOf(keyA));
    const parts = box.seal('a secret worth keeping').split(':');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => box.open(parts.join(':'))).toThrow(SecretBoxError);
  });

  it('should read values of a previous key after a rotation and write with the new one', () => {
    const old = new SecretBox(secretKeyOf(keyA));
    const sealedOld = old.seal('webhook secret');
    const rotated = new SecretBox(secretKeyOf(keyB), [secretKeyOf(keyA)]);
    expect(rotated.open(sealedOld)).toBe('webhook secret');
    expect(rotated.seal('x').split(':')[2]).toBe(secretKeyOf(keyB).id);
    expect(rotated.currentKeyId).not.toBe(old.currentKeyId);
    expect(rotated.sealedUnderPreviousKey(sealedOld)).toBe(true);
    expect(rotated.sealedUnderPreviousKey(rotated.seal('x'))).toBe(false);
    const forgotten = new SecretBox(secretKeyOf(keyB));
    expect(() => forgotten.open(sealedOld)).toThrow(/SECRETS_KEY_PREVIOUS/);
    // A key it does not hold is not "previous": a process with another key leaves such values alone.
    expect(forgotten.sealedUnderPreviousKey(sealedOld)).toBe(false);
  });

  it('should take the keys from the environment, base64 or base64url, old ones comma-separated', () => {
    const sealed = secretBoxFromEnv({ SECRETS_KEY: keyA.toString('base64') }).seal('s');
    const box = secretBoxFromEnv({ SECRETS_KEY: keyB.toString('base64url'), SECRETS_KEY_PREVIOUS: ` ${randomBytes(32).toString('base64')}, ${keyA.toString('base64')}` });
    expect(box.open(sealed)).toBe('s');
  });

  it('should fall back to a fixed development key outside production, the same in every process', () => {
    const sealed = secretBoxFromEnv({ NODE_ENV: 'development' }).seal('dev secret');
    expect(secretBoxFromEnv({ NODE_ENV: 'test' }).open(sealed)).toBe('dev secret');
    expect(() => secretBoxFromEnv({ SECRETS_KEY: keyA.toString('base64') }).open(sealed)).toThrow(SecretBoxError);
  });

  it('should refuse to start in production without a key, and refuse a key that is not 32 bytes', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      expect((e as ConfigError).problems.join('\n')).toMatch(/SECRETS_KEY: required in production/);
    }
    expect(loadConfig({ NODE_ENV: 'production', SECRETS_KEY: keyA.toString('base64') }).SECRETS_KEY).toBe(keyA.toString('base64'));
    expect(() => loadConfig({ SECRETS_KEY: randomBytes(16).toString('base64') })).toThrow(/SECRETS_KEY: must be 32 bytes/);
    expect(() => loadConfig({ SECRETS_KEY: keyA.toString('base64'), SECRETS_KEY_PREVIOUS: 'short' })).toThrow(/SECRETS_KEY_PREVIOUS/);
  });

  it('should accept SSO_DNS_SERVERS as addresses with optional ports and refuse names', () => {
    expect(loadConfig({ SSO_DNS_SERVERS: '127.0.0.1:5353, 10.0.0.2, [::1]:53' }).SSO_DNS_SERVERS).toBe('127.0.0.1:5353, 10.0.0.2, [::1]:53');
    expect(() => loadConfig({ SSO_DNS_SERVERS: 'dns.example.com' })).toThrow(ConfigError);
  });
});
