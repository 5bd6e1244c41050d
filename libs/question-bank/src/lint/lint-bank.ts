import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unresolvedOptionReferences } from '@goprep/domain';
import type { BankProblem, BankQuestion } from '../model';
import { displayPath } from '../parse/paths';
import { duplicateIdProblems, scanBank, type BankScan } from '../parse/scan-bank';
import { defaultTranslationsDir, loadTranslations } from '../translations/load-translations';
import { lintCodeTask } from './code-task';
import { gofmtList } from './gofmt';
import { countSentences } from './sentences';

export const MIN_EXPLANATION_SENTENCES = 3;

/** `path:line: message`, the form editors and CI annotate. */
export function formatProblem(problem: BankProblem): string {
  return problem.line !== undefined ? `${problem.file}:${problem.line}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

const goFilesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.go'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();

export interface LintOptions {
  /** Translations folder (default: `translations/` beside the bank); one that does not exist means none. */
  translationsDir?: string;
  /** Report stale (or unstamped) translations without failing on them. */
  allowStale?: boolean;
}

export interface LintResult {
  /** Markdown and Go files looked at. */
  files: number;
  problems: BankProblem[];
  /** Stale translations let through by `allowStale` (reported, not failing). */
  stale: BankProblem[];
}

/** Lints the whole bank, drafts included: every rule of docs/question-format.md that needs no Go run. */
export async function lintBank(bankDir: string, opts: LintOptions = {}): Promise<LintResult> {
  const dir = resolve(bankDir);
  const scan = scanBank(dir);
  const files = scan.topics.flatMap((topic) => topic.questionFiles);
  const problems: BankProblem[] = [...scan.problems, ...files.flatMap((file) => file.problems), ...duplicateIdProblems(files)];

  for (const topic of scan.topics) {
    if (!topic.info) continue;
    const sentences = countSentences(topic.info.description);
    if (sentences < 2 || sentences > 4) {
      problems.push({ file: displayPath(join(topic.dir, '_topic.md')), message: `the topic description should be 2-4 sentences (found ${sentences})` });
    }
  }

  for (const parsed of files) {
    const { sections, frontMatter: fm } = parsed;
    if (sections?.explanation && sections.explanationLine !== undefined) {
      const sentences = countSentences(sections.explanation);
      if (sentences < MIN_EXPLANATION_SENTENCES) {
        problems.push({
          file: parsed.file,
          line: sections.explanationLine,
          message: `the explanation needs at least ${MIN_EXPLANATION_SENTENCES} sentences (found ${sentences})`,
        });
      }
    }
    if (!fm) continue;
    // Scaffolds are drafts full of TODO; publishing one unfinished must not slip through.
    const question = parsed.question;
    if (!fm.draft && question) {
      const texts = [question.title, question.prompt, question.explanation, question.key.type === 'flashcard' ? question.key.answer : ''];
      if (texts.some((text) => /\bTODO\b/.test(text))) {
        problems.push({ file: parsed.file, line: parsed.lineOf(['title']), message: 'TODO text left in a question that is not a draft' });
      }
    }
    if (question) {
      problems.push(
        ...optionReferenceProblems(question, question, parsed.file, {
          explanation: sections?.explanationLine,
          feedback: (index) => parsed.lineOf(['options', index, 'feedback']),
        }),
      );
    }
    problems.push(...lintCodeTask(parsed));
    const verify = 'verify' in fm ? (fm.verify ?? []) : [];
    verify.forEach((check, index) => {
      const target = join(parsed.programDir, check.file);
      if (check.file !== 'main.go' && !existsSync(target)) {
        problems.push({ file: parsed.file, line: parsed.lineOf(['verify', index, 'file']), message: `verify file ${displayPath(target)} does not exist` });
      }
      if (check.kind === 'race' && check.fixed) {
        const fixed = join(parsed.programDir, 'fixed', 'main.go');
        if (!existsSync(fixed)) {
          problems.push({ file: parsed.file, line: parsed.lineOf(['verify', index, 'fixed']), message: `race check with fixed: true needs ${displayPath(fixed)}` });
        }
      }
    });
  }

  const hasCode = files.some((parsed) => parsed.frontMatter !== undefined && 'code' in parsed.frontMatter && parsed.frontMatter.code === true);
  if (hasCode && !existsSync(join(dir, 'go.mod'))) {
    problems.push({ file: displayPath(dir), message: 'the bank has code questions but no go.mod: all programs belong to one Go module' });
  }
  problems.push(...strayProgramProblems(scan));
  const goFiles = scan.topics.flatMap((topic) => goFilesUnder(topic.dir));
  problems.push(...(await gofmtProblems(goFiles, dir)));

  // Translations are checked against every English question that parses (drafts too), once per id.
  const duplicateIds = new Set(duplicateIdProblems(files).map((problem) => problem.file));
  const english = files.filter((parsed) => !duplicateIds.has(parsed.file)).flatMap((parsed) => (parsed.question ? [parsed.question] : []));
  const translations = loadTranslations(opts.translationsDir ?? defaultTranslationsDir(dir), english);
  const stale: BankProblem[] = [];
  const englishById = new Map(english.map((question) => [question.id, question]));
  for (const translation of translations.translations) {
    const source = englishById.get(translation.id);
    if (source) problems.push(...optionReferenceProblems(source, translation, translation.sourcePath));
  }
  for (const { kind, ...problem } of translations.problems) {
    if (kind === 'stale' && opts.allowStale) stale.push(problem);
    else problems.push(problem);
  }

  const topicFiles = scan.topics.filter((topic) => existsSync(join(topic.dir, '_topic.md'))).length;
  return { files: files.length + topicFiles + goFiles.length + translations.files, problems, stale };
}

/**
 * A choice question's explanation and option feedback name options by id ("Option (b)", "选项 b");
 * delivery rewrites those to the letters the reader sees, so each must name an option that exists.
 */
function optionReferenceProblems(
  source: BankQuestion,
  text: { explanation: string; options?: { id: string; feedback?: string }[] },
  file: string,
  lines: { explanation?: number; feedback?: (index: number) => number | undefined } = {},
): BankProblem[] {
  if (source.key.type !== 'single' && source.key.type !== 'multi') return [];
  const ids = (source.options ?? []).map((option) => option.id);
  const problem = (where: string, missing: string[], line: number | undefined): BankProblem => ({
    file,
    ...(line !== undefined ? { line } : {}),
    message: `${where} names option${missing.length > 1 ? 's' : ''} ${missing.map((id) => `(${id})`).join(', ')}, which the question does not have (options: ${ids.join(', ')})`,
  });
  const problems: BankProblem[] = [];
  const inExplanation = unresolvedOptionReferences(text.explanation, ids);
  if (inExplanation.length > 0) problems.push(problem('the explanation', inExplanation, lines.explanation));
  (text.options ?? []).forEach((option, index) => {
    const missing = option.feedback ? unresolvedOptionReferences(option.feedback, ids) : [];
    if (missing.length > 0) problems.push(problem(`the feedback of option ${option.id}`, missing, lines.feedback?.(index)));
  });
  return problems;
}

/** Program folders and Go files that no question claims. */
function strayProgramProblems(scan: BankScan): BankProblem[] {
  const problems: BankProblem[] = [];
  for (const topic of scan.topics) {
    const claimed = new Map<string, boolean>();
    for (const parsed of topic.questionFiles) {
      const id = parsed.programDir.slice(topic.dir.length + 1);
      const fm = parsed.frontMatter;
      claimed.set(id, fm === undefined || ('code' in fm && fm.code === true) || fm.type === 'code-task');
    }
    for (const entry of readdirSync(topic.dir, { withFileTypes: true })) {
      const path = join(topic.dir, entry.name);
      if (entry.isFile() && entry.name.endsWith('.go')) {
        problems.push({ file: displayPath(path), message: 'stray Go file: programs live in <id>/main.go beside <id>.md' });
      }
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const hasGo = goFilesUnder(path).length > 0;
      const claim = claimed.get(entry.name);
      if (claim === undefined && hasGo) {
        problems.push({ file: displayPath(path), message: `stray program folder: no question ${entry.name}.md in ${displayPath(topic.dir)}` });
      } else if (claim === false && hasGo) {
        problems.push({ file: displayPath(path), message: `program folder for ${entry.name}.md, which does not declare \`code: true\` (or type code-task)` });
      }
    }
  }
  return problems;
}

async function gofmtProblems(goFiles: readonly string[], bankDir: string): Promise<BankProblem[]> {
  const result = await gofmtList(goFiles, bankDir);
  if (!result.available) return [{ file: displayPath(bankDir), message: result.message }];
  const problems: BankProblem[] = result.unformatted.map((file) => ({
    file: displayPath(join(bankDir, file)),
    message: 'not gofmt-clean (run gofmt -w on it)',
  }));
  for (const line of result.errors) {
    const match = /^(.*?\.go):(\d+)(?::\d+)?: (.*)$/.exec(line);
    if (match?.[1] && match[2] && match[3]) {
      const file = resolve(bankDir, match[1]);
      problems.push({ file: displayPath(file), line: Number(match[2]), message: `gofmt: ${match[3]}` });
    } else {
      problems.push({ file: displayPath(bankDir), message: `gofmt: ${line}` });
    }
  }
  return problems;
}
