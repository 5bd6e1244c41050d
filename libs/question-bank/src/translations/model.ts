/**
 * Per-locale text of a bank question (docs/question-format.md, "Translations"). English is the
 * source: a translation carries only text, never a key, and records the English content hash it
 * was made from so an English edit marks it stale.
 */

export const CONTENT_LOCALES = ['en', 'zh-CN'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
/** Locales a translation file may declare (English is the source, never a translation). */
export const TRANSLATION_LOCALES = ['zh-CN'] as const;
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];

export const isTranslationLocale = (value: string): value is TranslationLocale => (TRANSLATION_LOCALES as readonly string[]).includes(value);

export interface TranslatedOption {
  id: string;
  text: string;
  feedback?: string;
}

export interface QuestionTranslation {
  id: string;
  locale: TranslationLocale;
  /** Topic folder the file lives in. */
  topic: string;
  /** The English contentHash the translation was made from; absent until `translations stamp`. */
  sourceHash?: string;
  title: string;
  prompt: string;
  explanation: string;
  /** Flashcards: the back of the card. */
  answer?: string;
  options?: TranslatedOption[];
  /** Short answers accepted in this locale, in addition to the English list. */
  accepted?: string[];
  unit?: string;
  rubric?: string[];
  /** The English `follow_ups`, translated: the same number, in the same order. */
  followUps?: string[];
  /** Repository-relative path, for messages. */
  sourcePath: string;
}

/** `fresh`: made from the current English; `stale`: the English changed since (or never stamped). */
export type TranslationStatus = 'fresh' | 'stale';

export interface TranslationProblem {
  file: string;
  line?: number;
  message: string;
  /** Stale translations are their own kind so `lint --allow-stale` can let them pass. */
  kind: 'error' | 'stale';
}
