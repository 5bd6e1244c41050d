import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser, TokenScopeName, UserRole } from '../../common/auth/decorators';

export interface ApiTokenRow {
  id: string;
  name: string;
  kind: 'personal' | 'organization';
  prefix: string;
  scopes: TokenScopeName[];
  created_by_name: string | null;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** A token looked up by its hash, with the user it acts as; the service decides whether it is live. */
export interface TokenAuthRow {
  token_id: string;
  kind: 'personal' | 'organization';
  organization_id: string | null;
  scopes: TokenScopeName[];
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  user_id: string;
  email: string;
  display_name: string;
  role: UserRole;
  content_language: AuthUser['contentLanguage'];
}

export interface NewToken {
  tokenHash: Buffer;
  prefix: string;
  name: string;
  scopes: TokenScopeName[];
  expiresAt: Date | null;
  createdBy: string;
}

/** The row an INSERT ... RETURNING always answers. */
function inserted<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error('INSERT ... RETURNING answered no row');
  return row;
}

/** Lists answer the newest tokens only: revoked and expired ones stay listed, and nothing else bounds them. */
export const LIST_CAP = 200;

const COLUMNS = `t.id, t.name, t.kind, t.prefix, t.scopes, c.display_name AS created_by_name, t.created_at, t.expires_at, t.last_used_at, t.revoked_at`;

/** Every statement on api_tokens (and the bot users behind organization tokens). */
@Injectable()
export class ApiTokensRepository {
  constructor(private readonly db: DataSource) {}

  async insertPersonal(userId: string, token: NewToken): Promise<string> {
    const rows = (await this.db.query(
      `INSERT INTO api_tokens (token_hash, prefix, name, kind, user_id, created_by, scopes, expires_at)
       VALUES ($1, $2, $3, 'personal', $4, $4, $5, $6) RETURNING id`,
      [token.tokenHash, token.prefix, token.name, userId, token.scopes, token.expiresAt],
    )) as Array<{ id: string }>;
    return inserted(rows).id;
  }

  /**
   * An organization token acts as a bot user that is a manager of this one organization: the
   * membership checks every organization route already makes then confine it, and it does not
   * depend on the member who created it. One transaction: no bot without its token.
   */
  insertOrganization(organizationId: string, token: NewToken): Promise<string> {
    return this.db.transaction(async (tx) => {
      const bot = inserted(
        (await tx.query(
          `INSERT INTO users (email, display_name, password_hash, role, bot)
         VALUES ('token-' || gen_random_uuid() || '@api-tokens.invalid', $1, '!', 'manager', true) RETURNING id`,
          [`API token: ${token.name}`],
        )) as Array<{ id: string }>,
      );
      await tx.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'manager')`, [
        organizationId,
        bot.id,
      ]);
      const rows = (await tx.query(
        `INSERT INTO api_tokens (token_hash, prefix, name, kind, user_id, organization_id, created_by, scopes, expires_at)
         VALUES ($1, $2, $3, 'organization', $4, $5, $6, $7, $8) RETURNING id`,
        [
          token.tokenHash,
          token.prefix,
          token.name,
          bot.id,
          organizationId,
          token.createdBy,
          token.scopes,
          token.expiresAt,
        ],
      )) as Array<{ id: string }>;
      return inserted(rows).id;
    });
  }

  async findPersonal(userId: string, id?: string): Promise<ApiTokenRow[]> {
    return (await this.db.query(
      `SELECT ${COLUMNS} FROM api_tokens t LEFT JOIN users c ON c.id = t.created_by
        WHERE t.kind = 'personal' AND t.user_id = $1 AND ($2::uuid IS NULL OR t.id = $2)
        ORDER BY t.created_at DESC, t.id LIMIT ${LIST_CAP}`,
      [userId, id ?? null],
    )) as ApiTokenRow[];
  }

  async findOrganization(organizationId: string, id?: string): Promise<ApiTokenRow[]> {
    return (await this.db.query(
      `SELECT ${COLUMNS} FROM api_tokens t LEFT JOIN users c ON c.id = t.created_by
        WHERE t.kind = 'organization' AND t.organization_id = $1 AND ($2::uuid IS NULL OR t.id = $2)
        ORDER BY t.created_at DESC, t.id LIMIT ${LIST_CAP}`,
      [organizationId, id ?? null],
    )) as ApiTokenRow[];
  }

  /** Revokes a personal token of the user; false when there is no such token. Revoking twice keeps the first time. */
  async revokePersonal(userId: string, id: string): Promise<boolean> {
    const rows = (await this.db.query(
      `WITH t AS (
         UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now())
          WHERE id = $2 AND kind = 'personal' AND user_id = $1 RETURNING id)
       SELECT id FROM t`,
      [userId, id],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Revokes an organization token and takes its bot out of the organization. */
  revokeOrganization(organizationId: string, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row] = (await tx.query(
        `WITH t AS (
           UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now())
            WHERE id = $2 AND kind = 'organization' AND organization_id = $1 RETURNING user_id)
         SELECT user_id FROM t`,
        [organizationId, id],
      )) as Array<{ user_id: string }>;
      if (!row) return false;
      await tx.query(`DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2`, [
        organizationId,
        row.user_id,
      ]);
      return true;
    });
  }

  /** One statement on the token_hash unique index, on every bearer request. */
  async byHash(tokenHash: Buffer): Promise<TokenAuthRow | null> {
    const [row] = (await this.db.query(
      `SELECT t.id AS token_id, t.kind, t.organization_id, t.scopes, t.expires_at, t.revoked_at, t.last_used_at,
              u.id AS user_id, u.email, u.display_name, u.role, u.content_language
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1`,
      [tokenHash],
    )) as TokenAuthRow[];
    return row ?? null;
  }

  /** Records a use, at most once a minute per token: a busy script does not write on every request. */
  async touch(id: string): Promise<void> {
    await this.db.query(
      `UPDATE api_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
