import { randomBytes } from 'node:crypto';
import { hasControlCharacters } from '../../common/http/display-text';
import { pageFromRows, type Page } from '../../common/http/paging';
import { Injectable, Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { isValidEmail, parseInviteList } from '@goprep/domain';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AppConfigService } from '../../config/app-config.service';
import { hashToken } from '../accounts/accounts.service';
import { Clock } from '../attempts/clock';
import type { AuditEventDto } from '../audit/dto/audit-event.dto';
import { AuditService } from '../audit/audit.service';
import { MailService } from '../mail/mail.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { QuestionSetsService } from '../question-sets/question-sets.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import { CreateInvitesDto, InviteCreatedDto, InviteDto, InviteOverrideDto, InvitesCreatedDto, MAX_INVITES_PER_REQUEST } from './dto/invite.dto';
import { mapInvite } from './dto/invite.mapper';
import { InvitesRepository, type InviteResultRow, type InviteRow } from './invites.repository';

/** The path of the candidate page; the token goes in the fragment, which browsers never send. */
export const CANDIDATE_PAGE = '/take';

@Injectable()
export class InvitesService {
  private readonly logger = new Logger('Invites');

  constructor(
    private readonly repo: InvitesRepository,
    private readonly orgs: OrganizationsService,
    private readonly sets: QuestionSetsService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly config: AppConfigService,
    private readonly clock: Clock,
    private readonly webhooks: WebhooksService,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async create(userId: string, orgId: string, setId: string, body: CreateInvitesDto): Promise<InvitesCreatedDto> {
    await this.orgs.requireMembership(userId, orgId);
    const version = await this.sets.loadPublishedVersion(orgId, setId, body.version);
    if (await this.repo.setArchivedAt(setId)) throw new AppError(ErrorCode.SET_ARCHIVED, 'This set is archived; unarchive it to invite candidates.');
    const invitees = this.invitees(body);
    const now = this.clock.now();
    const expiresAt = new Date(body.expiresAt);
    if (!(expiresAt.getTime() > now.getTime())) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields.', [{ field: 'expiresAt', message: 'expiresAt must be in the future' }]);
    }
    const attemptsAllowed = body.attemptsAllowed ?? 1;
    const created = await this.repo.transaction(async (tx) => {
      const out: Array<{ id: string; token: string }> = [];
      for (const invitee of invitees) {
        const token = randomBytes(32).toString('base64url');
        const id = await this.repo.insert(tx, {
          orgId,
          setId,
          setVersionId: version.id,
          name: invitee.name,
          email: invitee.email,
          tokenHash: hashToken(token),
          expiresAt,
          attemptsAllowed,
          createdBy: userId,
          createdAt: now,
        });
        await this.audit.record(tx, {
          orgId,
          actorId: userId,
          entity: 'invite',
          entityId: id,
          action: 'invite.created',
          detail: { setId, version: version.version, email: invitee.email, expiresAt: expiresAt.toISOString(), attemptsAllowed },
        });
        await this.webhooks.emitInviteCreated(tx, id);
        out.push({ id, token });
      }
      return out;
    });
    const invites: InviteCreatedDto[] = [];
    for (const { id, token } of created) {
      const link = `${this.config.get('publicUrl')}${CANDIDATE_PAGE}#${token}`;
      const row = await this.row(undefined, orgId, id);
      // The mail speaks the set's language unless the manager asked for another.
      const mailed = await this.mailLink(row, link, version.title, body.locale ?? (version.language === 'zh-CN' ? 'zh-CN' : 'en'));
      invites.push({ ...mapInvite(mailed ? { ...row, mailed_at: this.clock.now() } : row, now), link, mailed });
    }
    return { invites };
  }

  /** Mails the link when SMTP is configured; a mail failure never loses the invite (the link is shown). */
  private async mailLink(row: InviteRow, link: string, setTitle: string, locale: 'en' | 'zh-CN'): Promise<boolean> {
    try {
      const { sent } = await this.mail.sendInvite({ to: row.email, name: row.name, link, setTitle, expiresAt: row.expires_at, locale });
      if (sent) await this.repo.markMailed(row.id, this.clock.now());
      return sent;
    } catch (error: unknown) {
      // Never log the link: it carries the token.
      this.logger.warn({ inviteId: row.id, err: error instanceof Error ? error.message : String(error) }, 'invite mail failed');
      return false;
    }
  }

  private invitees(body: CreateInvitesDto): Array<{ name: string; email: string }> {
    if ((body.invitees === undefined) === (body.csv === undefined)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields.', [
        { field: 'invitees', message: 'send either invitees or csv (exactly one)' },
      ]);
    }
    if (body.csv !== undefined) {
      const parsed = parseInviteList(body.csv, { maxRows: MAX_INVITES_PER_REQUEST });
      if (parsed.errors.length > 0) {
        throw new AppError(
          ErrorCode.VALIDATION_FAILED,
          `The list has ${parsed.errors.length} problem(s); nothing was sent.`,
          parsed.errors.map((e) => ({ field: `line ${e.line}`, message: e.message })),
        );
      }
      const controls = parsed.invitees.flatMap((i) => (hasControlCharacters(i.name) ? [{ field: `line ${i.line}`, message: 'the name contains control characters' }] : []));
      if (controls.length > 0) throw new AppError(ErrorCode.VALIDATION_FAILED, `The list has ${controls.length} problem(s); nothing was sent.`, controls);
      if (parsed.invitees.length === 0) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'The list has no invitees.', [{ field: 'csv', message: 'no name, email line found' }]);
      }
      return parsed.invitees.map((i) => ({ name: i.name.trim() || i.email, email: i.email }));
    }
    const list = body.invitees ?? [];
    const errors: Array<{ field: string; message: string }> = [];
    const seen = new Set<string>();
    list.forEach((i, index) => {
      const email = i.email.trim();
      if (!isValidEmail(email)) errors.push({ field: `invitees.${index}.email`, message: 'not a valid email address' });
      if (seen.has(email.toLowerCase())) errors.push({ field: `invitees.${index}.email`, message: 'listed twice' });
      seen.add(email.toLowerCase());
    });
    if (errors.length > 0) throw new AppError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields.', errors);
    return list.map((i) => ({ name: i.name.trim() || i.email.trim(), email: i.email.trim() }));
  }

  async list(userId: string, orgId: string, setId: string, window: { limit: number; offset: number }): Promise<Page<InviteDto>> {
    await this.orgs.requireMembership(userId, orgId);
    // A foreign or unknown set is a 404 like everywhere else, not an empty list.
    await this.requireSet(orgId, setId);
    const now = this.clock.now();
    return pageFromRows(await this.repo.listForSet(orgId, setId, window), window, (r) => mapInvite(r, now), () => this.repo.countForSet(orgId, setId));
  }

  async requireSet(orgId: string, setId: string): Promise<void> {
    if (!(await this.repo.setExists(orgId, setId))) throw new AppError(ErrorCode.QUESTION_SET_NOT_FOUND, 'No such question set.');
  }

  /** Revoking closes an open attempt too (abandoned: not scored); the link then shows "revoked". */
  async revoke(userId: string, orgId: string, inviteId: string): Promise<InviteDto> {
    await this.orgs.requireMembership(userId, orgId);
    const now = this.clock.now();
    await this.repo.transaction(async (tx) => {
      const invite = await this.row(tx, orgId, inviteId, 'lock');
      if (invite.revoked_at) return;
      await this.repo.revoke(tx, inviteId, now, userId);
      await this.repo.abandonOpenAttempts(tx, inviteId, now);
      await this.audit.record(tx, { orgId, actorId: userId, entity: 'invite', entityId: inviteId, action: 'invite.revoked', detail: {} });
    });
    return mapInvite(await this.row(undefined, orgId, inviteId), now);
  }

  /**
   * A fresh link for the same invite (a manager who lost the first one): a new token replaces the
   * stored hash, so the old link, and a candidate page still open with it, stop working. The
   * invite keeps its attempts, overrides and expiry. A revoked invite cannot be re-issued.
   */
  async reissue(userId: string, orgId: string, inviteId: string, locale?: 'en' | 'zh-CN'): Promise<InviteCreatedDto> {
    await this.orgs.requireMembership(userId, orgId);
    const token = randomBytes(32).toString('base64url');
    const row = await this.repo.transaction(async (tx) => {
      const invite = await this.row(tx, orgId, inviteId, 'lock');
      if (invite.revoked_at) throw new AppError(ErrorCode.INVITE_REVOKED, 'This invite is revoked; invite the candidate again instead.');
      await this.repo.replaceToken(tx, inviteId, hashToken(token));
      await this.audit.record(tx, { orgId, actorId: userId, entity: 'invite', entityId: inviteId, action: 'invite.reissued', detail: {} });
      return this.row(tx, orgId, inviteId);
    });
    const version = await this.sets.loadPublishedVersionById(row.set_version_id);
    const link = `${this.config.get('publicUrl')}${CANDIDATE_PAGE}#${token}`;
    const mailed = await this.mailLink(row, link, version.title, locale ?? (version.language === 'zh-CN' ? 'zh-CN' : 'en'));
    return { ...mapInvite(mailed ? { ...row, mailed_at: this.clock.now() } : row, this.clock.now()), link, mailed };
  }

  /** Per-candidate override (as in Moodle): extra minutes and extra attempts, each replacing the previous value. */
  async override(userId: string, orgId: string, inviteId: string, body: InviteOverrideDto): Promise<InviteDto> {
    await this.orgs.requireMembership(userId, orgId);
    if (body.extraMinutes === undefined && body.extraAttempts === undefined) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields.', [
        { field: 'extraMinutes', message: 'send extraMinutes, extraAttempts or both' },
      ]);
    }
    await this.repo.transaction(async (tx) => {
      const invite = await this.row(tx, orgId, inviteId, 'lock');
      const extraSeconds = body.extraMinutes !== undefined ? body.extraMinutes * 60 : invite.extra_seconds;
      const extraAttempts = body.extraAttempts ?? invite.extra_attempts;
      await this.repo.setOverrides(tx, inviteId, extraSeconds, extraAttempts);
      const delta = extraSeconds - invite.extra_seconds;
      if (delta !== 0) {
        // The open attempt gets the new time as well; never a deadline before its start.
        await this.repo.shiftOpenAttemptDeadline(tx, inviteId, delta);
      }
      await this.audit.record(tx, {
        orgId,
        actorId: userId,
        entity: 'invite',
        entityId: inviteId,
        action: 'invite.override',
        detail: {
          extraMinutes: { from: Math.round(invite.extra_seconds / 60), to: Math.round(extraSeconds / 60) },
          extraAttempts: { from: invite.extra_attempts, to: extraAttempts },
        },
      });
    });
    return mapInvite(await this.row(undefined, orgId, inviteId), this.clock.now());
  }

  /** Who created, revoked or overrode this invite, and the grading of its attempts; newest first. */
  async auditTrail(userId: string, orgId: string, inviteId: string): Promise<AuditEventDto[]> {
    await this.orgs.requireMembership(userId, orgId);
    const invite = await this.row(undefined, orgId, inviteId);
    const attempts = await this.repo.attemptIds(invite.id);
    const events = [await this.audit.list(orgId, 'invite', inviteId), ...(await Promise.all(attempts.map((id) => this.audit.list(orgId, 'attempt', id))))].flat();
    return events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }

  /** The set's invites with their newest attempt's result, for the results table. */
  listWithLatestResults(orgId: string, setId: string): Promise<InviteResultRow[]> {
    return this.repo.listWithLatestResults(orgId, setId);
  }

  /**
   * The invite with its attempt counts. With `lock`, the row is locked FIRST and read AFTER, in a
   * second statement: a statement that waited for the lock keeps the snapshot it started with in
   * its subqueries (the attempt count, the newest attempt), so reading them in the locking
   * statement let a start that queued behind another see no attempt and insert a second one.
   * Without a manager it reads outside any transaction.
   */
  async row(q: EntityManager | DataSource | undefined, orgId: string, inviteId: string, lock: 'lock' | '' = ''): Promise<InviteRow> {
    if (lock && !(await this.repo.lock(q, orgId, inviteId))) throw new AppError(ErrorCode.INVITE_NOT_FOUND, 'No such invite.');
    const row = await this.repo.find(q, orgId, inviteId);
    if (!row) throw new AppError(ErrorCode.INVITE_NOT_FOUND, 'No such invite.');
    return row;
  }

  /** The invite a raw token belongs to, or null (the caller counts the miss for the rate limit). */
  byToken(q: EntityManager | DataSource, token: string, lock = ''): Promise<InviteRow | null> {
    return this.repo.findByTokenHash(q, hashToken(token), lock);
  }
}
