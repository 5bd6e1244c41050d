import { Injectable } from '@nestjs/common';
import type { BankQuestion } from '@goprep/question-bank';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContentLocale, SetLanguage } from '../../common/i18n/content-locale';
import { loadDrawableQuestions } from '../questions/questions.repository';
import { TRANSLATION_COLUMNS, TRANSLATION_REVIEW_COLUMNS, translationJoin, type TranslationReviewColumns } from '../questions/translated-text';
import type { PinLookups, SetContent, SetItem, SetPoolCandidate, SetReviewPolicy, SetSettings, SetState } from './set-items';

type Db = EntityManager | DataSource;

export interface SetRow {
  id: string;
  org_id: string;
  title: string;
  created_at: Date;
  updated_at: Date;
  archived_at: Date | null;
}

export interface VersionRow {
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

/** A set in the list: its row, its latest version (as jsonb) and its newest published version number. */
export interface SetListRow extends SetRow {
  latest: VersionRow;
  published_version: number | null;
}

/** A pinned question version with what the builder shows and the GIFT export needs. */
/** A pinned version's translation, for the GIFT export: the review text and the follow-ups. */
export type SetTranslationRow = TranslationReviewColumns & { tr_follow_ups: string[] | null };

export interface PinnedRow {
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
  /** Interviewer follow-ups: only the manager's GIFT export carries them (as comments). */
  follow_ups: string[] | null;
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

export const storedSettingsOf = (v: VersionRow): SetSettings => ({
  title: v.title,
  instructions: v.instructions,
  timeLimitSeconds: v.time_limit_seconds,
  shuffleOptions: v.shuffle_options,
  overduePolicy: v.overdue_policy,
  submitGraceSeconds: v.submit_grace_seconds,
  reviewPolicy: v.review_policy,
  language: v.language,
});

export const contentOf = (v: VersionRow): SetContent => ({ ...storedSettingsOf(v), items: v.items });

const publishedOf = (row: VersionRow, orgId: string): PublishedSetVersion => ({
  ...contentOf(row),
  id: row.id,
  setId: row.set_id,
  orgId,
  version: row.version,
  publishedAt: row.published_at ?? row.created_at,
});

function contentParams(c: SetContent): unknown[] {
  return [c.title, c.instructions, c.timeLimitSeconds, c.shuffleOptions, c.overduePolicy, c.submitGraceSeconds, c.reviewPolicy, JSON.stringify(c.items), c.language];
}

const fixedVersionIds = (items: readonly SetItem[]): string[] => [...new Set(items.flatMap((item) => (item.kind === 'fixed' ? [item.versionId] : [])))];

/**
 * The SQL of question sets and their versions. `q` is the caller's transaction where the caller
 * has one (undefined: outside any); methods whose first parameter is `tx` only run inside one.
 */
@Injectable()
export class QuestionSetsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** One page of the organization's sets; the versions are read for that page's sets only. */
  listSets(orgId: string, archived: boolean, page: { limit: number; offset: number }): Promise<Array<SetListRow & { total_rows: number }>> {
    return this.db.query(
      `SELECT s.id, s.org_id, s.title, s.created_at, s.updated_at, s.archived_at, s.total_rows,
              (SELECT to_jsonb(v) FROM question_set_versions v WHERE v.set_id = s.id ORDER BY v.version DESC LIMIT 1) AS latest,
              (SELECT max(v.version) FROM question_set_versions v WHERE v.set_id = s.id AND v.state = 'published') AS published_version
         FROM (SELECT id, org_id, title, created_at, updated_at, archived_at, count(*) OVER ()::int AS total_rows
                 FROM question_sets
                WHERE org_id = $1 AND (archived_at IS NOT NULL) = $2
                ORDER BY updated_at DESC, id
                LIMIT $3 OFFSET $4) s
        ORDER BY s.updated_at DESC, s.id`,
      [orgId, archived, page.limit, page.offset],
    );
  }

  async countSets(orgId: string, archived: boolean): Promise<number> {
    const [row] = (await this.db.query(`SELECT count(*)::int AS n FROM question_sets WHERE org_id = $1 AND (archived_at IS NOT NULL) = $2`, [orgId, archived])) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  /** The organization's set, locked FOR UPDATE with `lock`; null when it has no such set. */
  async findSet(q: Db | undefined, orgId: string, setId: string, lock = false): Promise<SetRow | null> {
    const rows: SetRow[] = await (q ?? this.db).query(
      `SELECT id, org_id, title, created_at, updated_at, archived_at FROM question_sets WHERE id = $1 AND org_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [setId, orgId],
    );
    return rows[0] ?? null;
  }

  async findVersion(q: Db | undefined, setId: string, version: number): Promise<VersionRow | null> {
    const rows: VersionRow[] = await (q ?? this.db).query(`SELECT ${VERSION_COLUMNS} FROM question_set_versions v WHERE v.set_id = $1 AND v.version = $2`, [
      setId,
      version,
    ]);
    return rows[0] ?? null;
  }

  /** The newest version (the draft when there is one). */
  async latestVersion(q: Db | undefined, setId: string): Promise<VersionRow | null> {
    const rows: VersionRow[] = await (q ?? this.db).query(
      `SELECT ${VERSION_COLUMNS} FROM question_set_versions v WHERE v.set_id = $1 ORDER BY v.version DESC LIMIT 1`,
      [setId],
    );
    return rows[0] ?? null;
  }

  /** Every version, oldest first. */
  versions(q: Db | undefined, setId: string): Promise<VersionRow[]> {
    return (q ?? this.db).query(`SELECT ${VERSION_COLUMNS} FROM question_set_versions v WHERE v.set_id = $1 ORDER BY v.version`, [setId]);
  }

  /** A published version of the set: the given one, or the newest; null when there is none. */
  async publishedVersion(q: Db | undefined, orgId: string, setId: string, version?: number): Promise<PublishedSetVersion | null> {
    const rows: VersionRow[] = await (q ?? this.db).query(
      `SELECT ${VERSION_COLUMNS} FROM question_set_versions v
        WHERE v.set_id = $1 AND v.state = 'published' AND ($2::int IS NULL OR v.version = $2)
        ORDER BY v.version DESC LIMIT 1`,
      [setId, version ?? null],
    );
    const row = rows[0];
    return row ? publishedOf(row, orgId) : null;
  }

  /** A published version by its row id, or null. */
  async publishedVersionById(q: Db | undefined, versionId: string): Promise<PublishedSetVersion | null> {
    const rows: Array<VersionRow & { org_id: string }> = await (q ?? this.db).query(
      `SELECT ${VERSION_COLUMNS}, s.org_id FROM question_set_versions v JOIN question_sets s ON s.id = v.set_id
        WHERE v.id = $1 AND v.state = 'published'`,
      [versionId],
    );
    const row = rows[0];
    return row ? publishedOf(row, row.org_id) : null;
  }

  /** A new set row; its first version is inserted separately. */
  async insertSet(tx: EntityManager, orgId: string, title: string, userId: string): Promise<string> {
    const [row] = (await tx.query(`INSERT INTO question_sets (org_id, title, created_by) VALUES ($1, $2, $3) RETURNING id`, [orgId, title, userId])) as Array<{
      id: string;
    }>;
    if (!row) throw new Error('INSERT ... RETURNING gave no row');
    return row.id;
  }

  async insertVersion(tx: EntityManager, setId: string, version: number, content: SetContent, userId: string): Promise<void> {
    await tx.query(
      `INSERT INTO question_set_versions (set_id, version, state, title, instructions, time_limit_seconds, shuffle_options,
              overdue_policy, submit_grace_seconds, review_policy, items, language, created_by)
       VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [setId, version, ...contentParams(content), userId],
    );
  }

  /** Replaces a draft's content (a published version is never touched). */
  async updateDraft(tx: EntityManager, versionId: string, content: SetContent): Promise<void> {
    await tx.query(
      `UPDATE question_set_versions SET title = $2, instructions = $3, time_limit_seconds = $4, shuffle_options = $5,
              overdue_policy = $6, submit_grace_seconds = $7, review_policy = $8, items = $9, language = $10
        WHERE id = $1 AND state = 'draft'`,
      [versionId, ...contentParams(content)],
    );
  }

  async renameSet(tx: EntityManager, setId: string, title: string): Promise<void> {
    await tx.query(`UPDATE question_sets SET title = $2, updated_at = now() WHERE id = $1`, [setId, title]);
  }

  async publishVersion(tx: EntityManager, setId: string, versionId: string): Promise<void> {
    await tx.query(`UPDATE question_set_versions SET state = 'published', published_at = now() WHERE id = $1`, [versionId]);
    await tx.query(`UPDATE question_sets SET updated_at = now() WHERE id = $1`, [setId]);
  }

  async setArchived(tx: EntityManager, setId: string, archived: boolean): Promise<void> {
    await tx.query(`UPDATE question_sets SET archived_at = ${archived ? 'now()' : 'NULL'}, updated_at = now() WHERE id = $1`, [setId]);
  }

  /** What pools of this organization's sets draw from: current versions, not retired, no flashcards. */
  poolCandidates(q: Db | undefined, orgId: string): Promise<SetPoolCandidate[]> {
    return loadDrawableQuestions(q ?? this.db, { orgId, excludeFlashcards: true });
  }

  /** The question versions the fixed items pin, by version id. */
  async pinned(q: Db | undefined, items: readonly SetItem[]): Promise<Map<string, PinnedRow>> {
    const ids = fixedVersionIds(items);
    if (ids.length === 0) return new Map();
    const rows: PinnedRow[] = await (q ?? this.db).query(
      `SELECT v.id, v.question_id, v.version, v.content_hash, v.title, v.topic_id, v.subtopic, v.type, v.difficulty, v.tags,
              v.go_version, v.expected_seconds, v.prompt, v.code, v.options, v.unit, v.answer_key, v.explanation,
              v."references", v.verify, v.follow_ups, q.current_version, (q.retired_at IS NOT NULL) AS retired, q.organization_id
         FROM question_versions v JOIN questions q ON q.id = v.question_id
        WHERE v.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The translations of the pinned versions in `locale`, by version id (freshness is checked where they are used). */
  async translationsOf(items: readonly SetItem[], locale: ContentLocale): Promise<Map<string, SetTranslationRow>> {
    const ids = fixedVersionIds(items);
    if (ids.length === 0) return new Map();
    const rows: Array<SetTranslationRow & { id: string }> = await this.db.query(
      `SELECT v.id, ${TRANSLATION_COLUMNS}, ${TRANSLATION_REVIEW_COLUMNS}, tr.follow_ups AS tr_follow_ups
         FROM question_versions v ${translationJoin('$2')}
        WHERE v.id = ANY($1::uuid[]) AND tr.version_id IS NOT NULL`,
      [ids, locale],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * What pinning fixed items needs: the questions (bank or this organization's) among `questionIds`
   * and all their versions.
   */
  async pinLookups(tx: EntityManager, orgId: string, questionIds: readonly string[]): Promise<PinLookups> {
    const questions: PinLookups['questions'] = new Map();
    const versions: PinLookups['versions'] = new Map();
    if (questionIds.length === 0) return { questions, versions };
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
    return { questions, versions };
  }
}
