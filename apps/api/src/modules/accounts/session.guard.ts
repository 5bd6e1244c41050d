import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { AUTH_SCHEME, AuthedRequest, AuthUser, IS_PUBLIC, ROLES, TOKEN_SCOPE, TokenScopeName, UserRole } from '../../common/auth/decorators';
import { SESSION_COOKIE } from '../../common/auth/cookies';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { bearerOf } from '../api-tokens/api-token-secret';
import { ApiTokensService } from '../api-tokens/api-tokens.service';
import { AccountsService } from './accounts.service';

/** Global guard: every route needs a valid session (or a scoped API token) unless marked @Public(). */
@Injectable()
export class SessionGuard implements CanActivate {
  private tokens?: ApiTokensService;

  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true;
    const bearer = bearerOf(req.header('authorization'));
    if (isPublic) {
      // A room route takes a session or a guest's member token, never an API token: a live token
      // is refused as on any session route (403), a dead one as unknown (401).
      if (bearer !== undefined && this.reflector.getAllAndOverride<string | undefined>(AUTH_SCHEME, targets) === 'room') {
        await this.resolveToken(bearer, undefined);
      }
      await this.resolveCookieSession(req, true);
      return true;
    }
    if (bearer !== undefined) {
      // A bearer request is judged by its token alone: the session cookie is never read, which is
      // what lets the CSRF middleware wave bearer requests through.
      req.user = await this.resolveToken(bearer, this.reflector.getAllAndOverride<TokenScopeName | undefined>(TOKEN_SCOPE, targets));
    } else {
      await this.resolveCookieSession(req, false);
    }
    if (!req.user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'You need to log in.');
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(req.user.role)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Your role does not allow this.');
    }
    return true;
  }

  private async resolveCookieSession(req: AuthedRequest, isPublic: boolean): Promise<void> {
    const token = (req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
    if (!token) return;
    try {
      const user = await this.accounts.resolveSession(token);
      if (user) req.user = user;
    } catch (e) {
      // A public route (health above all) still answers when the session store is unreachable:
      // /api/health must say "db down" to a browser that carries a session cookie, too.
      if (!isPublic) throw e;
    }
  }

  private async resolveToken(secret: string, scope: TokenScopeName | undefined): Promise<AuthUser> {
    // ApiTokensModule depends on organizations, which depend on accounts: looked up lazily, not injected.
    this.tokens ??= this.moduleRef.get(ApiTokensService, { strict: false });
    const user = await this.tokens.authenticate(secret);
    if (!scope) throw new AppError(ErrorCode.API_TOKEN_NOT_ALLOWED, 'This operation does not accept API tokens; use a session.');
    if (!user.apiToken?.scopes.includes(scope)) {
      throw new AppError(ErrorCode.API_TOKEN_SCOPE_MISSING, `This operation needs an API token with the ${scope} scope.`);
    }
    return user;
  }
}
