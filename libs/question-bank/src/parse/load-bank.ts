import type { BankProblem, LoadedBank } from '../model';
import { defaultBankDir } from './paths';
import { duplicateIdProblems, scanBank } from './scan-bank';

export interface LoadBankOptions {
  /** Include questions with `draft: true` (default false). */
  includeDrafts?: boolean;
  /** Only this topic folder. */
  topic?: string;
  /** Only this question id. */
  id?: string;
}

/**
 * Loads the bank (default: libs/question-bank/bank of this repository). A file with any problem is
 * left out and its problems are returned: a question that breaks the contract must never reach
 * learners, and the caller decides whether problems are fatal.
 */
export function loadBank(bankDir: string = defaultBankDir(), opts: LoadBankOptions = {}): LoadedBank {
  const scan = scanBank(bankDir, opts.topic !== undefined ? { topic: opts.topic } : {});
  const files = scan.topics.flatMap((topic) => topic.questionFiles);
  const problems: BankProblem[] = [...scan.problems, ...files.flatMap((file) => file.problems)];
  const duplicates = duplicateIdProblems(files);
  problems.push(...duplicates);
  const duplicateFiles = new Set(duplicates.map((problem) => problem.file));

  const questions = files
    .filter((file) => file.problems.length === 0 && !duplicateFiles.has(file.file))
    .flatMap((file) => (file.question ? [file.question] : []))
    .filter((question) => opts.includeDrafts === true || !question.draft)
    .filter((question) => opts.id === undefined || question.id === opts.id);
  const topics = scan.topics.flatMap((topic) => (topic.info ? [topic.info] : []));
  return { topics, questions, problems };
}
