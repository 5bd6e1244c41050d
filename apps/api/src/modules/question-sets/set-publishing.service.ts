import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AuditService } from '../audit/audit.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import type { QuestionSetDto, SetDraftInputDto } from './dto/question-set.dto';
import { contentOf, QuestionSetsRepository } from './question-sets.repository';
import { QuestionSetsService } from './question-sets.service';
import { changedFields, setShortfalls, settingsOf, type SetContent } from './set-items';

/**
 * A set's versions over time: the one draft (saved as often as the builder autosaves) and its
 * publication, which freezes it. A set whose latest version is published starts draft v+1 on the
 * next change. Both lock the set row first, so concurrent saves and publishes queue.
 */
@Injectable()
export class SetPublishingService {
  constructor(
    private readonly repo: QuestionSetsRepository,
    private readonly sets: QuestionSetsService,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
    private readonly webhooks: WebhooksService,
  ) {}

  /**
   * Replaces the draft's content; a set whose latest version is published gets the draft v+1.
   * Content equal to the latest version changes nothing (no draft, no audit event).
   */
  async saveDraft(userId: string, orgId: string, setId: string, body: SetDraftInputDto): Promise<QuestionSetDto> {
    await this.organizations.requireMembership(userId, orgId);
    await this.repo.transaction(async (tx) => {
      const set = await this.sets.requireSet(tx, orgId, setId, true);
      if (set.archived_at) throw archivedError();
      const items = await this.sets.resolveItems(tx, orgId, body.items);
      const content: SetContent = { ...settingsOf(body), items };
      const latest = await this.sets.currentVersion(tx, setId);
      const changed = changedFields(contentOf(latest), content);
      // An autosave of unchanged content neither writes, nor starts a draft, nor fills the trail.
      if (changed.length === 0) return;
      let version: number;
      if (latest.state === 'draft') {
        version = latest.version;
        await this.repo.updateDraft(tx, latest.id, content);
      } else {
        version = latest.version + 1;
        await this.repo.insertVersion(tx, setId, version, content, userId);
      }
      await this.repo.renameSet(tx, setId, content.title);
      await this.audit.record(tx, {
        orgId,
        actorId: userId,
        entity: 'set',
        entityId: setId,
        action: 'draft-saved',
        detail: { version, newDraft: latest.state === 'published', changed, items: items.length },
      });
    });
    return this.sets.get(userId, orgId, setId);
  }

  /** Freezes the draft. Refuses an empty set and pools the bank cannot fill. */
  async publish(userId: string, orgId: string, setId: string): Promise<QuestionSetDto> {
    await this.organizations.requireMembership(userId, orgId);
    await this.repo.transaction(async (tx) => {
      const set = await this.sets.requireSet(tx, orgId, setId, true);
      if (set.archived_at) throw archivedError();
      const draft = await this.sets.currentVersion(tx, setId);
      if (draft.state !== 'draft') {
        throw new AppError(ErrorCode.SET_NO_DRAFT, `Version ${draft.version} is already published; edit the set to start a new draft.`);
      }
      if (draft.items.length === 0) throw new AppError(ErrorCode.SET_EMPTY, 'An empty set cannot be published: add a question or a pool.');
      const shortfalls = setShortfalls(draft.items, await this.repo.poolCandidates(tx, orgId));
      if (shortfalls.length > 0) {
        throw new AppError(
          ErrorCode.SET_POOL_SHORT,
          `${shortfalls.length === 1 ? 'A pool cannot' : `${shortfalls.length} pools cannot`} be filled from the available questions.`,
          shortfalls.map((s) => ({
            field: `items.${s.item}`,
            message: `${s.topic}: ${s.eligible} eligible question${s.eligible === 1 ? '' : 's'}, ${s.drawn} of ${s.wanted} can be drawn${s.eligible >= s.wanted ? ' (other pools need the same questions)' : ''}`,
          })),
        );
      }
      await this.repo.publishVersion(tx, setId, draft.id);
      await this.audit.record(tx, { orgId, actorId: userId, entity: 'set', entityId: setId, action: 'published', detail: { version: draft.version } });
      await this.webhooks.emit(orgId, 'set.published', { setId, version: draft.version, title: draft.title, items: draft.items.length }, tx);
    });
    return this.sets.get(userId, orgId, setId);
  }
}

function archivedError(): AppError {
  return new AppError(ErrorCode.SET_ARCHIVED, 'This set is archived: unarchive it to change it.');
}
