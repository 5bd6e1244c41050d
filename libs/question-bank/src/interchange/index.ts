/**
 * Import and export of questions: GIFT and Moodle XML (Moodle's formats) and goprep's own
 * lossless JSON. Imports are all-or-nothing: any error returns no questions and every problem
 * found; warnings report what was approximated or what the author still has to add.
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
}

export interface ExportResult {
  text: string;
  problems: InterchangeProblem[];
}

export interface ImportResult {
  questions: BankQuestion[];
  problems: InterchangeProblem[];
}

export { hasErrors, type InterchangeProblem } from './problems';
export { toQuestionFiles, type QuestionFiles } from './question-files';
export { IMPORT_DEFAULTS } from './to-bank';
export { JSON_FORMAT_NAME, JSON_FORMAT_VERSION } from './json-format';

const LOST_FIELDS = 'difficulty, go_version, expected_seconds, references, verify checks and the draft flag';

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
  return problems.hasErrors ? { questions: [], problems: sorted } : { questions, problems: sorted };
}

/** Errors first, then by line, so the CLI shows what blocks an import before the to-do list. */
function sortProblems(problems: InterchangeProblem[]): InterchangeProblem[] {
  return [...problems].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || (a.line ?? 0) - (b.line ?? 0),
  );
}
