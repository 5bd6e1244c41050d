import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BankQuestion } from '../model';
import { displayPath } from '../parse/paths';
import { checkTranslation, translationStatus } from './check-translation';
import { isTranslationLocale, type QuestionTranslation, type TranslationLocale, type TranslationProblem, type TranslationStatus } from './model';
import { parseTranslationFile, type ParsedTranslationFile } from './parse-translation';

export interface LoadedTranslation extends QuestionTranslation {
  status: TranslationStatus;
}

export interface LoadTranslationsOptions {
  locale?: TranslationLocale;
}

export interface LoadedTranslations {
  /** Translations without errors, fresh or stale (the caller decides what stale means for it). */
  translations: LoadedTranslation[];
  /** Errors and stale notices, with file and line. */
  problems: TranslationProblem[];
  /** Translation files looked at. */
  files: number;
  /** Every parsed file, for tools that rewrite files (stamp). */
  parsed: { parsed: ParsedTranslationFile; english?: BankQuestion }[];
}

/** `translations/` beside the bank folder: libs/question-bank/translations for the shipped bank. */
export function defaultTranslationsDir(bankDir: string): string {
  return join(dirname(resolve(bankDir)), 'translations');
}

const entries = (dir: string): { name: string; dir: boolean }[] =>
  readdirSync(dir, { withFileTypes: true })
    .map((entry) => ({ name: entry.name, dir: entry.isDirectory() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/**
 * Reads `<dir>/<locale>/<topic>/<id>.md` and checks each file against its English question. A file
 * with an error is not loaded (it must not reach learners); a stale one is loaded with its status so
 * delivery can fall back to English. A missing translation is not a problem. A folder that does not
 * exist means no translations.
 */
export function loadTranslations(dir: string, english: readonly BankQuestion[], opts: LoadTranslationsOptions = {}): LoadedTranslations {
  const result: LoadedTranslations = { translations: [], problems: [], files: 0, parsed: [] };
  if (!existsSync(dir)) return result;
  const byId = new Map(english.map((question) => [question.id, question]));
  for (const localeEntry of entries(dir)) {
    if (localeEntry.name.startsWith('.')) continue;
    const localeDir = join(dir, localeEntry.name);
    if (!localeEntry.dir || !isTranslationLocale(localeEntry.name)) {
      result.problems.push({ file: displayPath(localeDir), message: `unknown translation locale "${localeEntry.name}"`, kind: 'error' });
      continue;
    }
    if (opts.locale !== undefined && localeEntry.name !== opts.locale) continue;
    const files: ParsedTranslationFile[] = [];
    for (const topicEntry of entries(localeDir)) {
      const topicDir = join(localeDir, topicEntry.name);
      if (!topicEntry.dir) {
        result.problems.push({ file: displayPath(topicDir), message: 'stray file: translations live in <locale>/<topic>/<id>.md', kind: 'error' });
        continue;
      }
      for (const fileEntry of entries(topicDir)) {
        const path = join(topicDir, fileEntry.name);
        if (fileEntry.dir || !fileEntry.name.endsWith('.md')) {
          result.problems.push({ file: displayPath(path), message: 'stray entry: translations are <id>.md files', kind: 'error' });
          continue;
        }
        files.push(parseTranslationFile(path));
      }
    }
    result.files += files.length;

    const seen = new Map<string, number>();
    for (const parsed of files) {
      const id = parsed.translation?.id ?? basename(parsed.absPath, '.md');
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    for (const parsed of files) {
      const problems = [...parsed.problems];
      const translation = parsed.translation;
      const question = translation ? byId.get(translation.id) : undefined;
      result.parsed.push({ parsed, ...(question ? { english: question } : {}) });
      if (translation && (seen.get(translation.id) ?? 0) > 1) {
        problems.push({ file: parsed.file, line: parsed.lineOf(['id']), message: `duplicate translation of ${translation.id} in ${localeEntry.name}`, kind: 'error' });
      }
      if (translation && !question) {
        problems.push({ file: parsed.file, line: parsed.lineOf(['id']), message: `no English question with id "${translation.id}" in the bank`, kind: 'error' });
      }
      if (translation && question) problems.push(...checkTranslation(parsed, question));
      result.problems.push(...problems);
      if (translation && question && !problems.some((problem) => problem.kind === 'error')) {
        result.translations.push({ ...translation, status: translationStatus(translation, question) });
      }
    }
  }
  return result;
}

export interface LocaleCounts {
  /** Loaded questions per locale; for a translation locale, fresh translations only. */
  locales: Record<string, number>;
  /** Translations loaded but made from an older English version (or never stamped). */
  stale: Record<string, number>;
}

/** `{"en": N, "zh-CN": M}` plus stale counts; translations of questions outside `english` are not counted. */
export function localeCounts(english: readonly BankQuestion[], translations: readonly LoadedTranslation[]): LocaleCounts {
  const ids = new Set(english.map((question) => question.id));
  const counts: LocaleCounts = { locales: { en: english.length, 'zh-CN': 0 }, stale: { 'zh-CN': 0 } };
  for (const translation of translations) {
    if (!ids.has(translation.id)) continue;
    const bucket = translation.status === 'fresh' ? counts.locales : counts.stale;
    bucket[translation.locale] = (bucket[translation.locale] ?? 0) + 1;
  }
  return counts;
}
