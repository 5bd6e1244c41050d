import { Injectable } from '@nestjs/common';
import { ORG_TOKEN_SCOPES, type AuthUser, type TokenScopeName } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { hashToken } from '../accounts/accounts.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { newApiTokenSecret, TOKEN_PATTERN, tokenPrefix } from './api-token-secret';
import { ApiTokensRepository, type ApiTokenRow, type NewToken } from './api-tokens.repository';
import type { ApiTokenCreatedDto, ApiTokenDto, CreateApiTokenDto } from './dto/api-token.dto';

const MAX_LIFETIME_MS = 366 * 86_400_000;

export function mapApiToken(row: ApiTokenRow, now: Date): ApiTokenDto {
  const status = row.revoked_at ? 'revoked' : row.expires_at && row.expires_at <= now ? 'expired' : 'active';
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    prefix: row.prefix,
    scopes: row.scopes,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    status,
  };
}

@Injectable()
export class ApiTokensService {
  constructor(
    private readonly repo: ApiTokensRepository,
    private readonly organizations: OrganizationsService,
  ) {}

  async listPersonal(user: AuthUser): Promise<ApiTokenDto[]> {
    const now = new Date();
    return (await this.repo.findPersonal(user.id)).map((row) => mapApiToken(row, now));
  }

  async createPersonal(user: AuthUser, body: CreateApiTokenDto): Promise<ApiTokenCreatedDto> {
    const orgScopes = body.scopes.filter((s) => ORG_TOKEN_SCOPES.includes(s));
    if (user.role === 'learner' && orgScopes.length > 0) {
      throw new AppError(
        ErrorCode.API_TOKEN_SCOPE_NOT_ALLOWED,
        `A learner's token may only read the bank; not allowed: ${orgScopes.join(', ')}.`,
      );
    }
    const { secret, token } = this.prepare(user.id, body);
    const id = await this.repo.insertPersonal(user.id, token);
    return created(await this.repo.findPersonal(user.id, id), secret);
  }

  async revokePersonal(user: AuthUser, id: string): Promise<void> {
    if (!(await this.repo.revokePersonal(user.id, id))) throw notFound();
  }

  async listOrganization(user: AuthUser, orgId: string): Promise<ApiTokenDto[]> {
    await this.organizations.requireMembership(user.id, orgId);
    const now = new Date();
    return (await this.repo.findOrganization(orgId)).map((row) => mapApiToken(row, now));
  }

  async createOrganization(user: AuthUser, orgId: string, body: CreateApiTokenDto): Promise<ApiTokenCreatedDto> {
    await this.organizations.requireMembership(user.id, orgId);
    const { secret, token } = this.prepare(user.id, body);
    const id = await this.repo.insertOrganization(orgId, token);
    return created(await this.repo.findOrganization(orgId, id), secret);
  }

  async revokeOrganization(user: AuthUser, orgId: string, id: string): Promise<void> {
    await this.organizations.requireMembership(user.id, orgId);
    if (!(await this.repo.revokeOrganization(orgId, id))) throw notFound();
  }

  /**
   * The user a bearer token acts as, with the token attached; API_TOKEN_INVALID for anything but a
   * live token (one answer for unknown, expired and revoked, so a guess learns nothing).
   */
  async authenticate(secret: string): Promise<AuthUser> {
    if (!TOKEN_PATTERN.test(secret)) throw invalid();
    const row = await this.repo.byHash(hashToken(secret));
    const now = new Date();
    if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) throw invalid();
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= 60_000) await this.repo.touch(row.token_id);
    return {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      sessionId: '',
      contentLanguage: row.content_language,
      apiToken: { id: row.token_id, kind: row.kind, organizationId: row.organization_id, scopes: row.scopes },
    };
  }

  private prepare(createdBy: string, body: CreateApiTokenDto): { secret: string; token: NewToken } {
    let expiresAt: Date | null = null;
    if (body.expiresAt) {
      expiresAt = new Date(body.expiresAt);
      const ahead = expiresAt.getTime() - Date.now();
      if (!(ahead > 0) || ahead > MAX_LIFETIME_MS) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields.', [
          { field: 'expiresAt', message: 'expiresAt must be in the future and at most a year away' },
        ]);
      }
    }
    const secret = newApiTokenSecret();
    const scopes = [...new Set<TokenScopeName>(body.scopes)];
    return {
      secret,
      token: {
        tokenHash: hashToken(secret),
        prefix: tokenPrefix(secret),
        name: body.name,
        scopes,
        expiresAt,
        createdBy,
      },
    };
  }
}

/** The answer to a creation: the new token's row and, this once, its secret. */
function created(rows: ApiTokenRow[], secret: string): ApiTokenCreatedDto {
  const [row] = rows;
  if (!row) throw new Error('a token just created was not found');
  return { ...mapApiToken(row, new Date()), token: secret };
}

function invalid(): AppError {
  return new AppError(ErrorCode.API_TOKEN_INVALID, 'The API token is unknown, expired or revoked.');
}

function notFound(): AppError {
  return new AppError(ErrorCode.API_TOKEN_NOT_FOUND, 'No such API token.');
}
