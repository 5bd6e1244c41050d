import { randomBytes } from 'node:crypto';

/** `gp_` and 32 random bytes in base64url: 46 characters a secret scanner can recognise by the prefix. */
export const TOKEN_PATTERN = /^gp_[A-Za-z0-9_-]{43}$/;

export function newApiTokenSecret(): string {
  return `gp_${randomBytes(32).toString('base64url')}`;
}

/** What the lists show of a token: enough to tell tokens apart, far too little to use one. */
export function tokenPrefix(secret: string): string {
  return secret.slice(0, 7);
}

/** The secret of an `Authorization: Bearer ...` header, or undefined when the request carries none. */
export function bearerOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match ? match[1] : header.toLowerCase().startsWith('bearer') ? '' : undefined;
}
