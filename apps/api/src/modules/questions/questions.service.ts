import { answerFeedback, grade, optionLabels, relabelOptionReferences, validateResponse, type AnswerKey } from '@goprep/domain';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import type { ContentLocale } from '../../common/i18n/content-locale';
import {
  CheckAnswerDto,
  CheckResultDto,
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
import { QuestionsRepository, type DrawableQuestion, type DrawableScope } from './questions.repository';
import { contentLocaleInfo, deliveredText, gradingKey, reviewedText } from './translated-text';
import { shownOutsideAttempt } from '../attempts/attempt.mappers';

/** Types "Try it" grades on the spot; essays need a person, flashcards are recalled, code tasks are judged. */
const CHECKABLE_TYPES = new Set(['single', 'multi', 'true-false', 'short', 'numeric', 'code-output', 'code-lines', 'matching', 'ordering']);

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
    // Only id and text: `correct` and `feedback` are key material. Ordering items never in key order.
    ...(v.options ? deliveredOptions(shownOutsideAttempt(v.type, v.questionId, v.version, v.options)) : {}),
    ...(v.unit !== null ? { unit: v.unit } : {}),
    references: v.references,
  };
}

function deliveredOptions(shown: { options: Array<{ id: string; text: string }>; matchItems?: Array<{ id: string; text: string }> }) {
  const plain = (o: { id: string; text: string }) => ({ id: o.id, text: o.text });
  return { options: shown.options.map(plain), ...(shown.matchItems ? { matchItems: shown.matchItems.map(plain) } : {}) };
}

export function mapPreview(v: QuestionVersionEntity): QuestionPreviewDto {
  const { options: _deliveryOptions, matchItems: _matchItems, ...delivery } = mapDelivery(v);
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
  constructor(private readonly repo: QuestionsRepository) {}

  /** Core topics first, then the bank's order: the one order the bank page, its filter and the quiz form show. */
  async topics(): Promise<TopicDto[]> {
    const rows = await this.repo.topics();
    return rows.map((r) => ({ id: r.id, title: r.title, core: r.core, description: r.description, questionCount: r.question_count }));
  }

  /** `locale`: the language of the titles (per question English where no current translation, marked). */
  async list(query: ListQuestionsQueryDto, locale: ContentLocale = 'en'): Promise<QuestionPageDto> {
    const offset = (query.page - 1) * query.pageSize;
    const grams = query.q && hasHan(query.q) ? searchGrams(query.q) : [];
    const { total, rows } = await this.repo.search(
      { topic: query.topic, type: query.type, difficulty: query.difficulty, tag: query.tag, q: query.q, grams },
      { limit: query.pageSize, offset },
      locale,
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
    const row = await this.repo.translation(version.id, locale);
    const text = deliveredText({ title: version.title, prompt: version.prompt, unit: version.unit, ...row }, locale);
    const delivery = mapDelivery(version);
    return {
      ...delivery,
      title: text.title,
      prompt: text.prompt,
      ...(text.unit !== null ? { unit: text.unit } : {}),
      ...(delivery.options ? { options: delivery.options.map((o) => ({ id: o.id, text: text.optionText(o.id, o.text) })) } : {}),
      ...(delivery.matchItems ? { matchItems: delivery.matchItems.map((o) => ({ id: o.id, text: text.optionText(o.id, o.text) })) } : {}),
      ...text.info,
    };
  }

  /** A manager's preview in `locale`: text, option feedback, explanation and key text of a current translation, else English (marked). */
  async preview(id: string, locale: ContentLocale): Promise<LocalizedQuestionPreviewDto> {
    const version = await this.current(id);
    const english = { ...mapPreview(version), contentLocale: 'en' as const, fallback: false };
    if (locale === 'en') return english;
    const row = await this.repo.reviewTranslation(version.id, locale);
    const text = deliveredText({ title: version.title, prompt: version.prompt, unit: version.unit, ...row }, locale);
    if (text.info.contentLocale === 'en') return { ...english, ...text.info };
    const reviewed = reviewedText({ explanation: version.explanation, answer_key: version.answerKey as AnswerKey, ...row }, locale, version.options?.map((opt) => opt.id));
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

  /** The current version of every non-retired question in scope: what quizzes and sets draw from. */
  drawable(scope: DrawableScope = {}): Promise<DrawableQuestion[]> {
    return this.repo.drawable(scope);
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
    const row = await this.repo.checkRow(version.id, locale);
    const key0 = row ? gradingKey(row) : (version.answerKey as AnswerKey);
    const response = validation.response as Parameters<typeof grade>[1];
    const result = grade(key0, response);
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
    const version = await this.repo.currentVersion(id);
    if (!version) throw new AppError(ErrorCode.QUESTION_NOT_FOUND, `No question with id "${id.slice(0, 80)}".`);
    return version;
  }
}
