import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

export type UserRole = 'learner' | 'manager' | 'admin';

/** What the session guard attaches to a request. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  sessionId: string;
  /** The language questions are delivered in (`follow-ui`: the interface language the request names). */
  contentLanguage: 'en' | 'zh-CN' | 'follow-ui';
}

export type AuthedRequest = Request & { user?: AuthUser; id?: string };

export const IS_PUBLIC = 'goprep:public';
/** The route needs no session. Everything else does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export type AuthScheme = 'session' | 'candidate' | 'metrics' | 'room';
export const AUTH_SCHEME = 'goprep:auth-scheme';
/**
 * A public route (no session) that needs the candidate cookie instead; the handler checks it.
 * Recorded so that the OpenAPI document names the candidate cookie as the operation's security.
 */
export const CandidateSession = () => applyDecorators(Public(), SetMetadata(AUTH_SCHEME, 'candidate' satisfies AuthScheme));

/**
 * A room route: the session cookie (with CSRF on writes) or a guest's `X-Room-Token` header (no
 * CSRF needed with it); the rooms module checks which and whether the caller is a member.
 */
export const RoomAccess = () => applyDecorators(Public(), SetMetadata(AUTH_SCHEME, 'room' satisfies AuthScheme));

export const ROLES = 'goprep:roles';
/** The route needs one of these user roles. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
