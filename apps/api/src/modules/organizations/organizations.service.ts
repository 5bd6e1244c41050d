import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AppConfigService } from '../../config/app-config.service';
import { AccountsService, hashToken } from '../accounts/accounts.service';
import { RateLimiterService } from '../accounts/rate-limiter.service';
import { OrganizationDto, OrgInviteCreatedDto } from './dto/organization.dto';
import type { MembershipEntity } from './organization.entities';
import { OrganizationsRepository } from './organizations.repository';

const INVITE_TTL_DAYS = 7;
/** Wrong invite tokens one account may try per window before 429 (a token has 256 bits; this stops scripted guessing). */
export const INVITE_FAILURES_PER_USER = 10;
const INVITE_WINDOW_SECONDS = 15 * 60;

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly repo: OrganizationsRepository,
    private readonly accounts: AccountsService,
    private readonly config: AppConfigService,
    private readonly limiter: RateLimiterService,
  ) {}

  listForUser(userId: string): Promise<OrganizationDto[]> {
    return this.repo.listForUser(userId);
  }

  /** Creating an organization makes its creator the owner and at least a manager. */
  async create(userId: string, name: string): Promise<OrganizationDto> {
    const org = await this.repo.transaction((tx) => this.repo.createWithOwner(tx, userId, name));
    await this.accounts.ensureAtLeastManager(userId);
    return { id: org.id, name: org.name, role: 'owner' };
  }

  /**
   * An owner's or manager's membership, or a 404: an outsider cannot even learn that the
   * organization exists. A plain member (joined through SSO) has no hiring rights and gets the same 404.
   */
  async requireMembership(userId: string, organizationId: string): Promise<MembershipEntity> {
    const membership = await this.repo.findMembership(organizationId, userId);
    if (!membership || membership.role === 'member') throw new AppError(ErrorCode.ORGANIZATION_NOT_FOUND, 'No such organization.');
    return membership;
  }

  /** Whether the user belongs to the organization in any role (plain members included). */
  async belongsTo(organizationId: string, userId: string): Promise<boolean> {
    return (await this.repo.findMembership(organizationId, userId)) !== null;
  }

  /** Single sign-on adds its users as plain members; a manager or owner keeps that role. */
  async joinAsMember(organizationId: string, userId: string): Promise<void> {
    await this.repo.insertMemberMembership(organizationId, userId);
  }

  async invite(userId: string, organizationId: string, email: string): Promise<OrgInviteCreatedDto> {
    await this.requireMembership(userId, organizationId);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + INVITE_TTL_DAYS * 86400_000);
    await this.repo.insertInvite({ organizationId, email, tokenHash: hashToken(token), invitedBy: userId, expiresAt });
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
      const joined = await this.consumeInvite(userId, token);
      // The join raised a learner to manager: this instance's next request must see it (the trigger tells the others).
      this.accounts.forgetCachedUser(userId);
      return joined;
    } catch (e) {
      if (e instanceof AppError && e.code === ErrorCode.INVITE_INVALID) await this.limiter.hit(limitKey, INVITE_WINDOW_SECONDS);
      throw e;
    }
  }

  private consumeInvite(userId: string, token: string): Promise<OrganizationDto> {
    return this.repo.transaction(async (tx) => {
      const organizationId = await this.repo.consumeInvite(tx, hashToken(token), userId);
      if (!organizationId) {
        throw new AppError(ErrorCode.INVITE_INVALID, 'This invite link is invalid, expired or already used.');
      }
      if (!(await this.repo.insertManagerMembership(tx, organizationId, userId))) {
        throw new AppError(ErrorCode.ALREADY_MEMBER, 'You are already a member of this organization.');
      }
      await this.repo.promoteLearnerToManager(tx, userId);
      const org = await this.repo.findOrganizationOrFail(tx, organizationId);
      return { id: org.id, name: org.name, role: 'manager' as const };
    });
  }
}
