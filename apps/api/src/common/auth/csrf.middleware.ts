import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';
import { CSRF_COOKIE, CSRF_HEADER, ROOM_TOKEN_HEADER } from './cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Double-submit CSRF protection: the server hands out a readable cookie, and every unsafe
 * request must echo it in a header. A cross-site form can send the cookie but cannot read it.
 */
export function csrfMiddleware(secureCookies: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    // A bearer request is authenticated by its token alone (the session guard never reads the
    // cookie then), and a cross-site page cannot set an Authorization header: nothing to forge.
    if (/^bearer(\s|$)/i.test(req.header('authorization') ?? '')) return next();
    const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
    let token = cookies[CSRF_COOKIE];
    if (!token) {
      token = newCsrfToken();
      // Secure also when the request came over HTTPS (directly, or via a proxy trusted with TRUST_PROXY).
      res.cookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: 'lax', secure: secureCookies || req.secure, path: '/' });
      (req as Request & { csrfToken?: string }).csrfToken = token;
    }
    if (SAFE_METHODS.has(req.method) || !req.originalUrl.startsWith('/api/')) return next();
    // A guest room member authenticates by a header a cross-site form cannot send; the rooms
    // module then ignores any session cookie on that request.
    if (req.originalUrl.startsWith('/api/rooms/') && req.header(ROOM_TOKEN_HEADER)) return next();
    const header = req.header(CSRF_HEADER);
    const cookie = cookies[CSRF_COOKIE];
    if (!header || !cookie || !same(header, cookie)) {
      return next(
        new AppError(
          ErrorCode.CSRF_INVALID,
          `Missing or wrong CSRF token: send the ${CSRF_COOKIE} cookie's value in the X-CSRF-Token header.`,
        ),
      );
    }
    next();
  };
}
