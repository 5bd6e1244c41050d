import { GRADABLE_TYPES, type GradableType } from './answer-key';
import { RESPONSE_LIMITS } from './limits';
import type { Response, ResponseOf } from './response';

export type ResponseValidation =
  | { ok: true; response: Response }
  | { ok: false; message: string };

type Fields = Record<string, unknown>;

/**
 * Tells whether an untrusted JSON value is a well-formed response for a question type, and
 * returns it typed. The `type` field may be omitted (the item already says which type it is) but
 * must match when present; unknown fields are refused so that typos in clients surface as 400s
 * instead of silently empty answers. It checks form only: whether an option id exists is the
 * grader's business (an unknown id is a wrong pick).
 */
export function validateResponse(type: GradableType | string, value: unknown): ResponseValidation {
  if (!isGradableType(type)) return fail(`unknown question type "${String(type)}"`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('a response must be a JSON object');
  }
  const fields = value as Fields;
  if ('type' in fields && fields['type'] !== type) {
    return fail(`response type "${String(fields['type'])}" does not match question type "${type}"`);
  }
  return VALIDATORS[type](fields);
}

function isGradableType(type: string): type is GradableType {
  return (GRADABLE_TYPES as readonly string[]).includes(type);
}

const VALIDATORS: { [T in GradableType]: (fields: Fields) => ResponseValidation } = {
  single: (f) =>
    only(f, ['choice']) ??
    choiceId(f['choice'], 'choice') ??
    ok<'single'>({ type: 'single', choice: f['choice'] as string }),
  multi: (f) => {
    const problem = only(f, ['choices']) ?? list(f['choices'], 'choices', RESPONSE_LIMITS.choices, choiceId);
    return problem ?? ok<'multi'>({ type: 'multi', choices: [...(f['choices'] as string[])] });
  },
  'true-false': (f) =>
    only(f, ['value']) ??
    (typeof f['value'] === 'boolean'
      ? ok<'true-false'>({ type: 'true-false', value: f['value'] })
      : fail('"value" must be true or false')),
  short: (f) =>
    only(f, ['text']) ??
    text(f['text'], RESPONSE_LIMITS.shortText) ??
    ok<'short'>({ type: 'short', text: f['text'] as string }),
  numeric: (f) =>
    only(f, ['value']) ??
    (typeof f['value'] === 'number' && Number.isFinite(f['value'])
      ? ok<'numeric'>({ type: 'numeric', value: f['value'] })
      : fail('"value" must be a finite number')),
  'code-output': (f) =>
    only(f, ['text']) ??
    text(f['text'], RESPONSE_LIMITS.codeOutputText) ??
    ok<'code-output'>({ type: 'code-output', text: f['text'] as string }),
  'code-lines': (f) => {
    const problem = only(f, ['lines']) ?? list(f['lines'], 'lines', RESPONSE_LIMITS.lines, lineNumber);
    return problem ?? ok<'code-lines'>({ type: 'code-lines', lines: [...(f['lines'] as number[])] });
  },
  essay: (f) =>
    only(f, ['text']) ??
    text(f['text'], RESPONSE_LIMITS.essayText) ??
    ok<'essay'>({ type: 'essay', text: f['text'] as string }),
  flashcard: (f) => {
    const problem = only(f, ['selfRating']);
    if (problem) return problem;
    const rating = f['selfRating'];
    if (rating === undefined) return ok<'flashcard'>({ type: 'flashcard' });
    if (rating === 1 || rating === 2 || rating === 3 || rating === 4) {
      return ok<'flashcard'>({ type: 'flashcard', selfRating: rating });
    }
    return fail('"selfRating" must be 1 (again), 2 (hard), 3 (good) or 4 (easy)');
  },
  'code-task': (f) => only(f, ['files']) ?? codeFiles(f['files']) ?? ok<'code-task'>({ type: 'code-task', files: { ...(f['files'] as Record<string, string>) } }),
  matching: (f) => only(f, ['pairs']) ?? matchingPairs(f['pairs']) ?? ok<'matching'>({ type: 'matching', pairs: copyPairs(f['pairs'] as Record<string, string>) }),
  ordering: (f) => {
    const problem = only(f, ['order']) ?? list(f['order'], 'order', RESPONSE_LIMITS.orderItems, choiceId) ?? distinct(f['order'] as string[], 'order');
    return problem ?? ok<'ordering'>({ type: 'ordering', order: [...(f['order'] as string[])] });
  },
};

/** Item ids are the same short slugs as option ids; anything else (e.g. `__proto__`) is refused. */
const ITEM_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function matchingPairs(value: unknown): ResponseValidation | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('"pairs" must be an object of left item id -> choice id');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > RESPONSE_LIMITS.matchingPairs) return fail(`"pairs" has more than ${RESPONSE_LIMITS.matchingPairs} entries`);
  for (const [left, right] of entries) {
    if (!ITEM_ID.test(left)) return fail(`"pairs" has an invalid item id "${left.slice(0, 80)}"`);
    if (typeof right !== 'string' || (right !== '' && !ITEM_ID.test(right))) {
      return fail(`"pairs.${left}" must be a choice id (or "" for no choice)`);
    }
  }
  return undefined;
}

function copyPairs(pairs: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [left, right] of Object.entries(pairs)) copy[left] = right;
  return copy;
}

function distinct(values: readonly string[], name: string): ResponseValidation | undefined {
  return new Set(values).size === values.length ? undefined : fail(`"${name}" lists an item more than once`);
}

/** Go file names a task can declare (no paths, no test files). */
const GO_FILE_NAME = /^[a-z0-9][a-z0-9_]*\.go$/;

function codeFiles(value: unknown): ResponseValidation | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('"files" must be an object of file name -> source');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > RESPONSE_LIMITS.codeTaskFiles) return fail(`"files" has more than ${RESPONSE_LIMITS.codeTaskFiles} entries`);
  for (const [name, source] of entries) {
    if (!GO_FILE_NAME.test(name) || name.endsWith('_test.go')) return fail(`"files" has an invalid file name "${name}"`);
    if (typeof source !== 'string') return fail(`"files.${name}" must be a string`);
    if (source.length > RESPONSE_LIMITS.codeTaskFileLength) {
      return fail(`"files.${name}" is longer than ${RESPONSE_LIMITS.codeTaskFileLength} characters`);
    }
  }
  return undefined;
}

function ok<T extends GradableType>(response: ResponseOf<T>): ResponseValidation {
  return { ok: true, response };
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

function only(fields: Fields, allowed: readonly string[]): ResponseValidation | undefined {
  const extra = Object.keys(fields).filter((name) => name !== 'type' && !allowed.includes(name));
  return extra.length > 0 ? fail(`unexpected field(s): ${extra.join(', ')}`) : undefined;
}

function choiceId(value: unknown, where: string): ResponseValidation | undefined {
  if (typeof value !== 'string' || value.length === 0) return fail(`"${where}" must be a non-empty string`);
  if (value.length > RESPONSE_LIMITS.choiceLength) {
    return fail(`"${where}" is longer than ${RESPONSE_LIMITS.choiceLength} characters`);
  }
  return undefined;
}

function lineNumber(value: unknown, where: string): ResponseValidation | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > RESPONSE_LIMITS.lineNumber) {
    return fail(`"${where}" must be a line number (an integer from 1)`);
  }
  return undefined;
}

function list(
  value: unknown,
  name: string,
  max: number,
  item: (value: unknown, where: string) => ResponseValidation | undefined,
): ResponseValidation | undefined {
  if (!Array.isArray(value)) return fail(`"${name}" must be an array`);
  if (value.length > max) return fail(`"${name}" has more than ${max} entries`);
  for (let i = 0; i < value.length; i += 1) {
    const problem = item(value[i], `${name}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}

function text(value: unknown, max: number): ResponseValidation | undefined {
  if (typeof value !== 'string') return fail('"text" must be a string');
  if (value.length > max) return fail(`"text" is longer than ${max} characters`);
  return undefined;
}
