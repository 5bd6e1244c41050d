import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { pageFromRows, type Page } from '../../common/http/paging';
import { TEMPLATE_LEVELS, loadTemplates, type RoleTemplate, type TemplateLevelId } from '@goprep/question-bank';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AuditService } from '../audit/audit.service';
import type { AuditEventDto } from '../audit/dto/audit-event.dto';
import { OrganizationsService } from '../organizations/organizations.service';
import type { CreateQuestionSetDto, QuestionSetDto, QuestionSetListItemDto, QuestionSetVersionDto, SetTemplateDto } from './dto/question-set.dto';
import type { ContentLocale } from '../../common/i18n/content-locale';
import { defaultLocale, localizedTitles, mapPool, mapSetListItem, mapVersion, type LocalizedTitle } from './dto/question-set.mapper';
import { contentOf, QuestionSetsRepository, type PublishedSetVersion, type SetRow, type VersionRow } from './question-sets.repository';
import {
  fixedQuestionIds,
  pinSetItems,
  summarizeSetContent,
  TITLE_MAX,
  type PinnedFacts,
  type PoolSetItem,
  type SetContent,
  type SetItem,
  type SetItemInput,
  type SetPoolCandidate,
} from './set-items';

export type { PublishedSetVersion } from './question-sets.repository';

const DEFAULT_TIME_LIMIT_SECONDS = 30 * 60;
const DEFAULT_LEVEL: TemplateLevelId = 'senior';
const INVALID = 'The question set has invalid fields.';

/**
 * Hiring question sets of an organization: the set itself (create, read, duplicate, archive, its
 * audit trail) and what the invite and candidate flows read. Drafts and publishing live in
 * SetPublishingService, export/import in SetInterchangeService; both build on the helpers here.
 * Every route first proves membership (404 for outsiders), then finds the set within that
 * organization (404 again), so another organization's set ids reveal nothing.
 */
@Injectable()
export class QuestionSetsService {
  private templateCache?: RoleTemplate[];

  constructor(
    private readonly repo: QuestionSetsRepository,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  private get roleTemplates(): RoleTemplate[] {
    this.templateCache ??= loadTemplates().templates;
    return this.templateCache;
  }

  templates(): SetTemplateDto[] {
    return this.roleTemplates.map((t) => ({
      id: t.id,
      title: t.title,
      description: t.description,
      levels: TEMPLATE_LEVELS.map((level) => {
        const l = t.levels[level];
        return {
          level,
          timeLimitSeconds: l.timeLimitMinutes * 60,
          questions: l.pools.reduce((sum, p) => sum + p.count, 0),
          pools: l.pools.map((p) => mapPool(templatePool(p))),
        };
      }),
    }));
  }

  async list(userId: string, orgId: string, archived: boolean, window: { limit: number; offset: number }): Promise<Page<QuestionSetListItemDto>> {
    await this.organizations.requireMembership(userId, orgId);
    return pageFromRows(await this.repo.listSets(orgId, archived, window), window, mapSetListItem, () => this.repo.countSets(orgId, archived));
  }

  async create(userId: string, orgId: string, body: CreateQuestionSetDto): Promise<QuestionSetDto> {
    await this.organizations.requireMembership(userId, orgId);
    let items: SetItem[] = [];
    let timeLimitSeconds = DEFAULT_TIME_LIMIT_SECONDS;
    const level = body.level ?? DEFAULT_LEVEL;
    if (body.templateId !== undefined) {
      const template = this.roleTemplates.find((t) => t.id === body.templateId);
      if (!template) throw new AppError(ErrorCode.TEMPLATE_NOT_FOUND, `No role template "${body.templateId}".`);
      items = template.levels[level].pools.map(templatePool);
      timeLimitSeconds = template.levels[level].timeLimitMinutes * 60;
    }
    const content = defaultContent(body.title.trim(), timeLimitSeconds, items);
    const detail = body.templateId !== undefined ? { templateId: body.templateId, level } : {};
    const setId = await this.repo.transaction((tx) => this.insertSet(tx, userId, orgId, content, 'created', detail));
    return this.get(userId, orgId, setId);
  }

  async get(userId: string, orgId: string, setId: string): Promise<QuestionSetDto> {
    await this.organizations.requireMembership(userId, orgId);
    return this.view(orgId, await this.requireSet(undefined, orgId, setId));
  }

  async version(userId: string, orgId: string, setId: string, version: number): Promise<QuestionSetVersionDto> {
    await this.organizations.requireMembership(userId, orgId);
    await this.requireSet(undefined, orgId, setId);
    const row = await this.requireVersion(undefined, setId, version);
    const candidates = await this.repo.poolCandidates(undefined, orgId);
    return mapVersion(row, await this.repo.pinned(undefined, row.items), candidates, await this.titlesIn(row.items, defaultLocale(row.language)));
  }

  /** The pinned questions' titles in `locale` where a current translation exists. */
  async titlesIn(items: VersionRow['items'], locale: ContentLocale): Promise<Map<string, LocalizedTitle>> {
    if (locale === 'en') return new Map();
    return localizedTitles(await this.repo.translationsOf(items, locale), locale);
  }

  /** A new set whose draft v1 is a copy of this set's current content. */
  async duplicate(userId: string, orgId: string, setId: string): Promise<QuestionSetDto> {
    await this.organizations.requireMembership(userId, orgId);
    const newId = await this.repo.transaction(async (tx) => {
      const set = await this.requireSet(tx, orgId, setId);
      const current = await this.currentVersion(tx, setId);
      const title = `${current.title.slice(0, TITLE_MAX - 7)} (copy)`;
      const id = await this.insertSet(tx, userId, orgId, { ...contentOf(current), title }, 'created', {
        duplicatedFrom: set.id,
        version: current.version,
      });
      await this.audit.record(tx, { orgId, actorId: userId, entity: 'set', entityId: setId, action: 'duplicated', detail: { to: id, version: current.version } });
      return id;
    });
    return this.get(userId, orgId, newId);
  }

  async setArchived(userId: string, orgId: string, setId: string, archived: boolean): Promise<QuestionSetDto> {
    await this.organizations.requireMembership(userId, orgId);
    await this.repo.transaction(async (tx) => {
      const set = await this.requireSet(tx, orgId, setId, true);
      // Archiving twice changes nothing and records nothing.
      if ((set.archived_at !== null) === archived) return;
      await this.repo.setArchived(tx, setId, archived);
      await this.audit.record(tx, { orgId, actorId: userId, entity: 'set', entityId: setId, action: archived ? 'archived' : 'unarchived' });
    });
    return this.get(userId, orgId, setId);
  }

  async auditTrail(userId: string, orgId: string, setId: string): Promise<AuditEventDto[]> {
    await this.organizations.requireMembership(userId, orgId);
    await this.requireSet(undefined, orgId, setId);
    return this.audit.list(orgId, 'set', setId);
  }

  // -------------------------------------------------------------------------------------------
  // For the invite and candidate flows (H-API2)

  /** A published version of an organization's set: the given one, or the newest. 404 otherwise. */
  async loadPublishedVersion(orgId: string, setId: string, version?: number, manager?: EntityManager): Promise<PublishedSetVersion> {
    await this.requireSet(manager, orgId, setId);
    const published = await this.repo.publishedVersion(manager, orgId, setId, version);
    if (!published) {
      throw new AppError(ErrorCode.SET_VERSION_NOT_FOUND, version !== undefined ? `No published version ${version} of this set.` : 'This set has no published version yet.');
    }
    return published;
  }

  /** A published version by its row id (what an invite stores). */
  async loadPublishedVersionById(versionId: string, manager?: EntityManager): Promise<PublishedSetVersion> {
    const published = await this.repo.publishedVersionById(manager, versionId);
    if (!published) throw new AppError(ErrorCode.SET_VERSION_NOT_FOUND, 'No such published set version.');
    return published;
  }

  /**
   * What pools of this organization's sets draw from: the current versions of bank questions and
   * of the organization's own, not retired, no flashcards. Remove the set's fixed questions first
   * (poolCandidatesFor in set-items.ts).
   */
  poolCandidates(orgId: string, manager?: EntityManager): Promise<SetPoolCandidate[]> {
    return this.repo.poolCandidates(manager, orgId);
  }

  // -------------------------------------------------------------------------------------------
  // Shared with SetPublishingService and SetInterchangeService

  /** The organization's set (locked with `lock`), or 404. */
  async requireSet(tx: EntityManager | undefined, orgId: string, setId: string, lock = false): Promise<SetRow> {
    const row = await this.repo.findSet(tx, orgId, setId, lock);
    if (!row) throw new AppError(ErrorCode.QUESTION_SET_NOT_FOUND, 'No question set with that id in this organization.');
    return row;
  }

  async requireVersion(tx: EntityManager | undefined, setId: string, version: number): Promise<VersionRow> {
    const row = await this.repo.findVersion(tx, setId, version);
    if (!row) throw new AppError(ErrorCode.SET_VERSION_NOT_FOUND, `This set has no version ${version}.`);
    return row;
  }

  /** The draft if there is one (it is always the latest), else the latest published version. */
  async currentVersion(tx: EntityManager | undefined, setId: string): Promise<VersionRow> {
    const row = await this.repo.latestVersion(tx, setId);
    if (!row) throw new Error(`question set ${setId} has no version`);
    return row;
  }

  /** A new set with its draft v1, audited as `action`. */
  async insertSet(tx: EntityManager, userId: string, orgId: string, content: SetContent, action: string, detail: Record<string, unknown>): Promise<string> {
    const id = await this.repo.insertSet(tx, orgId, content.title, userId);
    await this.repo.insertVersion(tx, id, 1, content, userId);
    await this.audit.record(tx, { orgId, actorId: userId, entity: 'set', entityId: id, action, detail: { ...detail, version: 1 } });
    return id;
  }

  /** A client's items checked against the database, fixed ones pinned (see pinSetItems); 400 with `items.N.field` errors. */
  async resolveItems(tx: EntityManager, orgId: string, inputs: readonly SetItemInput[]): Promise<SetItem[]> {
    const { items, errors } = pinSetItems(inputs, await this.repo.pinLookups(tx, orgId, fixedQuestionIds(inputs)));
    if (errors.length > 0) throw new AppError(ErrorCode.VALIDATION_FAILED, INVALID, errors);
    return items;
  }

  // -------------------------------------------------------------------------------------------

  private async view(orgId: string, set: SetRow): Promise<QuestionSetDto> {
    const versions = await this.repo.versions(undefined, set.id);
    const current = versions[versions.length - 1];
    if (!current) throw new Error(`question set ${set.id} has no version`);
    const candidates = await this.repo.poolCandidates(undefined, orgId);
    const pinned = await this.repo.pinned(undefined, current.items);
    const facts = new Map<string, PinnedFacts>([...pinned].map(([id, p]) => [id, { topic: p.topic_id, type: p.type, expectedSeconds: p.expected_seconds }]));
    return {
      id: set.id,
      orgId: set.org_id,
      title: set.title,
      createdAt: set.created_at.toISOString(),
      updatedAt: set.updated_at.toISOString(),
      archivedAt: set.archived_at?.toISOString() ?? null,
      versions: versions.map((v) => ({
        version: v.version,
        state: v.state,
        itemCount: v.items.length,
        createdAt: v.created_at.toISOString(),
        publishedAt: v.published_at?.toISOString() ?? null,
      })),
      current: mapVersion(current, pinned, candidates, await this.titlesIn(current.items, defaultLocale(current.language))),
      summary: summarizeSetContent(contentOf(current), facts, candidates),
    };
  }
}

function defaultContent(title: string, timeLimitSeconds: number, items: SetItem[]): SetContent {
  return {
    title,
    instructions: '',
    timeLimitSeconds,
    shuffleOptions: true,
    overduePolicy: 'auto-submit',
    submitGraceSeconds: 0,
    reviewPolicy: 'score',
    language: 'en',
    items,
  };
}

function templatePool(p: RoleTemplate['levels'][TemplateLevelId]['pools'][number]): PoolSetItem {
  return {
    kind: 'pool',
    topic: p.topic,
    count: p.count,
    difficulty: [p.difficulty[0], p.difficulty[1]],
    types: [...p.types],
    ...(p.excludeTags.length > 0 ? { excludeTags: [...p.excludeTags] } : {}),
    points: 1,
  };
}
