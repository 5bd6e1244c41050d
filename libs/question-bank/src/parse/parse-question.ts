import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { QUESTION_TYPES, type BankProblem, type BankQuestion, type CodeTask, type TopicInfo } from '../model';
import { checkConsistency } from '../schema/consistency';
import { questionFrontMatterSchema, topicFrontMatterSchema, VERIFY_KINDS, type QuestionFrontMatter } from '../schema/front-matter';
import { toAnswerKey, toBankQuestion } from '../schema/to-model';
import { splitBody, type BodySections } from './body';
import { readCodeTask } from './code-task';
import { computeContentHash } from './content-hash';
import { parseFrontMatter, splitFrontMatter, type PathElement } from './front-matter';
import { displayPath } from './paths';
import { describeIssues } from './zod-issues';

/** Everything the parser learnt about one question file, including what the linter needs. */
export interface ParsedQuestionFile {
  absPath: string;
  file: string;
  question?: BankQuestion;
  frontMatter?: QuestionFrontMatter;
  sections?: BodySections;
  /** The program folder `<dir>/<id>/` (by the front matter id, else the file name). */
  programDir: string;
  problems: BankProblem[];
  lineOf(path: readonly PathElement[]): number;
}

/** Pre-checks the discriminators so a wrong `type` or `kind` gets a message listing the choices. */
function discriminatorProblems(data: unknown, lineOf: (path: readonly PathElement[]) => number, file: string): BankProblem[] {
  const problems: BankProblem[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return [{ file, line: lineOf([]), message: 'front matter must be a YAML mapping' }];
  }
  const record = data as Record<string, unknown>;
  if (!QUESTION_TYPES.includes(record['type'] as (typeof QUESTION_TYPES)[number])) {
    problems.push({
      file,
      line: lineOf(['type']),
      message: record['type'] === undefined ? 'missing required key `type`' : `\`type\` must be one of ${QUESTION_TYPES.join(', ')}`,
    });
  }
  const verify = record['verify'];
  if (Array.isArray(verify)) {
    verify.forEach((check: unknown, index) => {
      const kind = check !== null && typeof check === 'object' ? (check as Record<string, unknown>)['kind'] : undefined;
      if (!VERIFY_KINDS.includes(kind as (typeof VERIFY_KINDS)[number])) {
        problems.push({
          file,
          line: lineOf(['verify', index]),
          message: kind === undefined ? `missing required key \`verify[${index}].kind\`` : `\`verify[${index}].kind\` must be one of ${VERIFY_KINDS.join(', ')}`,
        });
      }
    });
  }
  return problems;
}

/** Parses `<topic>/<id>.md` (+ `<id>/main.go`) into a question; problems carry file and line. */
export function parseQuestionFile(absPath: string): ParsedQuestionFile {
  const file = displayPath(absPath);
  const fileId = basename(absPath, '.md');
  const result: ParsedQuestionFile = {
    absPath,
    file,
    programDir: join(dirname(absPath), fileId),
    problems: [],
    lineOf: () => 1,
  };
  const split = splitFrontMatter(readFileSync(absPath, 'utf8'));
  if ('error' in split) {
    result.problems.push({ file, line: split.line, message: split.error });
    return result;
  }
  const parsed = parseFrontMatter(split);
  result.lineOf = parsed.lineOf;
  if (parsed.errors.length > 0) {
    result.problems.push(...parsed.errors.map((error) => ({ file, ...error })));
    return result;
  }
  const early = discriminatorProblems(parsed.data, parsed.lineOf, file);
  if (early.length > 0) {
    result.problems.push(...early);
    return result;
  }
  const validated = questionFrontMatterSchema.safeParse(parsed.data);
  if (!validated.success) {
    for (const issue of describeIssues(validated.error.issues)) {
      result.problems.push({ file, line: parsed.lineOf(issue.path), message: issue.message });
    }
    return result;
  }
  const fm = validated.data;
  result.frontMatter = fm;
  result.programDir = join(dirname(absPath), fm.id);
  for (const issue of checkConsistency(fm)) {
    result.problems.push({ file, line: parsed.lineOf(issue.path), message: issue.message });
  }

  const sections = splitBody(split.body, split.bodyStartLine, fm.type === 'flashcard');
  result.sections = sections;
  result.problems.push(...sections.problems.map((problem) => ({ file, ...problem })));

  let code: string | undefined;
  if ('code' in fm && fm.code === true) {
    const mainGo = join(result.programDir, 'main.go');
    if (existsSync(mainGo)) {
      code = readFileSync(mainGo, 'utf8');
      result.problems.push(...lineRangeProblems(fm, code, file, parsed.lineOf));
    } else {
      result.problems.push({ file, line: parsed.lineOf(['code']), message: `code question without its program ${displayPath(mainGo)}` });
    }
  }

  let task: CodeTask | undefined;
  if (fm.type === 'code-task') {
    const read = readCodeTask(result.programDir, fm.task);
    result.problems.push(...read.problems.map((message) => ({ file, line: parsed.lineOf(['task']), message })));
    task = read.task;
  }

  const key = toAnswerKey(fm, sections.answer);
  if (typeof key === 'string') {
    // The consistency or body problems above already say why; nothing more to add.
    return result;
  }
  const question = toBankQuestion(fm, key, {
    prompt: sections.prompt,
    explanation: sections.explanation ?? '',
    ...(sections.answer !== undefined ? { answer: sections.answer } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(task !== undefined ? { task } : {}),
    sourcePath: file,
  });
  result.question = { ...question, contentHash: computeContentHash(question) };
  return result;
}

/** Lines named by the key and by main.go checks must exist in main.go. */
function lineRangeProblems(
  fm: QuestionFrontMatter,
  code: string,
  file: string,
  lineOf: (path: readonly PathElement[]) => number,
): BankProblem[] {
  return linesOutsideProgram(fm, code).map(({ path, line, count }) => ({
    file,
    line: lineOf(path),
    message: `line ${line} is outside main.go (${count} lines)`,
  }));
}

export interface LineOutsideProgram {
  /** Front-matter path of the offending entry, e.g. ['verify', 0, 'lines', 1]. */
  path: PathElement[];
  line: number;
  /** Lines in the program. */
  count: number;
}

/**
 * Lines that the key or a main.go check names but the program does not have: the rule behind
 * code-lines questions (the lines a learner clicks must be lines the tool points at).
 */
export function linesOutsideProgram(fm: QuestionFrontMatter, code: string): LineOutsideProgram[] {
  const count = code.replace(/\n$/, '').split('\n').length;
  const found: LineOutsideProgram[] = [];
  const check = (lines: readonly number[] | undefined, path: PathElement[]): void => {
    lines?.forEach((line, index) => {
      if (line > count) found.push({ path: [...path, index], line, count });
    });
  };
  if (fm.type === 'code-lines') check(fm.lines, ['lines']);
  const verify = 'verify' in fm ? (fm.verify ?? []) : [];
  verify.forEach((entry, index) => {
    if (entry.file !== 'main.go') return;
    if ('lines' in entry) check(entry.lines, ['verify', index, 'lines']);
    if (entry.kind === 'escape') check(entry.not_lines, ['verify', index, 'not_lines']);
  });
  return found;
}

export interface ParsedTopicFile {
  topic?: TopicInfo;
  problems: BankProblem[];
}

/** Parses a topic folder's `_topic.md` (front matter id, title, core; body: the description). */
export function parseTopicFile(absPath: string): ParsedTopicFile {
  const file = displayPath(absPath);
  const split = splitFrontMatter(readFileSync(absPath, 'utf8'));
  if ('error' in split) return { problems: [{ file, line: split.line, message: split.error }] };
  const parsed = parseFrontMatter(split);
  if (parsed.errors.length > 0) return { problems: parsed.errors.map((error) => ({ file, ...error })) };
  const validated = topicFrontMatterSchema.safeParse(parsed.data);
  if (!validated.success) {
    return {
      problems: describeIssues(validated.error.issues).map((issue) => ({ file, line: parsed.lineOf(issue.path), message: issue.message })),
    };
  }
  const description = split.body.trim();
  const problems: BankProblem[] = [];
  if (description === '') problems.push({ file, line: split.bodyStartLine, message: 'the topic description (body) is empty' });
  return {
    topic: { id: validated.data.id, title: validated.data.title, core: validated.data.core, description },
    problems,
  };
}
