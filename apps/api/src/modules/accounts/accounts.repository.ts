import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import type { AuthUser, UserRole } from '../../common/auth/decorators';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string;
  /** Undefined: admin for the first account on an empty database, learner after that. */
  role?: UserRole;
}

export interface NewSessionRow {
  tokenHash: Buffer;
  userId: string;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
}

export interface RateLimitRow {
  count: number;
  retry_after: number;
}

interface SessionUserRow {
  session_id: string;
  expires_at: Date;
  id: string;
  email: string;
  display_name: string;
  role: UserRole;
  content_language: AuthUser['contentLanguage'];
}

/** Every statement on users, sessions and the rate-limit counters. */
@Injectable()
export class AccountsRepository {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
  ) {}

  /**
   * Inserts a user. An advisory lock serialises concurrent first registrations, so exactly one
   * account on an empty database becomes admin. A taken email fails with Postgres' unique_violation.
   */
  createUser(input: NewUser): Promise<UserEntity> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['goprep:first-user']);
      const [row] = (await tx.query('SELECT EXISTS (SELECT 1 FROM users) AS exists')) as Array<{ exists: boolean }>;
      const exists = row?.exists ?? false;
      const user = tx.create(UserEntity, {
        email: input.email,
        displayName: input.displayName,
        passwordHash: input.passwordHash,
        role: input.role ?? (exists ? 'learner' : 'admin'),
        passwordChangedAt: new Date(),
      });
      return tx.save(user);
    });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    // Bots (the users behind organization API tokens) never log in or reset a password.
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).andWhere('NOT u.bot').getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  async setRole(userId: string, role: UserRole): Promise<void> {
    await this.users.update({ id: userId }, { role });
  }

  /** Raises a learner to manager; managers and admins keep their role. */
  async raiseLearnerToManager(userId: string): Promise<void> {
    await this.users.update({ id: userId, role: 'learner' }, { role: 'manager' });
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.users.update({ id: userId }, { passwordHash, passwordChangedAt: new Date() });
  }

  async setContentLanguage(userId: string, contentLanguage: AuthUser['contentLanguage']): Promise<void> {
    await this.db.query('UPDATE users SET content_language = $2, updated_at = now() WHERE id = $1', [userId, contentLanguage]);
  }

  // --- sessions

  async insertSession(session: NewSessionRow): Promise<void> {
    await this.sessions.insert(session);
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeOtherSessions(userId: string, keepSessionId: string): Promise<void> {
    await this.db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL', [userId, keepSessionId]);
  }

  /**
   * The user behind a live session. Runs on every request: one statement on the token_hash index.
   * findOne with a relation made TypeORM send a DISTINCT pre-query too (see docs/performance.md:
   * the answer save went from 35 to 60 req/s without it).
   */
  /** The session's user and when the session expires. */
  async sessionUser(tokenHash: Buffer, now: Date): Promise<{ user: AuthUser; expiresAt: Date } | null> {
    const [row] = (await this.db.query(
      `SELECT s.id AS session_id, s.expires_at, u.id, u.email, u.display_name, u.role, u.content_language
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
      [tokenHash, now],
    )) as SessionUserRow[];
    if (!row) return null;
    return {
      user: {
        id: row.id,
        email: row.email,
        displayName: row.display_name,
        role: row.role,
        sessionId: row.session_id,
        contentLanguage: row.content_language,
      },
      expiresAt: row.expires_at,
    };
  }

  // --- rate limits (fixed windows)

  /** Counts one event for `key`, starting a new window when the current one is over. */
  async hitRateLimit(key: string, windowSeconds: number): Promise<RateLimitRow | undefined> {
    const rows: RateLimitRow[] = await this.db.query(
      `INSERT INTO rate_limits AS r (key, window_start, count) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE r.count + 1 END,
         window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN now() ELSE r.window_start END
       RETURNING count, ceil(extract(epoch FROM (window_start + make_interval(secs => $2) - now())))::int AS retry_after`,
      [key, windowSeconds],
    );
    return rows[0];
  }

  /** The count in the current window, if one is open. */
  async peekRateLimit(key: string, windowSeconds: number): Promise<RateLimitRow | undefined> {
    const rows: RateLimitRow[] = await this.db.query(
      `SELECT count, ceil(extract(epoch FROM (window_start + make_interval(secs => $2) - now())))::int AS retry_after
         FROM rate_limits WHERE key = $1 AND window_start > now() - make_interval(secs => $2)`,
      [key, windowSeconds],
    );
    return rows[0];
  }

  async resetRateLimit(key: string): Promise<void> {
    await this.db.query('DELETE FROM rate_limits WHERE key = $1', [key]);
  }

  // --- password resets (one-time tokens, stored as SHA-256 like invite tokens)

  /** A new reset token for the user; the user's earlier unused tokens stop working. */
  async issueReset(userId: string, tokenHash: Buffer, createdBy: 'mail' | 'admin', expiresAt: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
      await tx.query(`INSERT INTO password_resets (user_id, token_hash, created_by, expires_at) VALUES ($1, $2, $3, $4)`, [userId, tokenHash, createdBy, expiresAt]);
    });
  }

  /**
   * Uses a reset token: one transaction marks it (and the user's other tokens) used, sets the
   * password and revokes every session. False for an unknown, used or expired token.
   */
  consumeReset(tokenHash: Buffer, passwordHash: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row] = (await tx.query(
        `UPDATE password_resets SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING user_id`,
        [tokenHash],
      )) as [Array<{ user_id: string }>, number];
      const userId = row[0]?.user_id;
      if (!userId) return false;
      await tx.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
      await tx.query(`UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`, [userId, passwordHash]);
      await tx.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
      return true;
    });
  }

  /** After an administrator set a password: the user's unused reset tokens and every session end. */
  async voidResetsAndSessions(userId: string): Promise<void> {
    await this.db.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    await this.db.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }
}

/** Channel of the trigger on users and sessions (migration SessionChangeNotify): payload = the user's id. */
export const SESSION_CHANGES_CHANNEL = 'session_changes';

/** Subscribes a dedicated connection (not one of the pool's) to the session-change notifications. */
export async function listenForSessionChanges(client: { query(sql: string): Promise<unknown> }): Promise<void> {
  await client.query(`LISTEN ${SESSION_CHANGES_CHANNEL}`);
}
