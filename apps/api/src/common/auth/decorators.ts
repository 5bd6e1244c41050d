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
  /** Set when the request authenticated with an API token (`Authorization: Bearer gp_...`) instead of a session. */
  apiToken?: ApiTokenPrincipal;
}

/** What an API token may do; each operation a token may call declares one with @TokenScope. */
export const TOKEN_SCOPES = ['results:read', 'sets:manage', 'invites:manage', 'bank:read'] as const;
export type TokenScopeName = (typeof TOKEN_SCOPES)[number];
/** Scopes that act on an organization's data: personal tokens of managers and admins, and organization tokens. */
export const ORG_TOKEN_SCOPES: readonly TokenScopeName[] = ['results:read', 'sets:manage', 'invites:manage'];

export interface ApiTokenPrincipal {
  id: string;
  kind: 'personal' | 'organization';
  organizationId: string | null;
  scopes: TokenScopeName[];
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

export const TOKEN_SCOPE = 'goprep:token-scope';
/**
 * An API token holding this scope may call the route. A route without it refuses tokens (sessions
 * only): token management, password and session routes above all.
 */
export const TokenScope = (scope: TokenScopeName) => SetMetadata(TOKEN_SCOPE, scope);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
