import { answerFeedback, grade, optionLabels, relabelOptionReferences, validateResponse, type AnswerKey } from '@goprep/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import type { ContentLocale } from '../../common/i18n/content-locale';
import { CheckAnswerDto, CheckResultDto, ListQuestionsQueryDto, LocalizedQuestionDto, QuestionDeliveryDto, QuestionPageDto, QuestionPreviewDto, TopicDto, VerifyCheckDto } from './dto/question.dto';
import { QuestionVersionEntity } from './question.entities';
import { hasHan, searchGrams } from './search-grams';
import {
  contentLocaleInfo,
  deliveredText,
  GRADING_KEY_SQL,
  reviewedText,
  TRANSLATION_COLUMNS,
  TRANSLATION_REVIEW_COLUMNS,
  translationJoin,
  type TranslationColumns,
  type TranslationReviewColumns,
} from './translated-text';

/** Types "Try it" grades on the spot; essays need a person, flashcards are recalled, code tasks are judged. */
const CHECKABLE_TYPES = new Set(['single', 'multi', 'true-false', 'short', 'numeric', 'code-output', 'code-lines']);

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
  const labels = v.options && v.options.length > 0 ? optionLabels(v.options.map((o) => o.id)) : undefined;
  return {
    ...delivery,
    ...(v.options
      ? {
          options: v.options.map((o) => ({
            id: o.id,
            text: o.text,
            correct: o.correct,
            ...(o.feedback ? { feedback: labels ? relabelOptionReferences(o.feedback, labels) : o.feedback } : {}),
          })),
        }
      : {}),
    answerKey: v.answerKey as Record<string, unknown>,
    // The preview shows options in the bank's order, lettered A, B, C: the explanation names them so.
    explanation: labels ? relabelOptionReferences(v.explanation, labels) : v.explanation,
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

  async list(query: ListQuestionsQueryDto): Promise<QuestionPageDto> {
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
        // Chinese: the English text search, or a translation holding every term of the query (GIN on search_grams).
        params.push(query.q, grams);
        where.push(
          `(v.search @@ websearch_to_tsquery('english', $${params.length - 1})
            OR EXISTS (SELECT 1 FROM question_version_translations tr WHERE tr.version_id = v.id AND tr.search_grams @> $${params.length}::text[]))`,
        );
        order = `ts_rank(v.search, websearch_to_tsquery('english', $${params.length - 1})) DESC, q.id`;
      } else {
        add(`v.search @@ websearch_to_tsquery('english', ?)`, query.q);
        order = `ts_rank(v.search, websearch_to_tsquery('english', $${params.length})) DESC, q.id`;
      }
    }
    const from = `FROM questions q
      JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
      JOIN topics t ON t.id = q.topic_id
      WHERE ${where.join(' AND ')}`;
    const [counted] = (await this.db.query(`SELECT count(*)::int AS total ${from}`, params)) as Array<{ total: number }>;
    const total = counted?.total ?? 0;
    const offset = (query.page - 1) * query.pageSize;
    const rows: Array<{ id: string; title: string; topic_id: string; type: string; difficulty: number; tags: string[]; has_code: boolean }> =
      await this.db.query(
        `SELECT q.id, v.title, v.topic_id, v.type, v.difficulty, v.tags, (v.code IS NOT NULL) AS has_code ${from}
          ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${offset}`,
        params,
      );
    return {
      items: rows.map((r) => ({ id: r.id, title: r.title, topic: r.topic_id, type: r.type, difficulty: r.difficulty, tags: r.tags, hasCode: r.has_code })),
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

  /**
   * "Try it": grades one answer to the current version and only then shows the key, explanation and
   * feedback, in the learner's content language. Nothing is stored; options keep the bank order.
   */
  async check(id: string, body: CheckAnswerDto, locale: ContentLocale): Promise<CheckResultDto> {
    const version = await this.current(id);
    if (!CHECKABLE_TYPES.has(version.type)) {
      throw new AppError(ErrorCode.RESPONSE_INVALID, `A ${version.type} question cannot be checked here; add it to your drills instead.`);
    }
    const validation = validateResponse(version.type, body.response);
    if (!validation.ok) throw new AppError(ErrorCode.RESPONSE_INVALID, `Not a valid ${version.type} response: ${validation.message}`);
    const [row] = (await this.db.query(
      `SELECT ${GRADING_KEY_SQL} AS grading_key, ${TRANSLATION_COLUMNS}, ${TRANSLATION_REVIEW_COLUMNS}
         FROM question_versions v ${translationJoin('$2')} WHERE v.id = $1`,
      [version.id, locale],
    )) as Array<Partial<TranslationColumns> & Partial<TranslationReviewColumns> & { grading_key: AnswerKey }>;
    const gradingKey = row?.grading_key ?? (version.answerKey as AnswerKey);
    const response = validation.response as Parameters<typeof grade>[1];
    const result = grade(gradingKey, response);
    const options = version.options ?? [];
    const reviewed = reviewedText({ explanation: version.explanation, answer_key: version.answerKey as AnswerKey, ...row }, locale, options.map((o) => o.id));
    const text = deliveredText({ title: version.title, prompt: version.prompt, unit: version.unit, ...row }, locale);
    const key = reviewed.key;
    return {
      questionId: id,
      version: version.version,
      status: result.status,
      score: result.score ?? 0,
      key: key as unknown as Record<string, unknown>,
      explanation: reviewed.explanation,
      references: version.references,
      ...(options.length > 0
        ? {
            options: options.map((o) => {
              const feedback = reviewed.feedback(o.id, o.feedback);
              return { id: o.id, text: text.optionText(o.id, o.text), correct: o.correct, ...(feedback ? { feedback } : {}) };
            }),
          }
        : {}),
      ...(key.type === 'code-output' ? { verifiedOutput: key.outputs } : {}),
      ...(key.type === 'code-lines' ? { verifiedLines: key.lines } : {}),
      feedback: answerFeedback(key, response) ?? null,
      ...contentLocaleInfo(row ?? {}, locale),
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
