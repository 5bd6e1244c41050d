import type { BankQuestion, TopicId } from '../model';
import { exportQuestions, importQuestions, type ExportResult, type InterchangeFormat, type InterchangeProblem } from '../interchange';
import type { LoadedTranslation } from './load-translations';
import { localizeQuestion } from './localize';
import type { QuestionTranslation, TranslationLocale } from './model';

/**
 * Exports questions in a translation's language: translated text, shared ids and keys. A question
 * without a fresh translation is exported in English and named in a warning, so a set's export is
 * complete even while its translation is not.
 */
export function exportLocalized(
  questions: readonly BankQuestion[],
  translations: readonly LoadedTranslation[],
  locale: TranslationLocale,
  format: InterchangeFormat,
): ExportResult {
  const byId = new Map(translations.filter((translation) => translation.locale === locale).map((translation) => [translation.id, translation]));
  const english: string[] = [];
  const localized = questions.map((question) => {
    const translation = byId.get(question.id);
    if (translation?.status !== 'fresh') {
      english.push(`${question.id}${translation ? ' (stale)' : ''}`);
      return question;
    }
    return localizeQuestion(question, translation);
  });
  const result = exportQuestions(localized, format, { locale });
  if (english.length > 0) {
    result.problems.unshift({
      file: '<export>',
      severity: 'warning',
      message: `${english.length} question(s) without a current ${locale} translation exported in English: ${english.join(', ')}`,
    });
  }
  return result;
}

export interface TranslationImportResult {
  translations: QuestionTranslation[];
  problems: InterchangeProblem[];
}

/**
 * Reads a GIFT / Moodle XML / JSON file written in a translation's language and maps each question
 * onto the English question with the same id (GIFT `[id:]`, Moodle `<idnumber>`, JSON `id`). Only
 * text is taken; keys, code and outputs stay the English ones. All or nothing: an unknown id or a
 * choice list that does not line up with the English options returns no translations.
 */
export function importTranslations(
  text: string,
  format: InterchangeFormat,
  locale: TranslationLocale,
  english: readonly BankQuestion[],
  opts: { sourceName?: string; topic?: TopicId } = {},
): TranslationImportResult {
  const file = opts.sourceName ?? `<${format}>`;
  const imported = importQuestions(text, format, { ...(opts.sourceName !== undefined ? { sourceName: opts.sourceName } : {}), ...(opts.topic !== undefined ? { topic: opts.topic } : {}) });
  // The importer's warnings are about authoring a new English question (references, defaults): not ours.
  const problems: InterchangeProblem[] = imported.problems.filter((problem) => problem.severity === 'error');
  if (problems.length > 0) return { translations: [], problems };
  const byId = new Map(english.map((question) => [question.id, question]));
  const error = (message: string): void => {
    problems.push({ file, message, severity: 'error' });
  };
  const translations: QuestionTranslation[] = [];
  const seen = new Set<string>();
  for (const question of imported.questions) {
    const source = byId.get(question.id);
    if (!source) {
      error(`question "${question.title}" (id ${question.id}) matches no English question; a translation import needs the ids of an export`);
      continue;
    }
    if (seen.has(source.id)) {
      error(`question ${source.id} appears twice`);
      continue;
    }
    seen.add(source.id);
    if (question.title === source.title && withoutProgram(question.prompt, source.code) === source.prompt) {
      // An export in a locale carries untranslated questions in English; they are not translations.
      problems.push({ file, message: `question ${source.id} is in English (not translated): skipped`, severity: 'warning' });
      continue;
    }
    const translation = toTranslation(question, source, locale, format === 'json', error);
    if (translation) translations.push(translation);
  }
  return problems.some((problem) => problem.severity === 'error') ? { translations: [], problems } : { translations, problems };
}

function toTranslation(
  imported: BankQuestion,
  source: BankQuestion,
  locale: TranslationLocale,
  keepsOptionIds: boolean,
  error: (message: string) => void,
): QuestionTranslation | undefined {
  const translation: QuestionTranslation = {
    id: source.id,
    locale,
    topic: source.topic,
    title: imported.title,
    prompt: withoutProgram(imported.prompt, source.code),
    explanation: imported.explanation,
    sourcePath: '',
  };
  const sourceOptions = source.options ?? [];
  if (sourceOptions.length > 0) {
    const options = imported.options ?? [];
    if (options.length !== sourceOptions.length) {
      error(`question ${source.id}: ${options.length} choice(s), the English has ${sourceOptions.length}`);
      return undefined;
    }
    // JSON keeps option ids; GIFT and Moodle XML keep only the order, which the exporter preserves.
    const byId = new Map(options.map((option) => [option.id, option]));
    translation.options = sourceOptions.map((option, index) => {
      const match = keepsOptionIds ? byId.get(option.id) : options[index];
      if (match === undefined) error(`question ${source.id}: no choice with id ${option.id}`);
      const feedback = option.feedback !== undefined ? match?.feedback : undefined;
      return { id: option.id, text: match?.text ?? '', ...(feedback !== undefined ? { feedback } : {}) };
    });
  }
  if (source.key.type === 'flashcard' && imported.key.type === 'flashcard') translation.answer = imported.key.answer;
  if (source.key.type === 'essay' && imported.key.type === 'essay' && imported.key.rubric.length === source.key.rubric.length && source.key.rubric.length > 0) {
    translation.rubric = [...imported.key.rubric];
  }
  if (source.key.type === 'short' && imported.key.type === 'short') {
    const english = new Set(source.key.accepted);
    const added = imported.key.accepted.filter((answer) => !english.has(answer));
    if (added.length > 0) translation.accepted = added;
  }
  if (source.unit !== undefined && imported.unit !== undefined && imported.unit !== source.unit) translation.unit = imported.unit;
  return translation;
}

/** The exporter appends the program to a code question's text; the translation's prompt does not repeat it. */
function withoutProgram(prompt: string, code: string | undefined): string {
  if (code === undefined) return prompt;
  const block = `\`\`\`go\n${code.replace(/\n*$/, '')}\n\`\`\``;
  const at = prompt.lastIndexOf(block);
  return at < 0 ? prompt : `${prompt.slice(0, at)}${prompt.slice(at + block.length)}`.trim();
}
