import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthedRequest, IS_PUBLIC, ROLES, UserRole } from '../../common/auth/decorators';
import { SESSION_COOKIE } from '../../common/auth/cookies';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccountsService } from './accounts.service';

/** Global guard: every route needs a valid session unless marked @Public(). */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const token = (req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true;
    if (token) {
      try {
        const user = await this.accounts.resolveSession(token);
        if (user) req.user = user;
      } catch (e) {
        // A public route (health above all) still answers when the session store is unreachable:
        // /api/health must say "db down" to a browser that carries a session cookie, too.
        if (!isPublic) throw e;
      }
    }
    if (isPublic) return true;
    if (!req.user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'You need to log in.');
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(req.user.role)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Your role does not allow this.');
    }
    return true;
  }
}
