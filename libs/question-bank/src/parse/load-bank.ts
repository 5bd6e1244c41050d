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
 * Loads the bank (default: libs/question-bank/bank of this repository). A file whose front matter,
 * body, key or program breaks the contract is left out and its problems are returned: it must never
 * reach learners, and the caller decides whether problems are fatal. Rules that need the whole bank
 * or a tool (explanation length, gofmt, verify files) are the linter's and do not block loading.
 */
export function loadBank(bankDir: string = defaultBankDir(), opts: LoadBankOptions = {}): LoadedBank {
  const scan = scanBank(bankDir, opts.topic !== undefined ? { topic: opts.topic } : {});
  const files = scan.topics.flatMap((topic) => topic.questionFiles);
  const problems: BankProblem[] = [...scan.problems, ...files.flatMap((file) => file.problems)];
  const duplicates = duplicateIdProblems(files);
  problems.push(...duplicates);
  // Neither copy of a duplicate id is loaded: which one is "the" question is unknowable.
  const duplicateIds = new Set(files.filter((file) => duplicates.some((problem) => problem.file === file.file)).map((file) => file.frontMatter?.id));

  const questions = files
    .filter((file) => file.problems.length === 0 && !duplicateIds.has(file.frontMatter?.id))
    .flatMap((file) => (file.question ? [file.question] : []))
    .filter((question) => opts.includeDrafts === true || !question.draft)
    .filter((question) => opts.id === undefined || question.id === opts.id);
  const topics = scan.topics.flatMap((topic) => (topic.info ? [topic.info] : []));
  return { topics, questions, problems };
}
