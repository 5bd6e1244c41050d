import { QUESTION_TYPES, TOPIC_IDS, type BankQuestion } from '../model';
import { isKebab } from './ids';
import { jsonErrorOffset } from './json-error-offset';
import type { ProblemList } from './problems';

export const JSON_FORMAT_NAME = 'goprep-questions';
export const JSON_FORMAT_VERSION = 1;

/** The lossless format: the bank model as it is, under a version so later readers can migrate. */
export function writeJson(questions: readonly BankQuestion[], locale?: string): string {
  return `${JSON.stringify({ format: JSON_FORMAT_NAME, version: JSON_FORMAT_VERSION, ...(locale !== undefined ? { locale } : {}), questions }, null, 2)}\n`;
}

export function readJson(source: string, problems: ProblemList): BankQuestion[] {
  const text = source.replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.error(`malformed JSON: ${message}`, jsonErrorLine(text));
    return [];
  }
  if (!isRecord(doc) || !Array.isArray(doc['questions'])) {
    problems.error(`expected an object {"format": "${JSON_FORMAT_NAME}", "version": ${JSON_FORMAT_VERSION}, "questions": [...]}`, 1);
    return [];
  }
  if (doc['version'] !== JSON_FORMAT_VERSION) {
    problems.error(`unsupported version ${JSON.stringify(doc['version'])}: this reader understands version ${JSON_FORMAT_VERSION}`, lineOf(source, '"version"'));
    return [];
  }
  const seen = new Set<string>();
  const questions: BankQuestion[] = [];
  doc['questions'].forEach((value: unknown, index: number) => {
    const messages = checkQuestion(value);
    const id = isRecord(value) && typeof value['id'] === 'string' ? value['id'] : undefined;
    const line = id !== undefined ? lineOf(source, `"id": ${JSON.stringify(id)}`) : undefined;
    if (id !== undefined && seen.has(id)) messages.push(`duplicate id "${id}"`);
    if (id !== undefined) seen.add(id);
    for (const message of messages) problems.error(`questions[${index}]: ${message}`, line);
    if (messages.length === 0) questions.push(structuredClone(value) as BankQuestion);
  });
  return questions;
}

/** Shape checks only; content rules (references, explanation length, ...) are the linter's job. */
function checkQuestion(value: unknown): string[] {
  if (!isRecord(value)) return ['must be an object'];
  const messages: string[] = [];
  const need = (name: string, ok: (v: unknown) => boolean, what: string): void => {
    if (!ok(value[name])) messages.push(`"${name}" must be ${what}`);
  };
  const isString = (v: unknown): boolean => typeof v === 'string';
  const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every(isString);
  need('id', (v) => typeof v === 'string' && isKebab(v) && v.length >= 3 && v.length <= 80, 'a kebab-case id of 3-80 characters');
  need('title', isString, 'a string');
  need('topic', (v) => (TOPIC_IDS as readonly unknown[]).includes(v), `one of ${TOPIC_IDS.join(', ')}`);
  need('subtopic', (v) => typeof v === 'string' && isKebab(v), 'kebab-case');
  need('type', (v) => (QUESTION_TYPES as readonly unknown[]).includes(v), `one of ${QUESTION_TYPES.join(', ')}`);
  need('difficulty', (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5, 'an integer 1-5');
  need('tags', isStringList, 'a list of strings');
  need('goVersion', isString, 'a string');
  need('expectedSeconds', (v) => typeof v === 'number' && Number.isFinite(v), 'a number');
  need('references', isStringList, 'a list of strings');
  need('prompt', isString, 'a string');
  need('explanation', isString, 'a string');
  need('verify', Array.isArray, 'a list');
  need('draft', (v) => typeof v === 'boolean', 'true or false');
  need('contentHash', isString, 'a string');
  need('sourcePath', isString, 'a string');
  need('key', (v) => isRecord(v) && v['type'] === value['type'], 'an answer key of the question\'s type');
  if (value['options'] !== undefined) {
    need(
      'options',
      (v) => Array.isArray(v) && v.every((o) => isRecord(o) && isString(o['id']) && isString(o['text']) && typeof o['correct'] === 'boolean'),
      'a list of {id, text, correct}',
    );
  }
  return messages;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonErrorLine(source: string): number | undefined {
  const offset = jsonErrorOffset(source);
  return offset === undefined ? undefined : source.slice(0, offset).split('\n').length;
}

function lineOf(source: string, needle: string): number | undefined {
  const index = source.indexOf(needle);
  return index < 0 ? undefined : source.slice(0, index).split('\n').length;
}
