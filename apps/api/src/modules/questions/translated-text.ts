import { optionLabels, relabelOptionReferences, withTranslatedAnswers, type AnswerKey } from '@goprep/domain';
import type { ContentLocale } from '../../common/i18n/content-locale';

/**
 * Delivering a question version in a content language (issue 15). Every query that shows question
 * text joins the translation of the requested locale (`tr`) next to the version (`v`); the mappers
 * use it only when it was made from exactly this version's English (source_hash = content_hash),
 * and otherwise deliver the English and say so (fallback). Keys are never read from a translation,
 * except the extra accepted short answers, which only add to the English list.
 */

export { CONTENT_LOCALES, type ContentLocale } from '../../common/i18n/content-locale';

export const FALLBACK_REASONS = ['missing', 'stale'] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

/** Joins the translation of `localeSql` (a parameter like `$2`) to the version aliased `v`. */
export const translationJoin = (localeSql: string): string =>
  `LEFT JOIN question_version_translations tr ON tr.version_id = v.id AND tr.locale = ${localeSql}`;

/** What delivery may show of a translation: text only, never option feedback or the explanation. */
export const TRANSLATION_COLUMNS = `v.content_hash AS tr_content_hash, tr.source_hash AS tr_source_hash, tr.title AS tr_title,
  tr.prompt AS tr_prompt, tr.options AS tr_options, tr.unit AS tr_unit`;

/** The review side: explanation, feedback and the key's text. Only review queries select these. */
export const TRANSLATION_REVIEW_COLUMNS = `tr.explanation AS tr_explanation, tr.option_feedback AS tr_option_feedback, tr.answer AS tr_answer,
  tr.accepted AS tr_accepted, tr.rubric AS tr_rubric`;

export interface TranslationColumns {
  tr_content_hash: string;
  tr_source_hash: string | null;
  tr_title: string | null;
  tr_prompt: string | null;
  tr_options: Array<{ id: string; text: string }> | null;
  tr_unit: string | null;
}

export interface TranslationReviewColumns extends TranslationColumns {
  tr_explanation: string | null;
  tr_option_feedback: Record<string, string> | null;
  tr_answer: string | null;
  tr_accepted: string[] | null;
  tr_rubric: string[] | null;
}

/** Which language the text is in, and whether it is English although another was asked for. */
export interface ContentLocaleInfo {
  contentLocale: ContentLocale;
  fallback: boolean;
  fallbackReason?: FallbackReason;
}

function isFresh(row: Partial<TranslationColumns>): boolean {
  return row.tr_source_hash !== null && row.tr_source_hash !== undefined && row.tr_source_hash === row.tr_content_hash;
}

export function contentLocaleInfo(row: Partial<TranslationColumns>, requested: ContentLocale): ContentLocaleInfo {
  if (requested === 'en') return { contentLocale: 'en', fallback: false };
  if (isFresh(row)) return { contentLocale: requested, fallback: false };
  return { contentLocale: 'en', fallback: true, fallbackReason: row.tr_source_hash === null || row.tr_source_hash === undefined ? 'missing' : 'stale' };
}

interface EnglishText {
  title: string;
  prompt: string;
  unit: string | null;
}

/** Title, prompt and unit in the delivered language, plus the option text lookup. */
export function deliveredText<T extends EnglishText>(
  row: T & Partial<TranslationColumns>,
  requested: ContentLocale,
): { title: string; prompt: string; unit: string | null; optionText: (id: string, english: string) => string; info: ContentLocaleInfo } {
  const info = contentLocaleInfo(row, requested);
  if (info.contentLocale === 'en') return { title: row.title, prompt: row.prompt, unit: row.unit, optionText: (_id, english) => english, info };
  const texts = new Map((row.tr_options ?? []).map((o) => [o.id, o.text]));
  return {
    title: row.tr_title ?? row.title,
    prompt: row.tr_prompt ?? row.prompt,
    unit: row.unit !== null ? (row.tr_unit ?? row.unit) : null,
    optionText: (id, english) => texts.get(id) ?? english,
    info,
  };
}

/**
 * Explanation, option feedback and the key's text in the delivered language. With `shownOptionIds`
 * (a choice question's options in the order the reader saw them), the bank's references to options
 * by id ("Option (b)") are rewritten to the letters the reader saw (`relabelOptionReferences`).
 */
export function reviewedText(
  row: { explanation: string; answer_key: AnswerKey } & Partial<TranslationReviewColumns>,
  requested: ContentLocale,
  shownOptionIds?: readonly string[],
): { explanation: string; key: AnswerKey; feedback: (id: string, english: string | undefined) => string | undefined } {
  const info = contentLocaleInfo(row, requested);
  const labels = shownOptionIds && shownOptionIds.length > 0 ? optionLabels(shownOptionIds) : undefined;
  const relabel = (text: string): string => (labels ? relabelOptionReferences(text, labels) : text);
  const relabelled = (text: string | undefined): string | undefined => (text === undefined ? undefined : relabel(text));
  if (info.contentLocale === 'en') return { explanation: relabel(row.explanation), key: row.answer_key, feedback: (_id, english) => relabelled(english) };
  const feedback = row.tr_option_feedback ?? {};
  return {
    explanation: relabel(row.tr_explanation ?? row.explanation),
    key: localizedKey(row.answer_key, row),
    feedback: (id, english) => relabelled(english !== undefined ? (feedback[id] ?? english) : undefined),
  };
}

/** The key with translated text (flashcard back, rubric) and the translation's extra accepted answers. */
export function localizedKey(key: AnswerKey, row: Partial<TranslationReviewColumns>): AnswerKey {
  if (key.type === 'flashcard' && row.tr_answer) return { ...key, answer: row.tr_answer };
  if (key.type === 'essay' && row.tr_rubric && row.tr_rubric.length === key.rubric.length) return { ...key, rubric: [...row.tr_rubric] };
  if (key.type === 'short' && row.tr_accepted && row.tr_accepted.length > 0) return { ...key, accepted: [...new Set([...key.accepted, ...row.tr_accepted])] };
  return key;
}

/**
 * What grading reads of a version (aliased `v`): its key and the accepted short answers of every
 * current translation (source_hash = content_hash). Delivery follows the reader's language of the
 * moment, so an item of an attempt started in English may have been shown in Chinese after a switch
 * (and a Chinese attempt shows English where a translation is missing): an answer in any language
 * the item could have been shown in counts. Combine with `gradingKey`.
 */
export const GRADING_COLUMNS_SQL = `v.answer_key,
  CASE WHEN v.type = 'short' THEN (SELECT coalesce(array_agg(a.text), '{}') FROM question_version_translations gt
    CROSS JOIN LATERAL unnest(gt.accepted) AS a(text) WHERE gt.version_id = v.id AND gt.source_hash = v.content_hash) ELSE '{}' END AS translated_accepted`;

export interface GradingColumns {
  answer_key: AnswerKey;
  translated_accepted: string[];
}

/** The key an answer is graded against: the English key plus the translations' accepted answers. */
export const gradingKey = (row: GradingColumns): AnswerKey => withTranslatedAnswers(row.answer_key, row.translated_accepted);
