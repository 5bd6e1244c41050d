import { Injectable } from '@nestjs/common';
import { exportQuestions, type BankQuestion } from '@goprep/question-bank';
import type { ContentLocale } from '../../common/i18n/content-locale';
import { defaultLocale } from './dto/question-set.mapper';
import { OrganizationsService } from '../organizations/organizations.service';
import { contentLocaleInfo, deliveredText, reviewedText } from '../questions/translated-text';
import type { QuestionSetDto, QuestionSetExportDto, SetExportFormat, SetExportItemDto } from './dto/question-set.dto';
import { contentOf, QuestionSetsRepository, type PinnedRow, type SetTranslationRow, type VersionRow } from './question-sets.repository';
import { QuestionSetsService } from './question-sets.service';
import { SET_FORMAT_NAME, SET_FORMAT_VERSION, settingsOf, type SetContent } from './set-items';

/** A set going out of goprep or coming in: JSON (goprep's lossless set format) and GIFT (questions only). */
@Injectable()
export class SetInterchangeService {
  constructor(
    private readonly repo: QuestionSetsRepository,
    private readonly sets: QuestionSetsService,
    private readonly organizations: OrganizationsService,
  ) {}

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
    await this.sets.requireSet(undefined, orgId, setId);
    const row = version !== undefined ? await this.sets.requireVersion(undefined, setId, version) : await this.sets.currentVersion(undefined, setId);
    const pinned = await this.repo.pinned(undefined, row.items);
    const language = locale ?? defaultLocale(row.language);
    if (format === 'gift') {
      const translations = language === 'en' ? new Map<string, SetTranslationRow>() : await this.repo.translationsOf(row.items, language);
      return { gift: giftOf(row, pinned, translations, language), filename: `${slug(row.title)}-v${row.version}${language === 'en' ? '' : `.${language}`}.gift.txt` };
    }
    const content = contentOf(row);
    const titles = await this.sets.titlesIn(row.items, language);
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
    const setId = await this.repo.transaction(async (tx) => {
      const items = await this.sets.resolveItems(tx, orgId, body.items);
      const content: SetContent = { ...settingsOf(body), items };
      return this.sets.insertSet(tx, userId, orgId, content, 'imported', {
        items: items.length,
        ...(body.sourceVersion !== undefined ? { sourceVersion: body.sourceVersion } : {}),
      });
    });
    return this.sets.get(userId, orgId, setId);
  }
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
    ...(p.follow_ups !== null && p.follow_ups.length > 0 ? { followUps: p.follow_ups } : {}),
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
  translations: ReadonlyMap<string, SetTranslationRow>,
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
function localizedModel(question: BankQuestion, row: SetTranslationRow, locale: ContentLocale): BankQuestion {
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
    // As in the room panel: the translation's follow-ups when it has as many as the English.
    ...(question.followUps !== undefined && row.tr_follow_ups?.length === question.followUps.length ? { followUps: row.tr_follow_ups } : {}),
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
