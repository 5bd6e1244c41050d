import { createHash } from 'node:crypto';
import type { BankQuestion } from '../model';

/** JSON with object keys sorted at every level, so equal content always serialises the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/**
 * Hashes what a learner or grader sees and what verify proves. `draft` and `sourcePath` are left
 * out: publishing a draft or moving a file is not a new version of the question.
 */
export function computeContentHash(question: Omit<BankQuestion, 'contentHash'>): string {
  const { sourcePath: _sourcePath, draft: _draft, code, ...rest } = question;
  const hash = createHash('sha256');
  hash.update(canonicalJson(rest));
  hash.update('\n--- main.go ---\n');
  hash.update(code ?? '');
  return hash.digest('hex');
}
