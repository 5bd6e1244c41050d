import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import type { AuthUser, UserRole } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AppConfigService } from '../../config/app-config.service';
import { UserDto } from './dto/auth.dto';
import { burnVerifyTime, hashPassword, verifyPassword } from './password-hasher';
import { RateLimiterService } from './rate-limiter.service';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

const LOGIN_WINDOW_SECONDS = 15 * 60;
/** Postgres unique_violation. */
const UNIQUE_VIOLATION = '23505';

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function mapUser(user: UserEntity): UserDto {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
}

export interface NewSession {
  token: string;
  expiresAt: Date;
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly limiter: RateLimiterService,
    private readonly config: AppConfigService,
  ) {}

  /**
   * The first account on an empty database becomes admin, so a self-hoster can bootstrap.
   * An advisory lock serialises concurrent first registrations.
   */
  async register(input: { email: string; password: string; displayName: string }, role?: UserRole): Promise<UserEntity> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['goprep:first-user']);
        const [row] = (await tx.query('SELECT EXISTS (SELECT 1 FROM users) AS exists')) as Array<{ exists: boolean }>;
        const exists = row?.exists ?? false;
        const user = tx.create(UserEntity, {
          email: input.email,
          displayName: input.displayName,
          passwordHash,
          role: role ?? (exists ? 'learner' : 'admin'),
          passwordChangedAt: new Date(),
        });
        return tx.save(user);
      });
    } catch (e) {
      if ((e as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw new AppError(ErrorCode.EMAIL_TAKEN, 'An account with this email already exists.', [
          { field: 'email', message: 'email is already registered' },
        ]);
      }
      throw e;
    }
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  async setRole(userId: string, role: UserRole): Promise<void> {
    await this.users.update({ id: userId }, { role });
  }

  /** Raises a learner to manager; managers and admins keep their role. */
  async ensureAtLeastManager(userId: string): Promise<void> {
    await this.users.update({ id: userId, role: 'learner' }, { role: 'manager' });
  }

  async setPassword(userId: string, password: string): Promise<void> {
    await this.users.update({ id: userId }, { passwordHash: await hashPassword(password), passwordChangedAt: new Date() });
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
    await this.sessions.insert({
      tokenHash: hashToken(token),
      userId,
      expiresAt,
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
      ip: meta.ip ?? null,
    });
    return { token, expiresAt };
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeOtherSessions(userId: string, keepSessionId: string): Promise<void> {
    await this.db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL', [
      userId,
      keepSessionId,
    ]);
  }

  /** The user behind a session cookie, or null when it is unknown, expired or revoked. */
  async setContentLanguage(userId: string, contentLanguage: AuthUser['contentLanguage']): Promise<void> {
    await this.db.query('UPDATE users SET content_language = $2, updated_at = now() WHERE id = $1', [userId, contentLanguage]);
  }

  async resolveSession(token: string): Promise<AuthUser | null> {
    if (token.length > 200) return null;
    // Runs on every request: one statement on the token_hash index. findOne with a relation made
    // TypeORM send a DISTINCT pre-query too (see docs/performance.md: the answer save went from 35
    // to 60 req/s without it).
    const [row] = (await this.db.query(
      `SELECT s.id AS session_id, u.id, u.email, u.display_name, u.role, u.content_language
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
      [hashToken(token), new Date()],
    )) as Array<{ session_id: string; id: string; email: string; display_name: string; role: UserRole; content_language: AuthUser['contentLanguage'] }>;
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      sessionId: row.session_id,
      contentLanguage: row.content_language,
    };
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
