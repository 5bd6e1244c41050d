import { bearerOf, newApiTokenSecret, TOKEN_PATTERN, tokenPrefix } from './api-token-secret';

describe('API token secrets', () => {
  it('should make gp_ and 32 random bytes in base64url, different every time', () => {
    const a = newApiTokenSecret();
    const b = newApiTokenSecret();
    expect(a).toMatch(TOKEN_PATTERN);
    expect(Buffer.from(a.slice(3), 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(tokenPrefix(a)).toBe(a.slice(0, 7));
  });

  it('should read the secret of a Bearer header, any case, and nothing from other schemes', () => {
    expect(bearerOf('Bearer gp_x')).toBe('gp_x');
    expect(bearerOf('bearer   gp_x ')).toBe('gp_x');
    expect(bearerOf(undefined)).toBeUndefined();
    expect(bearerOf('Basic dXNlcjpwYXNz')).toBeUndefined();
  });

  it('should answer an empty secret (refused as invalid) for a Bearer header without a single token', () => {
    expect(bearerOf('Bearer')).toBe('');
    expect(bearerOf('Bearer a b')).toBe('');
  });
});
