import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TEMPLATE_LEVELS, exportQuestions, loadTemplates, type BankQuestion, type RoleTemplate, type TemplateLevelId } from '@goprep/question-bank';
import type { ContentLocale, SetLanguage } from '../../common/i18n/content-locale';
import {
  contentLocaleInfo,
  deliveredText,
  reviewedText,
  TRANSLATION_COLUMNS,
  TRANSLATION_REVIEW_COLUMNS,
  translationJoin,
  type TranslationReviewColumns,
} from '../questions/translated-text';
import { AppError, type FieldError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AuditService } from '../audit/audit.service';
import type { AuditEventDto } from '../audit/dto/audit-event.dto';
import { OrganizationsService } from '../organizations/organizations.service';
import { loadDrawableQuestions } from '../questions/pool-candidates';
import type {
  CreateQuestionSetDto,
  QuestionSetDto,
  QuestionSetExportDto,
  QuestionSetListItemDto,
  QuestionSetVersionDto,
  SetDraftInputDto,
  SetExportFormat,
  SetExportItemDto,
  SetItemDto,
  SetItemInputDto,
  SetTemplateDto,
} from './dto/question-set.dto';
import {
  changedFields,
  isEligiblePool,
  poolCandidatesFor,
  setShortfalls,
  summarizeSetContent,
  SET_FORMAT_NAME,
  SET_FORMAT_VERSION,
  TITLE_MAX,
  type PinnedFacts,
  type PoolSetItem,
  type SetContent,
  type SetSettings,
  type SetItem,
  type SetPoolCandidate,
  type SetReviewPolicy,
  type SetState,
} from './set-items';

interface SetRow {
  id: string;
  org_id: string;
  title: string;
  created_at: Date;
  updated_at: Date;
  archived_at: Date | null;
}

interface VersionRow {
  id: string;
  set_id: string;
  version: number;
  state: SetState;
  title: string;
  instructions: string;
  time_limit_seconds: number;
  shuffle_options: boolean;
  overdue_policy: SetContent['overduePolicy'];
  submit_grace_seconds: number;
  review_policy: SetReviewPolicy;
  language: SetLanguage;
  items: SetItem[];
  created_at: Date;
  published_at: Date | null;
}

/** A pinned question version with what the builder shows and the GIFT export needs. */
interface PinnedRow {
  id: string;
  question_id: string;
  version: number;
  content_hash: string;
  title: string;
  topic_id: string;
  subtopic: string;
  type: string;
  difficulty: number;
  tags: string[];
  go_version: string;
  expected_seconds: number;
  prompt: string;
  code: string | null;
  options: BankQuestion['options'] | null;
  unit: string | null;
  answer_key: BankQuestion['key'];
  explanation: string;
  references: string[];
  verify: BankQuestion['verify'];
  current_version: number;
  retired: boolean;
  organization_id: string | null;
}

/** A published version as the invite and candidate flows use it (H-API2). */
export interface PublishedSetVersion extends SetContent {
  /** The question_set_versions row id. */
  id: string;
  setId: string;
  orgId: string;
  version: number;
  publishedAt: Date;
}

const VERSION_COLUMNS = `v.id, v.set_id, v.version, v.state, v.title, v.instructions, v.time_limit_seconds, v.shuffle_options,
  v.overdue_policy, v.submit_grace_seconds, v.review_policy, v.language, v.items, v.created_at, v.published_at`;

const DEFAULT_TIME_LIMIT_SECONDS = 30 * 60;
const DEFAULT_LEVEL: TemplateLevelId = 'senior';
const INVALID = 'The question set has invalid fields.';
type Db = EntityManager | DataSource;

const storedSettingsOf = (v: VersionRow): SetSettings => ({
  title: v.title,
  instructions: v.instructions,
  timeLimitSeconds: v.time_limit_seconds,
  shuffleOptions: v.shuffle_options,
  overduePolicy: v.overdue_policy,
  submitGraceSeconds: v.submit_grace_seconds,
  reviewPolicy: v.review_policy,
  language: v.language,
});

const contentOf = (v: VersionRow): SetContent => ({ ...storedSettingsOf(v), items: v.items });

/**
 * Hiring question sets of an organization: versions (one draft at most, published ones frozen),
 * fixed items pinned to question versions, random pools, publish checks, export/import, audit.
 * Every route first proves membership (404 for outsiders), then finds the set within that
 * organization (404 again), so another organization's set ids reveal nothing.
 */
@Injectable()
export class QuestionSetsService {
  private templateCache?: RoleTemplate[];

  constructor(
    private readonly db: DataSource,
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

  async list(userId: string, orgId: string, archived: boolean): Promise<QuestionSetListItemDto[]> {
    await this.organizations.requireMembership(userId, orgId);
    const rows: Array<SetRow & { latest: VersionRow; published_version: number | null }> = await this.db.query(
      `SELECT s.id, s.org_id, s.title, s.created_at, s.updated_at, s.archived_at,
              (SELECT to_jsonb(v) FROM question_set_versions v WHERE v.set_id = s.id ORDER BY v.version DESC LIMIT 1) AS latest,
              (SELECT max(v.version) FROM question_set_versions v WHERE v.set_id = s.id AND v.state = 'published') AS published_version
         FROM question_sets s
        WHERE s.org_id = $1 AND (s.archived_at IS NOT NULL) = $2
        ORDER BY s.updated_at DESC, s.id`,
      [orgId, archived],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      latestVersion: r.latest.version,
      latestState: r.latest.state,
      publishedVersion: r.published_version,
      itemCount: r.latest.items.length,
      questionCount: r.latest.items.reduce((sum, item) => sum + (item.kind === 'pool' ? item.count : 1), 0),
      archivedAt: r.archived_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    }));
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
    const setId = await this.db.transaction((tx) => this.insertSet(tx, userId, orgId, content, 'created', detail));
    return this.get(userId, orgId, setId);
  }

  async get(userId: string, orgId: string, setId: string): Promise<QuestionSetDto> {
    await this.organizations.requireMembership(userId, orgId);
    return this.view(this.db, orgId, await this.findSet(this.db, orgId, setId));
  }

  async version(userId: string, orgId: string, setId: string, version: number): Promise<QuestionSetVersionDto> {
    await this.organizations.requireMembership(userId, orgId);
    await this.findSet(this.db, orgId, setId);
    const row = await this.findVersion(this.db, setId, version);
    const candidates = await this.candidates(this.db, orgId);
    return mapVersion(row, await this.pinned(this.db, row.items), candidates, await this.titlesIn(row.items, defaultLocale(row.language)));
  }

  /**
   * Replaces the draft's content; a set whose latest version is published gets the draft v+1.
   * Content equal to the latest version changes nothing (no draft, no audit event).
   */
  async saveDraft(userId: string, orgId: string, setId: string, body: SetDraftInputDto): Promise<QuestionSetDto> {
    await this.organizations.requireMembership(userId, orgId);
    await this.db.transaction(async (tx) => {
      const set = await this.findSet(tx, orgId, setId, true);
      if (set.archived_at) throw archivedError();
      const items = await this.resolveItems(tx, orgId, body.items);
      const content: SetContent = { ...settingsOf(body), items };
      const latest = await this.latestVersion(tx, setId);
      const changed = changedFields(contentOf(latest), content);
      // An autosave of unchanged content neither writes, nor starts a draft, nor fills the trail.
      if (changed.length === 0) return;
      let version: number;
      if (latest.state === 'draft') {
        version = latest.version;
        await tx.query(
          `UPDATE question_set_versions SET title = $2, instructions = $3, time_limit_seconds = $4, shuffle_options = $5,
                  overdue_policy = $6, submit_grace_seconds = $7, review_policy = $8, items = $9, language = $10
            WHERE id = $1 AND state = 'draft'`,
          [latest.id, ...contentParams(content)],
        );
      } else {
        version = latest.version + 1;
        await this.insertVersion(tx, setId, version, content, userId);
      }
      await tx.query(`UPDATE question_sets SET title = $2, updated_at = now() WHERE id = $1`, [setId, content.title]);
      await this.audit.record(tx, {
        orgId,
        actorId: userId,
        entity: 'set',
        entityId: setId,
        action: 'draft-saved',
        detail: { version, newDraft: latest.state === 'published', changed, items: items.length },
      });
    });
    return this.get(userId, orgId, setId);
  }

  /** Freezes the draft. Refuses an empty set and pools the bank cannot fill. */
  async publish(userId: string, orgId: string, setId: string): Promise<QuestionSetDto> {
    await this.organizations.requireMembership(userId, orgId);
    await this.db.transaction(async (tx) => {
      const set = await this.findSet(tx, orgId, setId, true);
      if (set.archived_at) throw archivedError();
      const draft = await this.latestVersion(tx, setId);
      if (draft.state !== 'draft') {
        throw new AppError(ErrorCode.SET_NO_DRAFT, `Version ${draft.version} is already published; edit the set to start a new draft.`);
      }
      if (draft.items.length === 0) throw new AppError(ErrorCode.SET_EMPTY, 'An empty set cannot be published: add a question or a pool.');
      const shortfalls = setShortfalls(draft.items, await this.candidates(tx, orgId));
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
      await tx.query(`UPDATE question_set_versions SET state = 'published', published_at = now() WHERE id = $1`, [draft.id]);
      await tx.query(`UPDATE question_sets SET updated_at = now() WHERE id = $1`, [setId]);
      await this.audit.record(tx, { orgId, actorId: userId, entity: 'set', entityId: setId, action: 'published', detail: { version: draft.version } });
    });
    return this.get(userId, orgId, setId);
  }

  /** A new set whose draft v1 is a copy of this set's current content. */
  async duplicate(userId: string, orgId: string, setId: string): Promise<QuestionSetDto> {
    await this.organizations.requireMembership(userId, orgId);
    const newId = await this.db.transaction(async (tx) => {
      const set = await this.findSet(tx, orgId, setId);
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
    await this.db.transaction(async (tx) => {
      const set = await this.findSet(tx, orgId, setId, true);
      // Archiving twice changes nothing and records nothing.
      if ((set.archived_at !== null) === archived) return;
      await tx.query(`UPDATE question_sets SET archived_at = ${archived ? 'now()' : 'NULL'}, updated_at = now() WHERE id = $1`, [setId]);
      await this.audit.record(tx, { orgId, actorId: userId, entity: 'set', entityId: setId, action: archived ? 'archived' : 'unarchived' });
    });
    return this.get(userId, orgId, setId);
  }

  async auditTrail(userId: string, orgId: string, setId: string): Promise<AuditEventDto[]> {
    await this.organizations.requireMembership(userId, orgId);
    await this.findSet(this.db, orgId, setId);
    return this.audit.list(orgId, 'set', setId);
  }

  /** JSON (goprep's set format, lossless) or GIFT (the questions the version pins; pools as comments). */
  async export(
    userId: string,
    orgId: string,
    setId: string,
    format: SetExportFormat,
    version: number | undefined,
    locale?: ContentLocale,
  ): Promise<{ json: QuestionSetExportDto; gift?: undefined } | { gift: string; json?: undefined; filename: string }> {
    await this.organizations.requireMembership(userId, orgId);
    await this.findSet(this.db, orgId, setId);
    const row = version !== undefined ? await this.findVersion(this.db, setId, version) : await this.currentVersion(this.db, setId);
    const pinned = await this.pinned(this.db, row.items);
    const language = locale ?? defaultLocale(row.language);
    if (format === 'gift') {
      const translations = language === 'en' ? new Map<string, TranslationReviewColumns>() : await this.translationsOf(row.items, language);
      return { gift: giftOf(row, pinned, translations, language), filename: `${slug(row.title)}-v${row.version}${language === 'en' ? '' : `.${language}`}.gift.txt` };
    }
    const content = contentOf(row);
    const titles = await this.titlesIn(row.items, language);
    return {
      json: {
        format: SET_FORMAT_NAME,
        formatVersion: SET_FORMAT_VERSION,
        sourceVersion: row.version,
        exportedAt: new Date().toISOString(),
        title: content.title,
        instructions: content.instructions,
        timeLimitSeconds: content.timeLimitSeconds,
        shuffleOptions: content.shuffleOptions,
        overduePolicy: content.overduePolicy,
        submitGraceSeconds: content.submitGraceSeconds,
        reviewPolicy: content.reviewPolicy,
        language: content.language,
        items: content.items.map((item): SetExportItemDto => {
          if (item.kind === 'pool') return { ...item, difficulty: [...item.difficulty] };
          const p = pinned.get(item.versionId);
          const t = titles.get(item.versionId);
          return { ...item, ...(p ? { title: t?.title ?? p.title, titleLocale: t?.contentLocale ?? 'en', questionVersion: p.version, contentHash: p.content_hash } : {}) };
        }),
      },
    };
  }

  /** All or nothing: every item is checked before the set is created; errors name `items.N.field`. */
  async import(userId: string, orgId: string, body: QuestionSetExportDto): Promise<QuestionSetDto> {
    await this.organizations.requireMembership(userId, orgId);
    const setId = await this.db.transaction(async (tx) => {
      const items = await this.resolveItems(tx, orgId, body.items);
      const content: SetContent = { ...settingsOf(body), items };
      return this.insertSet(tx, userId, orgId, content, 'imported', {
        items: items.length,
        ...(body.sourceVersion !== undefined ? { sourceVersion: body.sourceVersion } : {}),
      });
    });
    return this.get(userId, orgId, setId);
  }

  // -------------------------------------------------------------------------------------------
  // For the invite and candidate flows (H-API2)

  /** A published version of an organization's set: the given one, or the newest. 404 otherwise. */
  async loadPublishedVersion(orgId: string, setId: string, version?: number, manager?: EntityManager): Promise<PublishedSetVersion> {
    const db = manager ?? this.db;
    await this.findSet(db, orgId, setId);
    const rows: VersionRow[] = await db.query(
      `SELECT ${VERSION_COLUMNS} FROM question_set_versions v
        WHERE v.set_id = $1 AND v.state = 'published' AND ($2::int IS NULL OR v.version = $2)
        ORDER BY v.version DESC LIMIT 1`,
      [setId, version ?? null],
    );
    const row = rows[0];
    if (!row) throw new AppError(ErrorCode.SET_VERSION_NOT_FOUND, version !== undefined ? `No published version ${version} of this set.` : 'This set has no published version yet.');
    return { ...contentOf(row), id: row.id, setId, orgId, version: row.version, publishedAt: row.published_at ?? row.created_at };
  }

  /** A published version by its row id (what an invite stores). */
  async loadPublishedVersionById(versionId: string, manager?: EntityManager): Promise<PublishedSetVersion> {
    const rows: Array<VersionRow & { org_id: string }> = await (manager ?? this.db).query(
      `SELECT ${VERSION_COLUMNS}, s.org_id FROM question_set_versions v JOIN question_sets s ON s.id = v.set_id
        WHERE v.id = $1 AND v.state = 'published'`,
      [versionId],
    );
    const row = rows[0];
    if (!row) throw new AppError(ErrorCode.SET_VERSION_NOT_FOUND, 'No such published set version.');
    return { ...contentOf(row), id: row.id, setId: row.set_id, orgId: row.org_id, version: row.version, publishedAt: row.published_at ?? row.created_at };
  }

  /**
   * What pools of this organization's sets draw from: the current versions of bank questions and
   * of the organization's own, not retired, no flashcards. Remove the set's fixed questions first
   * (poolCandidatesFor in set-items.ts).
   */
  poolCandidates(orgId: string, manager?: EntityManager): Promise<SetPoolCandidate[]> {
    return this.candidates(manager ?? this.db, orgId);
  }

  // -------------------------------------------------------------------------------------------

  private candidates(db: Db, orgId: string): Promise<SetPoolCandidate[]> {
    return loadDrawableQuestions(db, { orgId, excludeFlashcards: true });
  }

  private async insertSet(
    tx: EntityManager,
    userId: string,
    orgId: string,
    content: SetContent,
    action: string,
    detail: Record<string, unknown>,
  ): Promise<string> {
    const [row] = (await tx.query(`INSERT INTO question_sets (org_id, title, created_by) VALUES ($1, $2, $3) RETURNING id`, [
      orgId,
      content.title,
      userId,
    ])) as Array<{ id: string }>;
    if (!row) throw new Error('INSERT ... RETURNING gave no row');
    await this.insertVersion(tx, row.id, 1, content, userId);
    await this.audit.record(tx, { orgId, actorId: userId, entity: 'set', entityId: row.id, action, detail: { ...detail, version: 1 } });
    return row.id;
  }

  private async insertVersion(tx: EntityManager, setId: string, version: number, content: SetContent, userId: string): Promise<void> {
    await tx.query(
      `INSERT INTO question_set_versions (set_id, version, state, title, instructions, time_limit_seconds, shuffle_options,
              overdue_policy, submit_grace_seconds, review_policy, items, language, created_by)
       VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [setId, version, ...contentParams(content), userId],
    );
  }

  private async findSet(db: Db, orgId: string, setId: string, lock = false): Promise<SetRow> {
    const rows: SetRow[] = await db.query(
      `SELECT id, org_id, title, created_at, updated_at, archived_at FROM question_sets WHERE id = $1 AND org_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [setId, orgId],
    );
    const row = rows[0];
    if (!row) throw new AppError(ErrorCode.QUESTION_SET_NOT_FOUND, 'No question set with that id in this organization.');
    return row;
  }

  private async findVersion(db: Db, setId: string, version: number): Promise<VersionRow> {
    const rows: VersionRow[] = await db.query(`SELECT ${VERSION_COLUMNS} FROM question_set_versions v WHERE v.set_id = $1 AND v.version = $2`, [
      setId,
      version,
    ]);
    const row = rows[0];
    if (!row) throw new AppError(ErrorCode.SET_VERSION_NOT_FOUND, `This set has no version ${version}.`);
    return row;
  }

  private async latestVersion(db: Db, setId: string): Promise<VersionRow> {
    const rows: VersionRow[] = await db.query(
      `SELECT ${VERSION_COLUMNS} FROM question_set_versions v WHERE v.set_id = $1 ORDER BY v.version DESC LIMIT 1`,
      [setId],
    );
    if (!rows[0]) throw new Error(`question set ${setId} has no version`);
    return rows[0];
  }

  /** The draft if there is one (it is always the latest), else the latest published version. */
  private currentVersion(db: Db, setId: string): Promise<VersionRow> {
    return this.latestVersion(db, setId);
  }

  private async view(db: Db, orgId: string, set: SetRow): Promise<QuestionSetDto> {
    const versions: VersionRow[] = await db.query(`SELECT ${VERSION_COLUMNS} FROM question_set_versions v WHERE v.set_id = $1 ORDER BY v.version`, [set.id]);
    const current = versions[versions.length - 1];
    if (!current) throw new Error(`question set ${set.id} has no version`);
    const candidates = await this.candidates(db, orgId);
    const pinned = await this.pinned(db, current.items);
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

  /** The titles of the pinned versions in `locale` where a current translation exists (the rest show English, marked as fallback). */
  private async titlesIn(items: readonly SetItem[], locale: ContentLocale): Promise<Map<string, LocalizedTitle>> {
    if (locale === 'en') return new Map();
    const translations = await this.translationsOf(items, locale);
    const titles = new Map<string, LocalizedTitle>();
    for (const [id, row] of translations) {
      const info = contentLocaleInfo(row, locale);
      if (info.contentLocale !== 'en' && row.tr_title) titles.set(id, { title: row.tr_title, contentLocale: info.contentLocale });
    }
    return titles;
  }

  /** The translations of the pinned versions in `locale`, by version id (freshness is checked where they are used). */
  private async translationsOf(items: readonly SetItem[], locale: ContentLocale): Promise<Map<string, TranslationReviewColumns>> {
    const ids = [...new Set(items.flatMap((item) => (item.kind === 'fixed' ? [item.versionId] : [])))];
    if (ids.length === 0) return new Map();
    const rows: Array<TranslationReviewColumns & { id: string }> = await this.db.query(
      `SELECT v.id, ${TRANSLATION_COLUMNS}, ${TRANSLATION_REVIEW_COLUMNS}
         FROM question_versions v ${translationJoin('$2')}
        WHERE v.id = ANY($1::uuid[]) AND tr.version_id IS NOT NULL`,
      [ids, locale],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async pinned(db: Db, items: readonly SetItem[]): Promise<Map<string, PinnedRow>> {
    const ids = [...new Set(items.flatMap((item) => (item.kind === 'fixed' ? [item.versionId] : [])))];
    if (ids.length === 0) return new Map();
    const rows: PinnedRow[] = await db.query(
      `SELECT v.id, v.question_id, v.version, v.content_hash, v.title, v.topic_id, v.subtopic, v.type, v.difficulty, v.tags,
              v.go_version, v.expected_seconds, v.prompt, v.code, v.options, v.unit, v.answer_key, v.explanation,
              v."references", v.verify, q.current_version, (q.retired_at IS NOT NULL) AS retired, q.organization_id
         FROM question_versions v JOIN questions q ON q.id = v.question_id
        WHERE v.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Checks a client's items against the database and pins fixed items. A fixed question must be a
   * bank question or this organization's own; its version is the one given (it must belong to the
   * question), else the one with the given content hash, else the current one (not for a retired
   * question). Flashcards are drill-only. A question appears at most once.
   */
  private async resolveItems(tx: EntityManager, orgId: string, inputs: ReadonlyArray<SetItemInputDto & { contentHash?: string }>): Promise<SetItem[]> {
    const errors: FieldError[] = [];
    const questionIds = [...new Set(inputs.flatMap((i) => (i.kind === 'fixed' && i.questionId !== undefined ? [i.questionId] : [])))];
    const questions = new Map<string, { current_version: number; retired: boolean }>();
    const versions = new Map<string, { id: string; question_id: string; version: number; type: string; content_hash: string }>();
    if (questionIds.length > 0) {
      const qs: Array<{ id: string; current_version: number; retired: boolean }> = await tx.query(
        `SELECT id, current_version, (retired_at IS NOT NULL) AS retired FROM questions
          WHERE id = ANY($1::text[]) AND (organization_id IS NULL OR organization_id = $2)`,
        [questionIds, orgId],
      );
      for (const q of qs) questions.set(q.id, q);
      const vs: Array<{ id: string; question_id: string; version: number; type: string; content_hash: string }> = await tx.query(
        `SELECT v.id, v.question_id, v.version, v.type, v.content_hash FROM question_versions v WHERE v.question_id = ANY($1::text[])`,
        [[...questions.keys()]],
      );
      for (const v of vs) versions.set(v.id, v);
    }
    const seen = new Map<string, number>();
    const items: SetItem[] = [];
    inputs.forEach((input, index) => {
      const at = `items.${index}`;
      if (input.kind === 'pool') {
        const [min = 1, max = 5] = input.difficulty ?? [];
        if (min > max) errors.push({ field: `${at}.difficulty`, message: 'difficulty must be [min, max] with min <= max' });
        const pool: PoolSetItem = {
          kind: 'pool',
          topic: input.topic ?? '',
          count: input.count ?? 1,
          difficulty: [min, max],
          ...(input.types !== undefined ? { types: [...new Set(input.types)] } : {}),
          ...(input.excludeTags !== undefined && input.excludeTags.length > 0 ? { excludeTags: [...new Set(input.excludeTags)] } : {}),
          points: input.points,
        };
        items.push(pool);
        return;
      }
      const questionId = input.questionId ?? '';
      const question = questions.get(questionId);
      if (!question) {
        errors.push({ field: `${at}.questionId`, message: `no question "${questionId.slice(0, 100)}" in the bank or this organization` });
        return;
      }
      const earlier = seen.get(questionId);
      if (earlier !== undefined) {
        errors.push({ field: `${at}.questionId`, message: `question "${questionId}" is already item ${earlier}` });
        return;
      }
      seen.set(questionId, index);
      const ofQuestion = [...versions.values()].filter((v) => v.question_id === questionId);
      let pinned = input.versionId !== undefined ? versions.get(input.versionId) : undefined;
      if (input.versionId !== undefined && pinned?.question_id !== questionId) {
        pinned = undefined;
        if (input.contentHash === undefined) {
          errors.push({ field: `${at}.versionId`, message: `not a version of question "${questionId}"` });
          return;
        }
      }
      pinned ??= input.contentHash !== undefined ? ofQuestion.find((v) => v.content_hash === input.contentHash) : undefined;
      if (!pinned) {
        if (question.retired) {
          errors.push({ field: `${at}.questionId`, message: `question "${questionId}" is retired` });
          return;
        }
        pinned = ofQuestion.find((v) => v.version === question.current_version);
      }
      if (!pinned) {
        errors.push({ field: `${at}.questionId`, message: `question "${questionId}" has no version to pin` });
        return;
      }
      if (pinned.type === 'flashcard') {
        errors.push({ field: `${at}.questionId`, message: 'flashcards are for drills and cannot be part of a set' });
        return;
      }
      items.push({ kind: 'fixed', questionId, versionId: pinned.id, points: input.points });
    });
    if (errors.length > 0) throw new AppError(ErrorCode.VALIDATION_FAILED, INVALID, errors);
    return items;
  }
}

function archivedError(): AppError {
  return new AppError(ErrorCode.SET_ARCHIVED, 'This set is archived: unarchive it to change it.');
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

function settingsOf(body: Omit<SetContent, 'items' | 'language'> & { language?: SetLanguage }): Omit<SetContent, 'items'> {
  return {
    title: body.title.trim(),
    instructions: body.instructions,
    timeLimitSeconds: body.timeLimitSeconds,
    shuffleOptions: body.shuffleOptions,
    overduePolicy: body.overduePolicy,
    // A grace period only means something under the grace-period policy.
    submitGraceSeconds: body.overduePolicy === 'grace-period' ? body.submitGraceSeconds : 0,
    reviewPolicy: body.reviewPolicy,
    language: body.language ?? 'en',
  };
}

function contentParams(c: SetContent): unknown[] {
  return [c.title, c.instructions, c.timeLimitSeconds, c.shuffleOptions, c.overduePolicy, c.submitGraceSeconds, c.reviewPolicy, JSON.stringify(c.items), c.language];
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

function mapPool(item: PoolSetItem, eligible?: number): SetItemDto {
  return {
    kind: 'pool',
    points: item.points,
    topic: item.topic,
    count: item.count,
    difficulty: [...item.difficulty],
    ...(item.types !== undefined ? { types: [...item.types] } : {}),
    ...(item.excludeTags !== undefined ? { excludeTags: [...item.excludeTags] } : {}),
    ...(eligible !== undefined ? { eligible } : {}),
  };
}

interface LocalizedTitle {
  title: string;
  contentLocale: ContentLocale;
}

/** The language a manager reads a set's questions in by default: the set's, English when candidates choose. */
const defaultLocale = (language: SetLanguage): ContentLocale => (language === 'candidate-chooses' ? 'en' : language);

function mapVersion(
  v: VersionRow,
  pinned: ReadonlyMap<string, PinnedRow>,
  candidates: readonly SetPoolCandidate[],
  titles: ReadonlyMap<string, LocalizedTitle>,
): QuestionSetVersionDto {
  const wanted = defaultLocale(v.language);
  const poolFrom = poolCandidatesFor(v.items, candidates);
  return {
    id: v.id,
    version: v.version,
    state: v.state,
    ...storedSettingsOf(v),
    items: v.items.map((item): SetItemDto => {
      if (item.kind === 'pool') return mapPool(item, poolFrom.filter((c) => isEligiblePool(item, c)).length);
      const p = pinned.get(item.versionId);
      const t = titles.get(item.versionId);
      return {
        kind: 'fixed',
        points: item.points,
        questionId: item.questionId,
        versionId: item.versionId,
        ...(p
          ? {
              question: {
                title: t?.title ?? p.title,
                contentLocale: t?.contentLocale ?? 'en',
                // Organization questions have no translations: they are in their author's language, not a fallback.
                fallback: wanted !== 'en' && t === undefined && p.organization_id === null,
                topic: p.topic_id,
                type: p.type,
                difficulty: p.difficulty,
                expectedSeconds: p.expected_seconds,
                version: p.version,
                currentVersion: p.current_version,
                retired: p.retired,
                private: p.organization_id !== null,
              },
            }
          : {}),
      };
    }),
    createdAt: v.created_at.toISOString(),
    publishedAt: v.published_at?.toISOString() ?? null,
  };
}

function toBankModel(p: PinnedRow): BankQuestion {
  return {
    id: p.question_id,
    title: p.title,
    topic: p.topic_id as BankQuestion['topic'],
    subtopic: p.subtopic,
    type: p.type as BankQuestion['type'],
    difficulty: p.difficulty as BankQuestion['difficulty'],
    tags: p.tags,
    goVersion: p.go_version,
    expectedSeconds: p.expected_seconds,
    references: p.references,
    prompt: p.prompt,
    explanation: p.explanation,
    ...(p.options !== null ? { options: p.options } : {}),
    ...(p.unit !== null ? { unit: p.unit } : {}),
    ...(p.code !== null ? { code: p.code } : {}),
    key: p.answer_key,
    verify: p.verify,
    draft: false,
    contentHash: p.content_hash,
    sourcePath: `${p.question_id} v${p.version}`,
  };
}

/**
 * GIFT holds questions, not sets: the file has the pinned questions in set order, preceded by
 * comments with the set's settings, each item's points, and each pool's filters (pools are drawn
 * per attempt, so their questions are not listed). Essays and the like follow the bank's GIFT rules.
 */
function giftOf(
  row: VersionRow,
  pinned: ReadonlyMap<string, PinnedRow>,
  translations: ReadonlyMap<string, TranslationReviewColumns>,
  locale: ContentLocale,
): string {
  const header = [
    `goprep question set: ${row.title} (version ${row.version}, ${row.state})${locale === 'en' ? '' : `, questions in ${locale}`}`,
    `time limit ${Math.round(row.time_limit_seconds / 60)} min, review policy ${row.review_policy}, overdue policy ${row.overdue_policy}`,
  ];
  const questions: BankQuestion[] = [];
  row.items.forEach((item, index) => {
    if (item.kind === 'pool') {
      const filters = [`difficulty ${item.difficulty[0]}-${item.difficulty[1]}`];
      if (item.types !== undefined) filters.push(`types ${item.types.join('/')}`);
      if (item.excludeTags !== undefined) filters.push(`not tagged ${item.excludeTags.join('/')}`);
      header.push(`item ${index + 1}: random pool: ${item.count} from ${item.topic}, ${filters.join(', ')}; ${pointsText(item.points)} each (drawn per attempt, not exported)`);
      return;
    }
    const p = pinned.get(item.versionId);
    header.push(`item ${index + 1}: ${item.questionId} version ${p?.version ?? '?'}; ${pointsText(item.points)}`);
    if (!p) return;
    const question = toBankModel(p);
    const translation = translations.get(p.id);
    if (locale !== 'en' && contentLocaleInfo(translation ?? {}, locale).fallback) header.push(`item ${index + 1}: in English (no current ${locale} translation)`);
    questions.push(translation ? localizedModel(question, translation, locale) : question);
  });
  const { text } = exportQuestions(questions, 'gift', locale === 'en' ? {} : { locale });
  return `${header.map((line) => `// ${line.replace(/\r?\n/g, ' ')}`).join('\n')}\n\n${text}`;
}

/** The question with a fresh translation's text (the key's ids, outputs and lines stay the English ones). */
function localizedModel(question: BankQuestion, row: TranslationReviewColumns, locale: ContentLocale): BankQuestion {
  const text = deliveredText({ title: question.title, prompt: question.prompt, unit: question.unit ?? null, ...row }, locale);
  if (text.info.contentLocale === 'en') return question;
  const reviewed = reviewedText({ explanation: question.explanation, answer_key: question.key, ...row }, locale);
  return {
    ...question,
    title: text.title,
    prompt: text.prompt,
    ...(text.unit !== null ? { unit: text.unit } : {}),
    explanation: reviewed.explanation,
    key: reviewed.key,
    ...(question.options
      ? {
          options: question.options.map((o) => {
            const feedback = reviewed.feedback(o.id, o.feedback);
            return { ...o, text: text.optionText(o.id, o.text), ...(feedback !== undefined ? { feedback } : {}) };
          }),
        }
      : {}),
  };
}

const pointsText = (points: number): string => `${points} point${points === 1 ? '' : 's'}`;

function slug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'question-set'
  );
}
