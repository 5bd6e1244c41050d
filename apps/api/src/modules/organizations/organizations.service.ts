import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AppConfigService } from '../../config/app-config.service';
import { AccountsService, hashToken } from '../accounts/accounts.service';
import { RateLimiterService } from '../accounts/rate-limiter.service';
import { OrganizationDto, OrgInviteCreatedDto } from './dto/organization.dto';
import { MembershipEntity, OrganizationEntity, OrgInviteEntity } from './organization.entities';

const INVITE_TTL_DAYS = 7;
/** Wrong invite tokens one account may try per window before 429 (a token has 256 bits; this stops scripted guessing). */
export const INVITE_FAILURES_PER_USER = 10;
const INVITE_WINDOW_SECONDS = 15 * 60;

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    @InjectRepository(OrgInviteEntity) private readonly invites: Repository<OrgInviteEntity>,
    private readonly accounts: AccountsService,
    private readonly config: AppConfigService,
    private readonly limiter: RateLimiterService,
  ) {}

  async listForUser(userId: string): Promise<OrganizationDto[]> {
    const rows: Array<{ id: string; name: string; role: 'owner' | 'manager' }> = await this.db.query(
      `SELECT o.id, o.name, m.role FROM memberships m JOIN organizations o ON o.id = m.organization_id
        WHERE m.user_id = $1 ORDER BY o.name, o.id`,
      [userId],
    );
    return rows;
  }

  /** Creating an organization makes its creator the owner and at least a manager. */
  async create(userId: string, name: string): Promise<OrganizationDto> {
    const org = await this.db.transaction(async (tx) => {
      const created = await tx.save(tx.create(OrganizationEntity, { name, createdBy: userId }));
      await tx.insert(MembershipEntity, { organizationId: created.id, userId, role: 'owner' });
      return created;
    });
    await this.accounts.ensureAtLeastManager(userId);
    return { id: org.id, name: org.name, role: 'owner' };
  }

  /** Membership or a 404: an outsider cannot even learn that the organization exists. */
  async requireMembership(userId: string, organizationId: string): Promise<MembershipEntity> {
    const membership = await this.memberships.findOneBy({ organizationId, userId });
    if (!membership) throw new AppError(ErrorCode.ORGANIZATION_NOT_FOUND, 'No such organization.');
    return membership;
  }

  async invite(userId: string, organizationId: string, email: string): Promise<OrgInviteCreatedDto> {
    await this.requireMembership(userId, organizationId);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + INVITE_TTL_DAYS * 86400_000);
    await this.invites.insert({ organizationId, email, tokenHash: hashToken(token), invitedBy: userId, expiresAt });
    return {
      token,
      email,
      link: `${this.config.get('publicUrl')}/org-invite/${token}`,
      expiresAt: expiresAt.toISOString(),
    };
  }

  /** Single use: the invite is consumed in the same statement that checks it. */
  async accept(userId: string, token: string): Promise<OrganizationDto> {
    const limitKey = `org-invite:user:${userId}`;
    const state = await this.limiter.peek(limitKey, INVITE_WINDOW_SECONDS);
    if (state.count >= INVITE_FAILURES_PER_USER) {
      throw new AppError(ErrorCode.RATE_LIMITED, 'Too many invalid invite links; try again later.', undefined, { 'Retry-After': String(state.retryAfter) });
    }
    try {
      return await this.consumeInvite(userId, token);
    } catch (e) {
      if (e instanceof AppError && e.code === ErrorCode.INVITE_INVALID) await this.limiter.hit(limitKey, INVITE_WINDOW_SECONDS);
      throw e;
    }
  }

  private consumeInvite(userId: string, token: string): Promise<OrganizationDto> {
    return this.db.transaction(async (tx) => {
      // A CTE, because TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
      const rows: Array<{ organization_id: string }> = await tx.query(
        `WITH consumed AS (
           UPDATE org_invites SET accepted_at = now(), accepted_by = $2
            WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > now()
            RETURNING organization_id)
         SELECT organization_id FROM consumed`,
        [hashToken(token), userId],
      );
      const organizationId = rows[0]?.organization_id;
      if (!organizationId) {
        throw new AppError(ErrorCode.INVITE_INVALID, 'This invite link is invalid, expired or already used.');
      }
      // The primary key decides, not a read before the insert: two invites to one organization
      // accepted at once by the same user would both pass a read and one insert would then fail.
      const joined = (await tx.query(
        `INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'manager') ON CONFLICT DO NOTHING RETURNING user_id`,
        [organizationId, userId],
      )) as unknown[];
      if (joined.length === 0) throw new AppError(ErrorCode.ALREADY_MEMBER, 'You are already a member of this organization.');
      await tx.query(`UPDATE users SET role = 'manager' WHERE id = $1 AND role = 'learner'`, [userId]);
      const org = await tx.findOneByOrFail(OrganizationEntity, { id: organizationId });
      return { id: org.id, name: org.name, role: 'manager' as const };
    });
  }
}
