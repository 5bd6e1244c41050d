import { QUESTION_TYPES as ALL_QUESTION_TYPES, TOPIC_IDS, type QuestionType, type TopicId } from '@goprep/domain';
import type { OrgQuestionInput } from '../api/create-org-question';

/** Code tasks are authored in the bank (a folder of Go files), not in this editor. */
export const QUESTION_TYPES: readonly QuestionType[] = ALL_QUESTION_TYPES.filter((type) => type !== 'code-task');
export { TOPIC_IDS };
export type { QuestionType, TopicId };

/** The checks a code-lines question can prove about its lines without extra fields. */
export const LINE_CHECKS = ['deadlock', 'race', 'leak', 'escape'] as const;
export type LineCheck = (typeof LINE_CHECKS)[number];

export type OptionState = { text: string; correct: boolean; feedback: string };
/** An ordering item or a matching pair keeps its id, so an unchanged edit stays the same version. */
export type OrderItemState = { id: string; text: string };
export type PairState = { id: string; left: string; right: string };

/** The bank's bounds (libs/question-bank front matter): ordering 3-12 items, matching 2-12 pairs and up to 6 distractors. */
export const ORDER_ITEMS = { min: 3, max: 12 } as const;
export const MATCH_PAIRS = { min: 2, max: 12 } as const;
export const MAX_DISTRACTORS = 6;

/** Everything the editor holds, as strings where the user types (converted on submit). */
export type FormState = {
  title: string;
  type: QuestionType;
  topic: TopicId;
  subtopic: string;
  difficulty: string;
  tags: string;
  goVersion: string;
  expectedSeconds: string;
  references: string;
  prompt: string;
  explanation: string;
  options: OptionState[];
  trueFalse: boolean;
  accepted: string;
  caseSensitive: boolean;
  pattern: string;
  numericAnswer: string;
  tolerance: string;
  unit: string;
  code: string;
  outputs: string[];
  lines: number[];
  lineCheck: LineCheck;
  rubric: string;
  cardAnswer: string;
  /** Ordering: the items in the correct order (candidates get them shuffled). */
  orderItems: OrderItemState[];
  /** Matching: left-hand items with the right-hand text each pairs with. */
  pairs: PairState[];
  /** Matching: right-hand texts that pair with nothing. */
  distractors: string[];
  /** Checks of a program the editor does not manage (kept as they were, e.g. from the API). */
  extraVerify: Array<Record<string, unknown>>;
  /** A choice, short or numeric question that came with a program (authored through the API): kept as is. */
  keepProgram: boolean;
};

export const CODE_TYPES: readonly QuestionType[] = ['code-output', 'code-lines'];

export function emptyForm(): FormState {
  return {
    title: '',
    type: 'single',
    topic: 'channels',
    subtopic: '',
    difficulty: '2',
    tags: '',
    goVersion: '1.26',
    expectedSeconds: '60',
    references: '',
    prompt: '',
    explanation: '',
    options: [
      { text: '', correct: true, feedback: '' },
      { text: '', correct: false, feedback: '' },
    ],
    trueFalse: true,
    accepted: '',
    caseSensitive: false,
    pattern: '',
    numericAnswer: '',
    tolerance: '0',
    unit: '',
    code: 'package main\n\nfunc main() {\n}\n',
    outputs: [''],
    lines: [],
    lineCheck: 'deadlock',
    rubric: '',
    cardAnswer: '',
    orderItems: [
      { id: 'a', text: '' },
      { id: 'b', text: '' },
      { id: 'c', text: '' },
    ],
    pairs: [
      { id: 'a', left: '', right: '' },
      { id: 'b', left: '', right: '' },
    ],
    distractors: [],
    extraVerify: [],
    keepProgram: false,
  };
}

const list = (text: string, separator: RegExp): string[] =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

const optionId = (index: number) => String.fromCharCode(97 + index);

/** The first of a, b, c, ... (then i27, i28, ...) that no row uses: ids must stay unique and never look like m1 (a right-hand choice). */
export function freeId(taken: ReadonlyArray<{ id: string }>): string {
  const used = new Set(taken.map((row) => row.id));
  for (let i = 0; ; i++) {
    const id = i < 26 ? optionId(i) : `i${i + 1}`;
    if (!used.has(id)) return id;
  }
}

/** The list with the row at `from` moved to `to` (both in range). */
export function moveRow<T>(rows: readonly T[], from: number, to: number): T[] {
  const next = [...rows];
  const [row] = next.splice(from, 1);
  next.splice(to, 0, row as T);
  return next;
}

/** A number field: the typed number, or the raw text so the API names the field as invalid. */
const numberOrText = (text: string): number => {
  const trimmed = text.trim();
  return (trimmed === '' || Number.isNaN(Number(trimmed)) ? trimmed : Number(trimmed)) as number;
};

/** Outputs are stdout exactly, final newline included; the editor shows them without it. */
const withNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);
const withoutNewline = (s: string) => (s.endsWith('\n') ? s.slice(0, -1) : s);

/** The request body for the API: the bank's front matter keys for the chosen type only. */
export function toInput(form: FormState): OrgQuestionInput {
  const body: OrgQuestionInput = {
    title: form.title.trim(),
    type: form.type,
    topic: form.topic,
    subtopic: form.subtopic.trim(),
    difficulty: numberOrText(form.difficulty),
    tags: list(form.tags, /[,\s]+/),
    go_version: form.goVersion.trim(),
    expected_seconds: numberOrText(form.expectedSeconds),
    references: list(form.references, /\s+/),
    prompt: form.prompt,
    explanation: form.explanation,
  };
  switch (form.type) {
    case 'single':
    case 'multi':
      body.options = form.options.map((o, i) => ({
        id: optionId(i),
        text: o.text.trim(),
        correct: o.correct,
        ...(o.feedback.trim() ? { feedback: o.feedback.trim() } : {}),
      }));
      break;
    case 'true-false':
      body.answer = form.trueFalse;
      break;
    case 'short':
      body.accepted = list(form.accepted, /\n/);
      body.case_sensitive = form.caseSensitive;
      if (form.pattern.trim()) body.pattern = form.pattern.trim();
      break;
    case 'numeric':
      body.answer = numberOrText(form.numericAnswer);
      body.tolerance = numberOrText(form.tolerance || '0');
      if (form.unit.trim()) body.unit = form.unit.trim();
      break;
    case 'code-output': {
      const outputs = form.outputs.filter((o) => o !== '').map(withNewline);
      body.code = form.code;
      body.outputs = outputs;
      // Several possible outputs need many runs to be checked (the bank's rule: >= 20).
      body.verify = [{ kind: 'output', ...(outputs.length > 1 ? { runs: 20 } : {}) }, ...form.extraVerify];
      break;
    }
    case 'code-lines':
      body.code = form.code;
      body.lines = [...form.lines].sort((a, b) => a - b);
      body.verify = [{ kind: form.lineCheck, lines: body.lines }, ...form.extraVerify];
      break;
    case 'essay':
      body.rubric = list(form.rubric, /\n/);
      break;
    case 'flashcard':
      body.answer = form.cardAnswer;
      break;
    case 'ordering':
      body.items = form.orderItems.map((item) => ({ id: item.id, text: item.text.trim() }));
      break;
    case 'matching': {
      body.pairs = form.pairs.map((pair) => ({ id: pair.id, text: pair.left.trim(), match: pair.right.trim() }));
      const distractors = form.distractors.map((d) => d.trim()).filter(Boolean);
      if (distractors.length > 0) body.distractors = distractors;
      break;
    }
  }
  if (form.keepProgram && !CODE_TYPES.includes(form.type)) {
    body.code = form.code;
    body.verify = form.extraVerify;
  }
  return body;
}

const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The editor state of a stored question (the API's `source`, in the input shape). */
export function fromSource(source: OrgQuestionInput): FormState {
  const base = emptyForm();
  const verify = (source.verify ?? []) as Array<Record<string, unknown>>;
  const form: FormState = {
    ...base,
    title: source.title,
    type: source.type,
    topic: source.topic,
    subtopic: source.subtopic,
    difficulty: String(source.difficulty),
    tags: source.tags.join(', '),
    goVersion: source.go_version,
    expectedSeconds: String(source.expected_seconds),
    references: source.references.join('\n'),
    prompt: source.prompt,
    explanation: source.explanation,
    code: source.code ?? base.code,
  };
  switch (source.type) {
    case 'single':
    case 'multi':
      form.options = (source.options ?? []).map((o) => ({ text: o.text, correct: o.correct, feedback: o.feedback ?? '' }));
      break;
    case 'true-false':
      form.trueFalse = source.answer === true;
      break;
    case 'short':
      form.accepted = asStrings(source.accepted).join('\n');
      form.caseSensitive = source.case_sensitive === true;
      form.pattern = source.pattern ?? '';
      break;
    case 'numeric':
      form.numericAnswer = String(source.answer ?? '');
      form.tolerance = String(source.tolerance ?? 0);
      form.unit = source.unit ?? '';
      break;
    case 'code-output': {
      form.outputs = asStrings(source.outputs).map(withoutNewline);
      if (form.outputs.length === 0) form.outputs = [''];
      const [first, ...rest] = verify;
      form.extraVerify = first?.['kind'] === 'output' ? rest : verify;
      break;
    }
    case 'code-lines': {
      form.lines = (source.lines ?? []).map(Number);
      const [first, ...rest] = verify;
      if (first && (LINE_CHECKS as readonly unknown[]).includes(first['kind'])) {
        form.lineCheck = first['kind'] as LineCheck;
        form.extraVerify = rest;
      } else {
        form.extraVerify = verify;
      }
      break;
    }
    case 'essay':
      form.rubric = asStrings(source.rubric).join('\n');
      break;
    case 'flashcard':
      form.cardAnswer = typeof source.answer === 'string' ? source.answer : '';
      break;
    case 'ordering':
      form.orderItems = (source.items ?? []).map((item) => ({ id: item.id, text: item.text }));
      break;
    case 'matching':
      form.pairs = (source.pairs ?? []).map((pair) => ({ id: pair.id, left: pair.text, right: pair.match }));
      form.distractors = asStrings(source.distractors);
      break;
  }
  if (!CODE_TYPES.includes(source.type) && source.code !== undefined) {
    form.keepProgram = true;
    form.extraVerify = verify;
  }
  return form;
}

/** Server field errors (`options.1.text`) grouped by the form control that should show them. */
export type FieldErrors = Array<{ field: string; message: string }>;

export function errorsFor(errors: FieldErrors, ...prefixes: string[]): string | undefined {
  const messages = errors
    .filter((e) => prefixes.some((p) => e.field === p || e.field.startsWith(`${p}.`)))
    .map((e) => e.message);
  return messages.length > 0 ? [...new Set(messages)].join(' · ') : undefined;
}
