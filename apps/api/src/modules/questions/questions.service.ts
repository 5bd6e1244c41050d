import type { AnswerKey } from '@goprep/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import type { ContentLocale } from '../../common/i18n/content-locale';
import {
  ListQuestionsQueryDto,
  LocalizedQuestionDto,
  LocalizedQuestionPreviewDto,
  QuestionDeliveryDto,
  QuestionPageDto,
  QuestionPreviewDto,
  TopicDto,
  VerifyCheckDto,
} from './dto/question.dto';
import { QuestionVersionEntity } from './question.entities';
import { hasHan, searchGrams } from './search-grams';
import {
  contentLocaleInfo,
  deliveredText,
  reviewedText,
  TRANSLATION_COLUMNS,
  TRANSLATION_REVIEW_COLUMNS,
  translationJoin,
  type TranslationColumns,
  type TranslationReviewColumns,
} from './translated-text';

export function mapDelivery(v: QuestionVersionEntity): QuestionDeliveryDto {
  return {
    id: v.questionId,
    version: v.version,
    title: v.title,
    topic: v.topicId,
    subtopic: v.subtopic,
    type: v.type,
    difficulty: v.difficulty,
    tags: v.tags,
    goVersion: v.goVersion,
    expectedSeconds: v.expectedSeconds,
    prompt: v.prompt,
    ...(v.code !== null ? { code: v.code } : {}),
    // Only id and text: `correct` and `feedback` are key material.
    ...(v.options ? { options: v.options.map((o) => ({ id: o.id, text: o.text })) } : {}),
    ...(v.unit !== null ? { unit: v.unit } : {}),
    references: v.references,
  };
}

export function mapPreview(v: QuestionVersionEntity): QuestionPreviewDto {
  const { options: _deliveryOptions, ...delivery } = mapDelivery(v);
  return {
    ...delivery,
    ...(v.options
      ? { options: v.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, ...(o.feedback ? { feedback: o.feedback } : {}) })) }
      : {}),
    answerKey: v.answerKey as Record<string, unknown>,
    explanation: v.explanation,
    verify: v.verify as VerifyCheckDto[],
    verification: v.verification,
  };
}

@Injectable()
export class QuestionsService {
  constructor(private readonly db: DataSource) {}

  /** Core topics first, then the bank's order: the one order the bank page, its filter and the quiz form show. */
  async topics(): Promise<TopicDto[]> {
    const rows: Array<{ id: string; title: string; core: boolean; description: string; question_count: number }> = await this.db.query(
      `SELECT t.id, t.title, t.core, t.description,
              (SELECT count(*)::int FROM questions q WHERE q.topic_id = t.id AND q.retired_at IS NULL AND q.organization_id IS NULL) AS question_count
         FROM topics t ORDER BY t.core DESC, t.position, t.id`,
    );
    return rows.map((r) => ({ id: r.id, title: r.title, core: r.core, description: r.description, questionCount: r.question_count }));
  }

  /** `locale`: the language of the titles (per question English where no current translation, marked). */
  async list(query: ListQuestionsQueryDto, locale: ContentLocale = 'en'): Promise<QuestionPageDto> {
    const where = ['q.retired_at IS NULL', 'q.organization_id IS NULL'];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.topic) add('v.topic_id = ?', query.topic);
    if (query.type) add('v.type = ?', query.type);
    if (query.difficulty) add('v.difficulty = ?', query.difficulty);
    if (query.tag) add('? = ANY(v.tags)', query.tag);
    let order = 't.position, v.difficulty, q.id';
    if (query.q) {
      const grams = hasHan(query.q) ? searchGrams(query.q) : [];
      if (grams.length > 0) {
        // Chinese: the English text search, or a translation holding every term of the query. The
        // translations' version ids come first (one GIN scan of search_grams), so Postgres ORs two
        // bitmap scans of question_versions; a correlated EXISTS instead probed every question
        // (plans of 118 + 127 ms for count + page at 7,020 questions, 2.0 + 11.4 ms this way; docs/performance.md).
        params.push(query.q, grams);
        where.push(
          `(v.search @@ websearch_to_tsquery('english', $${params.length - 1})
            OR v.id = ANY (ARRAY(SELECT tg.version_id FROM question_version_translations tg WHERE tg.search_grams @> $${params.length}::text[])))`,
        );
        order = `ts_rank(v.search, websearch_to_tsquery('english', $${params.length - 1})) DESC, q.id`;
      } else {
        add(`v.search @@ websearch_to_tsquery('english', ?)`, query.q);
        order = `ts_rank(v.search, websearch_to_tsquery('english', $${params.length})) DESC, q.id`;
      }
    }
    const joins = `FROM questions q
      JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
      JOIN topics t ON t.id = q.topic_id`;
    const from = `${joins} WHERE ${where.join(' AND ')}`;
    const [counted] = (await this.db.query(`SELECT count(*)::int AS total ${from}`, params)) as Array<{ total: number }>;
    const total = counted?.total ?? 0;
    const offset = (query.page - 1) * query.pageSize;
    // Only the page needs titles: the count has no translation join; the locale is the page's last parameter.
    const paged = `${joins} ${translationJoin(`$${params.length + 1}`)} WHERE ${where.join(' AND ')}`;
    type Row = Pick<TranslationColumns, 'tr_content_hash' | 'tr_source_hash' | 'tr_title'> & {
      id: string;
      title: string;
      topic_id: string;
      type: string;
      difficulty: number;
      tags: string[];
      has_code: boolean;
    };
    const rows: Row[] = await this.db.query(
      `SELECT q.id, v.title, v.topic_id, v.type, v.difficulty, v.tags, (v.code IS NOT NULL) AS has_code,
              v.content_hash AS tr_content_hash, tr.source_hash AS tr_source_hash, tr.title AS tr_title ${paged}
        ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${offset}`,
      [...params, locale],
    );
    return {
      items: rows.map((r) => {
        const info = contentLocaleInfo(r, locale);
        const title = info.contentLocale === 'en' ? r.title : (r.tr_title ?? r.title);
        return { id: r.id, title, topic: r.topic_id, type: r.type, difficulty: r.difficulty, tags: r.tags, hasCode: r.has_code, ...info };
      }),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The current version in the learner's content language: text from a fresh translation, else English (marked). */
  async delivered(id: string, locale: ContentLocale): Promise<LocalizedQuestionDto> {
    const version = await this.current(id);
    const [row] = (await this.db.query(
      `SELECT ${TRANSLATION_COLUMNS} FROM question_versions v ${translationJoin('$2')} WHERE v.id = $1`,
      [version.id, locale],
    )) as TranslationColumns[];
    const text = deliveredText({ title: version.title, prompt: version.prompt, unit: version.unit, ...row }, locale);
    const delivery = mapDelivery(version);
    return {
      ...delivery,
      title: text.title,
      prompt: text.prompt,
      ...(text.unit !== null ? { unit: text.unit } : {}),
      ...(delivery.options ? { options: delivery.options.map((o) => ({ id: o.id, text: text.optionText(o.id, o.text) })) } : {}),
      ...text.info,
    };
  }

  /** A manager's preview in `locale`: text, option feedback, explanation and key text of a current translation, else English (marked). */
  async preview(id: string, locale: ContentLocale): Promise<LocalizedQuestionPreviewDto> {
    const version = await this.current(id);
    const english = { ...mapPreview(version), contentLocale: 'en' as const, fallback: false };
    if (locale === 'en') return english;
    const [row] = (await this.db.query(
      `SELECT ${TRANSLATION_COLUMNS}, ${TRANSLATION_REVIEW_COLUMNS} FROM question_versions v ${translationJoin('$2')} WHERE v.id = $1`,
      [version.id, locale],
    )) as TranslationReviewColumns[];
    const text = deliveredText({ title: version.title, prompt: version.prompt, unit: version.unit, ...row }, locale);
    if (text.info.contentLocale === 'en') return { ...english, ...text.info };
    const reviewed = reviewedText({ explanation: version.explanation, answer_key: version.answerKey as AnswerKey, ...row }, locale);
    return {
      ...english,
      title: text.title,
      prompt: text.prompt,
      ...(text.unit !== null ? { unit: text.unit } : {}),
      ...(english.options
        ? {
            options: english.options.map((o) => {
              const feedback = reviewed.feedback(o.id, o.feedback);
              return { id: o.id, text: text.optionText(o.id, o.text), correct: o.correct, ...(feedback !== undefined ? { feedback } : {}) };
            }),
          }
        : {}),
      answerKey: reviewed.key as unknown as Record<string, unknown>,
      explanation: reviewed.explanation,
      ...text.info,
    };
  }

  async current(id: string): Promise<QuestionVersionEntity> {
    const version = await this.db
      .getRepository(QuestionVersionEntity)
      .createQueryBuilder('v')
      .innerJoin('questions', 'q', 'q.id = v.question_id AND q.current_version = v.version')
      .where('q.id = :id AND q.retired_at IS NULL AND q.organization_id IS NULL', { id })
      .getOne();
    if (!version) throw new AppError(ErrorCode.QUESTION_NOT_FOUND, `No question with id "${id.slice(0, 80)}".`);
    return version;
  }
}
