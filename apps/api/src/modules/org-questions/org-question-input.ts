import type { z } from 'zod';
import {
  checkConsistency,
  computeContentHash,
  linesOutsideProgram,
  questionFrontMatterSchema,
  QUESTION_TYPES,
  toAnswerKey,
  toBankQuestion,
  type BankQuestion,
  type QuestionFrontMatter,
} from '@goprep/question-bank';
import type { FieldError } from '../../common/errors/app-error';
import type { QuestionVerification } from '../questions/question.entities';

/** What a manager sends: the bank's front matter keys (snake_case, no id) plus the Markdown and the program. */
export type OrgQuestionInput = Record<string, unknown> & {
  prompt?: unknown;
  explanation?: unknown;
  answer?: unknown;
  code?: unknown;
};

const PREFIX = 'org-';
const SLUG_MAX = 60;
const TEXT_MAX = 20_000;
const CODE_TYPES = new Set(['code-output', 'code-lines']);
// The bank keeps these in files without a front matter key; only flashcards use `answer` as text.
const BODY_KEYS = ['prompt', 'explanation', 'code'] as const;

/** `org-` and a kebab slug of the title; never empty, always a valid bank id (3-80 chars). */
export function baseIdFromTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
  return `${PREFIX}${slug || 'question'}`;
}

/** The first id of `base`, `base-2`, `base-3`, ... that is not taken. */
export function firstFreeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const fieldOf = (path: readonly PropertyKey[]): string => path.filter((p) => typeof p !== 'symbol').map(String).join('.');

/** zod issues as the API's field errors, one per unknown key, with the contract's snake_case names. */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const fields: FieldError[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields.push({ field: fieldOf([...issue.path, key]), message: `unknown key \`${key}\`` });
    } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
      fields.push({ field, message: 'is required' });
    } else if (issue.code === 'invalid_union' && issue.discriminator !== undefined) {
      // zod 4 already ends the path with the discriminator; older versions did not.
      const path = issue.path[issue.path.length - 1] === issue.discriminator ? issue.path : [...issue.path, issue.discriminator];
      const at = fieldOf(path);
      fields.push({ field: at, message: `must be one of: ${at === 'type' ? QUESTION_TYPES.filter((type) => !ORG_EXCLUDED_TYPES.includes(type)).join(', ') : 'the documented kinds'}` });
    } else {
      fields.push({ field, message: issue.message });
    }
  }
  const seen = new Set<string>();
  return fields.filter((f) => {
    const key = `${f.field}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function requiredText(value: unknown, field: string, errors: FieldError[]): string {
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push({ field, message: 'is required' });
    return '';
  }
  if (value.length > TEXT_MAX) errors.push({ field, message: `must be at most ${TEXT_MAX} characters` });
  return value.trim();
}

/** Lines the key or a main.go check names must exist in the program: the bank's own rule. */
function lineRangeErrors(fm: QuestionFrontMatter, code: string | undefined): FieldError[] {
  if (code === undefined) return [];
  return linesOutsideProgram(fm, code).map(({ path, line, count }) => ({
    field: path.join('.'),
    message: `line ${line} is outside the program (${count} lines)`,
  }));
}

export type ValidatedQuestion =
  | { ok: true; question: BankQuestion; verification: QuestionVerification }
  | { ok: false; fields: FieldError[] };

/**
 * Validates a manager's question with the bank's own schema and rules (questionFrontMatterSchema,
 * checkConsistency, toAnswerKey) and builds the bank model with its content hash, exactly as the
 * bank loader would for a file. `id` is the server's, so the bank's file-naming rule (a topic
 * prefix such as `mm-`) does not apply; organization ids start with `org-` instead.
 */
/** Types an organization cannot author: code tasks (Go folders of starter, solution and tests). */
const ORG_EXCLUDED_TYPES: readonly string[] = ['code-task'];

export function validateOrgQuestion(input: OrgQuestionInput, id: string): ValidatedQuestion {
  const errors: FieldError[] = [];
  const body = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  if (body['type'] === 'code-task') {
    // A code task is a folder of Go files (starter, solution, tests) proven by bank verify.
    return { ok: false, fields: [{ field: 'type', message: 'code tasks are authored in the question bank, not as organization questions' }] };
  }
  const isFlashcard = body['type'] === 'flashcard';
  const prompt = requiredText(body['prompt'], 'prompt', errors);
  const explanation = requiredText(body['explanation'], 'explanation', errors);

  let code: string | undefined;
  if (typeof body['code'] === 'string' && body['code'].trim() !== '') {
    code = body['code'].replace(/\r\n/g, '\n');
    if (!code.endsWith('\n')) code += '\n';
    if (code.length > TEXT_MAX) errors.push({ field: 'code', message: `must be at most ${TEXT_MAX} characters` });
  } else if (CODE_TYPES.has(String(body['type']))) {
    errors.push({ field: 'code', message: `a ${String(body['type'])} question needs a Go program` });
  }

  const frontMatter: Record<string, unknown> = { ...body, id };
  for (const key of BODY_KEYS) delete frontMatter[key];
  if (isFlashcard) delete frontMatter['answer'];
  if (code !== undefined) frontMatter['code'] = true;

  const parsed = questionFrontMatterSchema.safeParse(frontMatter);
  if (!parsed.success) return { ok: false, fields: [...errors, ...issuesToFields(parsed.error.issues)] };
  const fm = parsed.data;
  for (const issue of checkConsistency(fm)) {
    if (issue.path.length === 1 && issue.path[0] === 'id') continue;
    errors.push({ field: fieldOf(issue.path), message: issue.message });
  }
  const flashcardAnswer = isFlashcard && typeof body['answer'] === 'string' ? body['answer'].trim() : undefined;
  const key = toAnswerKey(fm, flashcardAnswer);
  if (typeof key === 'string') {
    // single/multi problems are already reported against `options` by checkConsistency.
    if (!errors.some((e) => e.field === 'options')) errors.push({ field: isFlashcard ? 'answer' : 'options', message: key });
    return { ok: false, fields: errors };
  }
  const model = toBankQuestion(fm, key, {
    prompt,
    explanation,
    ...(flashcardAnswer !== undefined ? { answer: flashcardAnswer } : {}),
    ...(code !== undefined ? { code } : {}),
    sourcePath: `org:${id}`,
  });
  errors.push(...lineRangeErrors(fm, model.code));
  if (errors.length > 0) return { ok: false, fields: errors };
  return {
    ok: true,
    question: { ...model, contentHash: computeContentHash(model) },
    // Organization programs are never run on the server: code stays unverified until a verifier run passes.
    verification: code !== undefined ? 'unverified' : 'not-applicable',
  };
}

const VERIFY_KEYS: Record<string, string> = {
  exitCode: 'exit_code',
  timeoutSeconds: 'timeout_seconds',
  settleMs: 'settle_ms',
  stdoutAny: 'stdout_any',
  stdoutRegex: 'stdout_regex',
  stderrRegex: 'stderr_regex',
  notLines: 'not_lines',
};

/** The stored version back in the input shape, so a client can edit it and send it back. */
export function toInput(v: {
  title: string;
  topicId: string;
  subtopic: string;
  type: string;
  difficulty: number;
  tags: string[];
  goVersion: string;
  expectedSeconds: number;
  references: string[];
  prompt: string;
  explanation: string;
  code: string | null;
  options: Array<{ id: string; text: string; correct: boolean; feedback?: string }> | null;
  unit: string | null;
  answerKey: unknown;
  verify: unknown;
}): Record<string, unknown> {
  const key = v.answerKey as Record<string, unknown>;
  const byType: Record<string, unknown> = {};
  switch (key['type']) {
    case 'true-false':
      byType['answer'] = key['answer'];
      break;
    case 'short':
      byType['accepted'] = key['accepted'];
      byType['case_sensitive'] = key['caseSensitive'];
      if (key['pattern'] !== undefined) byType['pattern'] = key['pattern'];
      break;
    case 'numeric':
      byType['answer'] = key['answer'];
      byType['tolerance'] = key['tolerance'];
      if (v.unit !== null) byType['unit'] = v.unit;
      break;
    case 'code-output':
      byType['outputs'] = key['outputs'];
      break;
    case 'code-lines':
      byType['lines'] = key['lines'];
      break;
    case 'essay':
      byType['rubric'] = key['rubric'];
      break;
    case 'flashcard':
      byType['answer'] = key['answer'];
      break;
    case 'ordering': {
      // The options are stored in key order; the key names that order by id.
      const text = new Map((v.options ?? []).map((o) => [o.id, o.text]));
      byType['items'] = (key['order'] as string[]).map((id) => ({ id, text: text.get(id) ?? '' }));
      break;
    }
    case 'matching': {
      const options = (v.options ?? []) as Array<{ id: string; text: string; side?: 'left' | 'right' }>;
      const left = new Map(options.filter((o) => o.side === 'left').map((o) => [o.id, o.text]));
      const right = options.filter((o) => o.side === 'right');
      const rightText = new Map(right.map((o) => [o.id, o.text]));
      const pairs = key['pairs'] as Array<{ left: string; right: string }>;
      const used = new Set(pairs.map((pair) => pair.right));
      byType['pairs'] = pairs.map((pair) => ({ id: pair.left, text: left.get(pair.left) ?? '', match: rightText.get(pair.right) ?? '' }));
      const distractors = right.filter((o) => !used.has(o.id)).map((o) => o.text);
      if (distractors.length > 0) byType['distractors'] = distractors;
      break;
    }
  }
  const verify = Array.isArray(v.verify)
    ? (v.verify as Array<Record<string, unknown>>).map((check) =>
        Object.fromEntries(Object.entries(check).map(([name, value]) => [VERIFY_KEYS[name] ?? name, value])),
      )
    : [];
  return {
    title: v.title,
    topic: v.topicId,
    subtopic: v.subtopic,
    type: v.type,
    difficulty: v.difficulty,
    tags: v.tags,
    go_version: v.goVersion,
    expected_seconds: v.expectedSeconds,
    references: v.references,
    ...(v.options && key['type'] !== 'ordering' && key['type'] !== 'matching' ? { options: v.options } : {}),
    ...byType,
    ...(verify.length > 0 ? { verify } : {}),
    prompt: v.prompt,
    explanation: v.explanation,
    ...(v.code !== null ? { code: v.code } : {}),
  };
}

/**
 * A question read from GIFT or Moodle XML (the bank importer's model) in the input shape, with the
 * references the manager gave (the formats have none). Weighted short and numeric answers have no
 * field in the input shape yet: those come back as a reason instead of losing their partial credit.
 */
export function inputFromImport(q: BankQuestion, references: string[]): { input: OrgQuestionInput } | { unsupported: string } {
  const key = q.key as unknown as Record<string, unknown>;
  if (key['answers'] !== undefined) {
    return { unsupported: `${q.type} answers with partial credit cannot be organization questions yet; import it into the question bank instead` };
  }
  const input = toInput({
    title: q.title,
    topicId: q.topic,
    subtopic: q.subtopic,
    type: q.type,
    difficulty: q.difficulty,
    tags: q.tags,
    goVersion: q.goVersion,
    expectedSeconds: q.expectedSeconds,
    references,
    prompt: q.prompt,
    explanation: q.explanation,
    code: q.code ?? null,
    options: q.options ?? null,
    unit: q.unit ?? null,
    answerKey: q.key,
    verify: q.verify,
  });
  return { input: input as OrgQuestionInput };
}
