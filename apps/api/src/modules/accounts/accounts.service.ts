import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser, UserRole } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AppConfigService } from '../../config/app-config.service';
import { burnVerifyTime, hashPassword, verifyPassword } from './password-hasher';
import { SessionCacheService } from './session-cache.service';
import { AccountsRepository } from './accounts.repository';
import { RateLimiterService } from './rate-limiter.service';
import type { UserEntity } from './user.entity';

const LOGIN_WINDOW_SECONDS = 15 * 60;
/** Postgres unique_violation. */
const UNIQUE_VIOLATION = '23505';

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** A rule a correct password login must also pass (it throws an AppError to refuse). */
export type PasswordLoginCheck = (user: UserEntity) => Promise<void>;

export interface NewSession {
  token: string;
  expiresAt: Date;
}

@Injectable()
export class AccountsService {
  private readonly passwordLoginChecks: PasswordLoginCheck[] = [];

  constructor(
    private readonly repo: AccountsRepository,
    private readonly limiter: RateLimiterService,
    private readonly config: AppConfigService,
    private readonly sessions: SessionCacheService,
  ) {}

  /**
   * The first account on an empty database becomes admin, so a self-hoster can bootstrap
   * (AccountsRepository.createUser serialises concurrent first registrations).
   */
  async register(input: { email: string; password: string; displayName: string }, role?: UserRole): Promise<UserEntity> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.repo.createUser({ email: input.email, displayName: input.displayName, passwordHash, ...(role ? { role } : {}) });
    } catch (e) {
      if ((e as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw new AppError(ErrorCode.EMAIL_TAKEN, 'An account with this email already exists.', [
          { field: 'email', message: 'email is already registered' },
        ]);
      }
      throw e;
    }
  }

  /**
   * An account that signs in through an identity provider: its password is random and never
   * shown, so only the provider (or a password reset by mail) lets anyone in.
   */
  async registerExternal(input: { email: string; displayName: string }): Promise<UserEntity> {
    return this.register({ ...input, password: randomBytes(32).toString('base64url') }, 'learner');
  }

  /** Modules that restrict password logins (single sign-on) register their rule here at start. */
  addPasswordLoginCheck(check: PasswordLoginCheck): void {
    this.passwordLoginChecks.push(check);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findByEmail(email);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findById(id);
  }

  async setRole(userId: string, role: UserRole): Promise<void> {
    await this.repo.setRole(userId, role);
    this.sessions.forgetUser(userId);
  }

  /** Raises a learner to manager; managers and admins keep their role. */
  async ensureAtLeastManager(userId: string): Promise<void> {
    await this.repo.raiseLearnerToManager(userId);
    this.sessions.forgetUser(userId);
  }

  async setPassword(userId: string, password: string): Promise<void> {
    await this.repo.setPasswordHash(userId, await hashPassword(password));
    this.sessions.forgetUser(userId);
  }

  /**
   * Checks credentials under two limits: attempts per client IP, and failures per account. The
   * same INVALID_CREDENTIALS answer (and the same work) for an unknown email and a wrong password
   * keeps accounts from being enumerated.
   */
  async authenticate(email: string, password: string, ip: string): Promise<UserEntity> {
    const ipState = await this.limiter.hit(`login:ip:${ip}`, LOGIN_WINDOW_SECONDS);
    if (ipState.count > this.config.get('LOGIN_MAX_ATTEMPTS_PER_IP')) throw rateLimited(ipState.retryAfter);
    const accountKey = `login:account:${email.toLowerCase()}`;
    const accountState = await this.limiter.peek(accountKey, LOGIN_WINDOW_SECONDS);
    if (accountState.count >= this.config.get('LOGIN_MAX_FAILURES_PER_ACCOUNT')) throw rateLimited(accountState.retryAfter);

    const user = await this.findByEmail(email);
    const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnVerifyTime(password), false);
    if (!user || !ok) {
      await this.limiter.hit(accountKey, LOGIN_WINDOW_SECONDS);
      throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'Email or password is incorrect.');
    }
    await this.limiter.reset(accountKey);
    for (const check of this.passwordLoginChecks) await check(user);
    return user;
  }

  /**
   * A password change keeps only the session it was made from: anyone holding another session
   * (a stolen cookie, a forgotten laptop) is logged out.
   */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.findById(user.id);
    if (!account || !(await verifyPassword(account.passwordHash, currentPassword))) {
      throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'The current password is incorrect.', [
        { field: 'currentPassword', message: 'currentPassword is incorrect' },
      ]);
    }
    await this.setPassword(user.id, newPassword);
    await this.revokeOtherSessions(user.id, user.sessionId);
  }

  async createSession(userId: string, meta: { userAgent?: string; ip?: string }): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.get('SESSION_TTL_HOURS') * 3600_000);
    await this.repo.insertSession({
      tokenHash: hashToken(token),
      userId,
      expiresAt,
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
      ip: meta.ip ?? null,
    });
    return { token, expiresAt };
  }

  /**
   * Ends the session. Here and below, this instance's cached lookups are dropped at once; the
   * others hear it from the trigger on users and sessions (SessionCacheService).
   */
  async revokeSession(sessionId: string): Promise<void> {
    await this.repo.revokeSession(sessionId);
    this.sessions.forgetSession(sessionId);
  }

  async revokeOtherSessions(userId: string, keepSessionId: string): Promise<void> {
    await this.repo.revokeOtherSessions(userId, keepSessionId);
    this.sessions.forgetUser(userId);
  }

  async setContentLanguage(userId: string, contentLanguage: AuthUser['contentLanguage']): Promise<void> {
    await this.repo.setContentLanguage(userId, contentLanguage);
    this.sessions.forgetUser(userId);
  }

  /** After a change to the user made outside this service (in another module's transaction), once committed. */
  forgetCachedUser(userId: string): void {
    this.sessions.forgetUser(userId);
  }

  /** The user behind a session cookie, or null when it is unknown, expired or revoked. */
  async resolveSession(token: string): Promise<AuthUser | null> {
    if (token.length > 200) return null;
    const hash = hashToken(token);
    return this.sessions.lookup(hash.toString('hex'), () => this.repo.sessionUser(hash, new Date()));
  }
}

function rateLimited(retryAfter: number): AppError {
  return new AppError(
    ErrorCode.RATE_LIMITED,
    `Too many login attempts; try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
    undefined,
    { 'Retry-After': String(retryAfter) },
  );
}
