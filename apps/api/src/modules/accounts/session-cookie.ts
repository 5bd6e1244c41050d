import type * as express from 'express';
import { SESSION_COOKIE } from '../../common/auth/cookies';
import type { NewSession } from './accounts.service';

/** Sets the session cookie the same way for every way of signing in (password, single sign-on). */
export function setSessionCookie(req: express.Request, res: express.Response, session: NewSession, cookieSecure: boolean): void {
  res.cookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    // Secure also when the request came over HTTPS (directly, or via a proxy trusted with TRUST_PROXY).
    secure: cookieSecure || req.secure,
    path: '/',
    expires: session.expiresAt,
  });
}
