/**
 * Import and export of questions: GIFT and Moodle XML (Moodle's formats) and goprep's own
 * lossless JSON. A file-level error (malformed XML, ...) imports nothing. Otherwise each question
 * is imported, adapted (imported with a reported change), skipped (not expressible in goprep) or
 * refused (malformed, with its line); the rest of the file is imported unless `strict`, which
 * imports nothing as soon as one question was not imported exactly as written.
 */
import type { BankQuestion, TopicId } from '../model';
import { fromBank, FORMAT_LABEL } from './from-bank';
import type { ForeignQuestion } from './foreign';
import { readGift } from './gift/read-gift';
import { writeGift } from './gift/write-gift';
import { readJson, writeJson } from './json-format';
import { readMoodleXml } from './moodle-xml/read-xml';
import { writeMoodleXml } from './moodle-xml/write-xml';
import { ProblemList, type InterchangeProblem } from './problems';
import { toBank } from './to-bank';

export type InterchangeFormat = 'json' | 'gift' | 'moodle-xml';
export const INTERCHANGE_FORMATS: readonly InterchangeFormat[] = ['json', 'gift', 'moodle-xml'];

export interface ImportOptions {
  /**
   * Topic for every imported GIFT / Moodle XML question; without it the category must name one.
   * JSON is goprep's own lossless format, so its questions keep their topic and this is ignored.
   */
  topic?: TopicId;
  /** Shown as `file` in problems (e.g. the path given to the CLI). */
  sourceName?: string;
  /** Import nothing if any question is refused, skipped or adapted. */
  strict?: boolean;
}

export interface ExportResult {
  text: string;
  problems: InterchangeProblem[];
}

export interface ImportResult {
  questions: BankQuestion[];
  problems: InterchangeProblem[];
  /** Counts for the import report; `questions.length` is what was imported. */
  report: ImportReport;
}

export interface ImportReport {
  /** Questions refused as malformed, skipped as not expressible, and imported with adaptations. */
  refused: number;
  skipped: number;
  adapted: number;
  /** Why nothing was imported, when nothing was: a file-level error or strict mode. */
  rejectedWhole?: 'file-error' | 'strict';
}

export { hasErrors, type InterchangeProblem, type ProblemEffect } from './problems';
export { toQuestionFiles, type QuestionFiles } from './question-files';
export { IMPORT_DEFAULTS } from './to-bank';
export { JSON_FORMAT_NAME, JSON_FORMAT_VERSION } from './json-format';

const LOST_FIELDS = 'difficulty, go_version, expected_seconds, references, verify checks, follow-ups and the draft flag';

export interface ExportOptions {
  /** The language the questions' text is in (recorded in the file); English when absent. */
  locale?: string;
}

export function exportQuestions(questions: BankQuestion[], format: InterchangeFormat, opts: ExportOptions = {}): ExportResult {
  const problems = new ProblemList('<export>');
  if (format === 'json') return { text: writeJson(questions, opts.locale), problems: problems.items };

  const foreign: ForeignQuestion[] = [];
  for (const question of questions) {
    const mapped = fromBank(question, format, problems);
    if (mapped) foreign.push(mapped);
  }
  const label = FORMAT_LABEL[format];
  if (questions.length > 0) {
    const kept = format === 'gift' ? 'ids and tags as [id:] [tag:] comments' : 'ids as <idnumber> and tags as <tags>';
    problems.warning(`${label} cannot express ${LOST_FIELDS}: they are written as comments and lost on import (${kept} are read back)`);
  }
  const header = [`goprep export: ${foreign.length} of ${questions.length} questions${opts.locale !== undefined ? ` (${opts.locale})` : ''}`];
  const text = format === 'gift' ? writeGift(foreign, header) : writeMoodleXml(foreign, header);
  return { text, problems: sortProblems(problems.items) };
}

export function importQuestions(text: string, format: InterchangeFormat, opts: ImportOptions = {}): ImportResult {
  const problems = new ProblemList(opts.sourceName ?? `<${format}>`);
  let questions: BankQuestion[];
  if (format === 'json') {
    questions = readJson(text, problems);
  } else {
    const foreign = format === 'gift' ? readGift(text, problems) : readMoodleXml(text, problems);
    const context = { ...(opts.topic !== undefined ? { topic: opts.topic } : {}), taken: new Set<string>(), problems };
    questions = [];
    for (const question of foreign) {
      const mapped = toBank(question, context);
      if (mapped) questions.push(mapped);
    }
  }
  const sorted = sortProblems(problems.items);
  const report = reportOf(problems.items);
  // JSON is goprep's own lossless format: any error in it is an error in the file.
  if (problems.hasFileErrors || (format === 'json' && problems.hasErrors)) {
    return { questions: [], problems: sorted, report: { ...report, rejectedWhole: 'file-error' } };
  }
  if (opts.strict && (report.refused > 0 || report.skipped > 0 || report.adapted > 0)) {
    return { questions: [], problems: sorted, report: { ...report, rejectedWhole: 'strict' } };
  }
  return { questions, problems: sorted, report };
}

/** Questions per effect, each question once; an adapted question that was then refused or skipped is not "adapted". */
function reportOf(problems: readonly InterchangeProblem[]): ImportReport {
  const questions = (effect: InterchangeProblem['effect']): Set<string> =>
    new Set(problems.filter((problem) => problem.effect === effect).map((problem) => `${problem.file}:${problem.question ?? problem.line ?? ''}`));
  const refused = questions('refused');
  const skipped = questions('skipped');
  const adapted = [...questions('adapted')].filter((question) => !refused.has(question) && !skipped.has(question));
  return { refused: refused.size, skipped: skipped.size, adapted: adapted.length };
}

/** Errors first, then by line, so the CLI shows what blocks an import before the to-do list. */
function sortProblems(problems: InterchangeProblem[]): InterchangeProblem[] {
  return [...problems].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || (a.line ?? 0) - (b.line ?? 0),
  );
}
