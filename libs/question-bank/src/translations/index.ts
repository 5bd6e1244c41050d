export {
  CONTENT_LOCALES,
  TRANSLATION_LOCALES,
  isTranslationLocale,
  type ContentLocale,
  type QuestionTranslation,
  type TranslatedOption,
  type TranslationLocale,
  type TranslationProblem,
  type TranslationStatus,
} from './model';
export { parseTranslationFile, translationFrontMatterSchema, type ParsedTranslationFile } from './parse-translation';
export { checkTranslation, codeSpans, fencedBlocks, translationStatus, untranslatedFragment } from './check-translation';
export {
  defaultTranslationsDir,
  loadTranslations,
  localeCounts,
  type LoadedTranslation,
  type LoadedTranslations,
  type LocaleCounts,
  type LoadTranslationsOptions,
} from './load-translations';
export { localizeQuestion } from './localize';
export { stampTranslations, withSourceHash, type StampResult } from './stamp';
export { translationFileText } from './write-translation';
export { exportLocalized, importTranslations, type TranslationImportResult } from './interchange';
