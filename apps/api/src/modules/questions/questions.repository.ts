import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PoolCandidate } from '@goprep/domain';
import type { ContentLocale } from '../../common/i18n/content-locale';
import { QuestionEntity, QuestionVersionEntity, TopicEntity } from './question.entities';
import type { VersionRow } from './question-version-row';
import {
  GRADING_COLUMNS_SQL,
  TRANSLATION_COLUMNS,
  TRANSLATION_REVIEW_COLUMNS,
  translationJoin,
  type GradingColumns,
  type TranslationColumns,
  type TranslationReviewColumns,
} from './translated-text';

/** The connection or the transaction a statement runs on. */
export type Db = EntityManager | DataSource;

/** A question that can be drawn into an attempt: its current version's facts. */
export interface DrawableQuestion extends PoolCandidate {
  versionId: string;
  /** Option ids in authored order (choice questions), for shuffling per attempt. */
  optionIds: string[] | null;
}

export interface DrawableScope {
  /** Also draw from this organization's own questions (otherwise the public bank only). */
  orgId?: string;
  /** Hiring sets leave self-graded flashcards out. */
  excludeFlashcards?: boolean;
}

export interface TopicRow {
  id: string;
  title: string;
  core: boolean;
  description: string;
  question_count: number;
}

export interface QuestionListRow extends Pick<TranslationColumns, 'tr_content_hash' | 'tr_source_hash' | 'tr_title'> {
  id: string;
  title: string;
  topic_id: string;
  type: string;
  difficulty: number;
  tags: string[];
  has_code: boolean;
}

/** The bank page's filters; `grams` (Chinese search terms) widen a text query to translations. */
export interface QuestionFilter {
  topic?: string;
  type?: string;
  difficulty?: number;
  tag?: string;
  q?: string;
  grams: readonly string[];
}

export interface TopicInput {
  id: string;
  title: string;
  core: boolean;
  description: string;
  position: number;
}

export interface BankQuestionState {
  id: string;
  current_version: number;
  retired_at: Date | null;
  content_hash: string;
}

/**
 * The current version of every non-retired question in scope (quick and mock attempts, question-set pools).
 * A function as well as QuestionsRepository.drawable, for callers running it on their own transaction.
 */
export async function loadDrawableQuestions(db: Db, scope: DrawableScope = {}): Promise<DrawableQuestion[]> {
  const params: string[] = [];
  const conditions = ['q.retired_at IS NULL'];
  if (scope.orgId === undefined) conditions.push('q.organization_id IS NULL');
  else {
    params.push(scope.orgId);
    conditions.push(`(q.organization_id IS NULL OR q.organization_id = $${params.length})`);
  }
  if (scope.excludeFlashcards) conditions.push(`v.type <> 'flashcard'`);
  const rows: Array<{
    id: string;
    version_id: string;
    topic_id: string;
    type: string;
    difficulty: number;
    tags: string[];
    expected_seconds: number;
    option_ids: string[] | null;
  }> = await db.query(
    `SELECT q.id, v.id AS version_id, v.topic_id, v.type, v.difficulty, v.tags, v.expected_seconds,
            (SELECT array_agg(o->>'id' ORDER BY n) FROM jsonb_array_elements(v.options) WITH ORDINALITY AS e(o, n)) AS option_ids
       FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
      WHERE ${conditions.join(' AND ')}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    versionId: r.version_id,
    topic: r.topic_id,
    type: r.type,
    difficulty: r.difficulty,
    tags: r.tags,
    expectedSeconds: r.expected_seconds,
    optionIds: r.option_ids,
  }));
}

/** Every statement on topics, questions, their versions and translations: the bank page, delivery, drawing and the bank loader. */
@Injectable()
export class QuestionsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Core topics first, then the bank's order, with their live public question counts. */
  topics(): Promise<TopicRow[]> {
    return this.db.query(
      `SELECT t.id, t.title, t.core, t.description,
              (SELECT count(*)::int FROM questions q WHERE q.topic_id = t.id AND q.retired_at IS NULL AND q.organization_id IS NULL) AS question_count
         FROM topics t ORDER BY t.core DESC, t.position, t.id`,
    );
  }

  /** One page of live public questions matching the filter, and how many match in all. */
  /** `locale`: the page's rows carry that translation's title columns (the count needs no join). */
  async search(filter: QuestionFilter, page: { limit: number; offset: number }, locale: ContentLocale = 'en'): Promise<{ total: number; rows: QuestionListRow[] }> {
    const where = ['q.retired_at IS NULL', 'q.organization_id IS NULL'];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.topic) add('v.topic_id = ?', filter.topic);
    if (filter.type) add('v.type = ?', filter.type);
    if (filter.difficulty) add('v.difficulty = ?', filter.difficulty);
    if (filter.tag) add('? = ANY(v.tags)', filter.tag);
    let order = 't.position, v.difficulty, q.id';
    if (filter.q) {
      if (filter.grams.length > 0) {
        // Chinese: the English text search, or a translation holding every term of the query. The
        // translations' version ids come first (one GIN scan of search_grams), so Postgres ORs two
        // bitmap scans of question_versions; a correlated EXISTS instead probed every question
        // (plans of 118 + 127 ms for count + page at 7,020 questions, 2.0 + 11.4 ms this way; docs/performance.md).
        params.push(filter.q, filter.grams);
        where.push(
          `(v.search @@ websearch_to_tsquery('english', $${params.length - 1})
            OR v.id = ANY (ARRAY(SELECT tg.version_id FROM question_version_translations tg WHERE tg.search_grams @> $${params.length}::text[])))`,
        );
        order = `ts_rank(v.search, websearch_to_tsquery('english', $${params.length - 1})) DESC, q.id`;
      } else {
        add(`v.search @@ websearch_to_tsquery('english', ?)`, filter.q);
        order = `ts_rank(v.search, websearch_to_tsquery('english', $${params.length})) DESC, q.id`;
      }
    }
    const joins = `FROM questions q
      JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
      JOIN topics t ON t.id = q.topic_id`;
    const [counted] = (await this.db.query(`SELECT count(*)::int AS total ${joins} WHERE ${where.join(' AND ')}`, params)) as Array<{ total: number }>;
    // Only the page needs titles: the locale is the page query's last parameter.
    const rows: QuestionListRow[] = await this.db.query(
      `SELECT q.id, v.title, v.topic_id, v.type, v.difficulty, v.tags, (v.code IS NOT NULL) AS has_code,
              v.content_hash AS tr_content_hash, tr.source_hash AS tr_source_hash, tr.title AS tr_title
         ${joins} ${translationJoin(`$${params.length + 1}`)} WHERE ${where.join(' AND ')}
        ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`,
      [...params, locale],
    );
    return { total: counted?.total ?? 0, rows };
  }

  /** A version's translation columns in `locale` (all null when there is none). */
  async translation(versionId: string, locale: ContentLocale): Promise<TranslationColumns | undefined> {
    const [row] = (await this.db.query(`SELECT ${TRANSLATION_COLUMNS} FROM question_versions v ${translationJoin('$2')} WHERE v.id = $1`, [
      versionId,
      locale,
    ])) as TranslationColumns[];
    return row;
  }

  /** What "Try it" grades against (the key plus every current translation's accepted answers) and shows (the translation in `locale`). */
  async checkRow(versionId: string, locale: ContentLocale): Promise<(GradingColumns & Partial<TranslationReviewColumns>) | undefined> {
    const [row] = (await this.db.query(
      `SELECT ${GRADING_COLUMNS_SQL}, ${TRANSLATION_COLUMNS}, ${TRANSLATION_REVIEW_COLUMNS}
         FROM question_versions v ${translationJoin('$2')} WHERE v.id = $1`,
      [versionId, locale],
    )) as Array<GradingColumns & Partial<TranslationReviewColumns>>;
    return row;
  }

  /** A version's translation columns in `locale` including the review side (explanation, feedback, key text), for a manager's preview. */
  async reviewTranslation(versionId: string, locale: ContentLocale): Promise<TranslationReviewColumns | undefined> {
    const [row] = (await this.db.query(
      `SELECT ${TRANSLATION_COLUMNS}, ${TRANSLATION_REVIEW_COLUMNS} FROM question_versions v ${translationJoin('$2')} WHERE v.id = $1`,
      [versionId, locale],
    )) as TranslationReviewColumns[];
    return row;
  }

  /** The current version of a live public question. */
  currentVersion(questionId: string): Promise<QuestionVersionEntity | null> {
    return this.db
      .getRepository(QuestionVersionEntity)
      .createQueryBuilder('v')
      .innerJoin('questions', 'q', 'q.id = v.question_id AND q.current_version = v.version')
      .where('q.id = :id AND q.retired_at IS NULL AND q.organization_id IS NULL', { id: questionId })
      .getOne();
  }

  drawable(scope: DrawableScope = {}, q: Db = this.db): Promise<DrawableQuestion[]> {
    return loadDrawableQuestions(q, scope);
  }

  // --- the bank loader (one transaction, under its advisory lock)

  async lockBankLoad(tx: EntityManager): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['goprep:bank-load']);
  }

  async upsertTopics(tx: EntityManager, topics: readonly TopicInput[]): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(TopicEntity)
      .values([...topics])
      .orUpdate(['title', 'core', 'description', 'position'], ['id'])
      .execute();
  }

  /** Every public question with its current version's content hash. */
  bankQuestions(tx: EntityManager): Promise<BankQuestionState[]> {
    return tx.query(
      `SELECT q.id, q.current_version, q.retired_at, v.content_hash
         FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.organization_id IS NULL`,
    );
  }

  async insertBankQuestion(tx: EntityManager, id: string, topicId: string): Promise<void> {
    await tx.insert(QuestionEntity, { id, topicId, organizationId: null, currentVersion: 1, retiredAt: null });
  }

  async setCurrentVersion(tx: EntityManager, id: string, version: number, topicId: string): Promise<void> {
    await tx.update(QuestionEntity, { id }, { currentVersion: version, topicId, retiredAt: null });
  }

  async unretire(tx: EntityManager, id: string): Promise<void> {
    await tx.update(QuestionEntity, { id }, { retiredAt: null });
  }

  async insertVersions(tx: EntityManager, versions: VersionRow[]): Promise<void> {
    await tx.insert(QuestionVersionEntity, versions);
  }

  /** Retires the public questions not in `keep`; returns how many. */
  async retireAllBut(tx: EntityManager, keep: readonly string[]): Promise<number> {
    // A CTE, because TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
    const [retired] = (await tx.query(
      `WITH r AS (UPDATE questions SET retired_at = now()
         WHERE organization_id IS NULL AND retired_at IS NULL AND NOT (id = ANY($1::text[])) RETURNING id)
       SELECT count(*)::int AS n FROM r`,
      [keep],
    )) as Array<{ n: number }>;
    return retired?.n ?? 0;
  }

  async recordBankLoad(tx: EntityManager, s: { inserted: number; versioned: number; retired: number; unchanged: number }): Promise<void> {
    await tx.query('INSERT INTO bank_loads (inserted, versioned, retired, unchanged) VALUES ($1, $2, $3, $4)', [s.inserted, s.versioned, s.retired, s.unchanged]);
  }

  /** Stores translations (rows as `jsonb_to_recordset` reads them) on their question's current version; returns how many were new or changed. */
  async writeTranslations(tx: EntityManager, rows: readonly object[]): Promise<number> {
    const [written] = (await tx.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(question_id text, locale text, source_hash text, title text, prompt text,
           explanation text, answer text, options jsonb, option_feedback jsonb, accepted text[], unit text, rubric text[], search_text text,
           search_grams text[], follow_ups text[])
       ), w AS (
         INSERT INTO question_version_translations AS t
           (version_id, locale, source_hash, title, prompt, explanation, answer, options, option_feedback, accepted, unit, rubric, search_text,
            search_grams, follow_ups)
         SELECT v.id, x.locale, x.source_hash, x.title, x.prompt, x.explanation, x.answer, x.options, x.option_feedback, x.accepted, x.unit,
                x.rubric, x.search_text, x.search_grams, x.follow_ups
           FROM input x
           JOIN questions q ON q.id = x.question_id AND q.organization_id IS NULL
           JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         ON CONFLICT (version_id, locale) DO UPDATE SET
           source_hash = EXCLUDED.source_hash, title = EXCLUDED.title, prompt = EXCLUDED.prompt, explanation = EXCLUDED.explanation,
           answer = EXCLUDED.answer, options = EXCLUDED.options, option_feedback = EXCLUDED.option_feedback, accepted = EXCLUDED.accepted,
           unit = EXCLUDED.unit, rubric = EXCLUDED.rubric, search_text = EXCLUDED.search_text,
           search_grams = EXCLUDED.search_grams, follow_ups = EXCLUDED.follow_ups, updated_at = now()
         WHERE (t.source_hash, t.title, t.prompt, t.explanation, t.answer, t.options, t.option_feedback, t.accepted, t.unit, t.rubric, t.search_grams,
                t.follow_ups)
           IS DISTINCT FROM (EXCLUDED.source_hash, EXCLUDED.title, EXCLUDED.prompt, EXCLUDED.explanation, EXCLUDED.answer, EXCLUDED.options,
                             EXCLUDED.option_feedback, EXCLUDED.accepted, EXCLUDED.unit, EXCLUDED.rubric, EXCLUDED.search_grams, EXCLUDED.follow_ups)
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM w`,
      [JSON.stringify(rows)],
    )) as Array<{ n: number }>;
    return written?.n ?? 0;
  }

  /** Removes the current public versions' translations whose "questionId/locale" is not in `keep`; returns how many. */
  async removeTranslationsExcept(tx: EntityManager, keep: readonly string[]): Promise<number> {
    const [removed] = (await tx.query(
      `WITH r AS (
         DELETE FROM question_version_translations t
          USING questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
          WHERE t.version_id = v.id AND q.organization_id IS NULL
            AND NOT ((q.id || '/' || t.locale) = ANY($1::text[]))
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM r`,
      [keep],
    )) as Array<{ n: number }>;
    return removed?.n ?? 0;
  }
}
