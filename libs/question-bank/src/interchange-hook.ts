import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BankProblem, BankQuestion } from './model';

/*
 * The CLI's only contact with src/interchange (written separately): the exports of its index.ts,
 * looked up at run time so this library builds and its CLI runs before that module exists.
 */

export type ExportFormat = 'json' | 'gift' | 'moodle-xml';
export type ImportFormat = 'json' | 'gift' | 'moodle-xml';

export interface InterchangeModule {
  exportQuestions?: (questions: BankQuestion[], format: ExportFormat) => unknown;
  importQuestions?: (text: string, format: ImportFormat, opts: Record<string, unknown>) => unknown;
  [name: string]: unknown;
}

export class InterchangeUnavailableError extends Error {
  override readonly name = 'InterchangeUnavailableError';
}

export function loadInterchange(): InterchangeModule {
  const candidates = [join(__dirname, 'interchange', 'index.ts'), join(__dirname, 'interchange', 'index.js')];
  const path = candidates.find((candidate) => existsSync(candidate));
  if (!path) throw new InterchangeUnavailableError('src/interchange/index.ts does not exist yet: import and export are not available');
  // A computed require keeps the type checker from demanding a module that may not exist yet.
  return require(path) as InterchangeModule;
}

/** What an export call produced: the text to print and any problems it reported. */
export function exportOutput(result: unknown): { text: string; problems: BankProblem[] } {
  if (typeof result === 'string') return { text: result, problems: [] };
  if (result !== null && typeof result === 'object') {
    const record = result as Record<string, unknown>;
    const text = [record['text'], record['output'], record['content']].find((value): value is string => typeof value === 'string');
    if (text !== undefined) return { text, problems: problemsOf(record) };
  }
  throw new Error('exportQuestions returned neither a string nor { text, problems }');
}

export function problemsOf(record: Record<string, unknown>): BankProblem[] {
  const problems = record['problems'];
  return Array.isArray(problems) ? (problems as BankProblem[]) : [];
}
