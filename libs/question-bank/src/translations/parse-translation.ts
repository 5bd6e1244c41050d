import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { splitBody, type BodySections } from '../parse/body';
import { parseFrontMatter, splitFrontMatter, type PathElement } from '../parse/front-matter';
import { displayPath } from '../parse/paths';
import { describeIssues } from '../parse/zod-issues';
import { followUp, questionId } from '../schema/front-matter';
import { TRANSLATION_LOCALES, type QuestionTranslation, type TranslationProblem } from './model';

const text = z.string().trim().min(1, { error: 'must not be empty' });

/** The front matter of a translation file: text only; a key field (`correct`, `answer`, `outputs`...) is an unknown key. */
export const translationFrontMatterSchema = z.strictObject({
  id: questionId,
  locale: z.enum(TRANSLATION_LOCALES),
  source_hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: 'must be the 64-hex-digit contentHash of the English question' })
    .optional(),
  title: text.max(100),
  options: z.array(z.strictObject({ id: z.string().min(1), text, feedback: text.optional() })).min(1).optional(),
  accepted: z.array(text).min(1).optional(),
  unit: text.optional(),
  rubric: z.array(text).min(1).optional(),
  follow_ups: z.array(followUp).min(1).max(5).optional(),
});
export type TranslationFrontMatter = z.infer<typeof translationFrontMatterSchema>;

export interface ParsedTranslationFile {
  absPath: string;
  file: string;
  translation?: QuestionTranslation;
  sections?: BodySections;
  problems: TranslationProblem[];
  /** File line where the prompt starts. */
  bodyStartLine: number;
  lineOf(path: readonly PathElement[]): number;
}

/** Parses `translations/<locale>/<topic>/<id>.md`; the rules that need the English question are check-translation's. */
export function parseTranslationFile(absPath: string): ParsedTranslationFile {
  const file = displayPath(absPath);
  const result: ParsedTranslationFile = { absPath, file, problems: [], bodyStartLine: 1, lineOf: () => 1 };
  const error = (message: string, line?: number): void => {
    result.problems.push({ file, ...(line !== undefined ? { line } : {}), message, kind: 'error' });
  };
  const split = splitFrontMatter(readFileSync(absPath, 'utf8'));
  if ('error' in split) {
    error(split.error, split.line);
    return result;
  }
  result.bodyStartLine = split.bodyStartLine;
  const parsed = parseFrontMatter(split);
  result.lineOf = parsed.lineOf;
  if (parsed.errors.length > 0) {
    for (const problem of parsed.errors) error(problem.message, problem.line);
    return result;
  }
  const validated = translationFrontMatterSchema.safeParse(parsed.data ?? {});
  if (!validated.success) {
    for (const issue of describeIssues(validated.error.issues)) error(issue.message, parsed.lineOf(issue.path));
    return result;
  }
  const fm = validated.data;
  const locale = basename(dirname(dirname(absPath)));
  if (fm.locale !== locale) error(`locale "${fm.locale}" must equal its folder "${locale}"`, parsed.lineOf(['locale']));
  if (fm.id !== basename(absPath, '.md')) error(`id "${fm.id}" must equal the file name`, parsed.lineOf(['id']));

  // Whether an `## Answer` belongs here depends on the English type: checked against it later.
  const sections = splitBody(split.body, split.bodyStartLine, true);
  result.sections = sections;
  for (const problem of sections.problems) {
    if (problem.message.startsWith('a flashcard needs')) continue;
    error(problem.message, problem.line);
  }
  result.translation = {
    id: fm.id,
    locale: fm.locale,
    topic: basename(dirname(absPath)),
    ...(fm.source_hash !== undefined ? { sourceHash: fm.source_hash } : {}),
    title: fm.title.trim(),
    prompt: sections.prompt,
    explanation: sections.explanation ?? '',
    ...(sections.answer !== undefined ? { answer: sections.answer } : {}),
    ...(fm.options !== undefined
      ? { options: fm.options.map((option) => ({ id: option.id, text: option.text.trim(), ...(option.feedback !== undefined ? { feedback: option.feedback.trim() } : {}) })) }
      : {}),
    ...(fm.accepted !== undefined ? { accepted: fm.accepted.map((item) => item.trim()) } : {}),
    ...(fm.unit !== undefined ? { unit: fm.unit.trim() } : {}),
    ...(fm.rubric !== undefined ? { rubric: fm.rubric.map((item) => item.trim()) } : {}),
    ...(fm.follow_ups !== undefined ? { followUps: fm.follow_ups } : {}),
    sourcePath: file,
  };
  return result;
}
