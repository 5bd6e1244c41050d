import { readFileSync, writeFileSync } from 'node:fs';
import type { BankQuestion } from '../model';
import type { LoadedTranslations } from './load-translations';

export interface StampResult {
  file: string;
  id: string;
  action: 'stamped' | 'refreshed' | 'unchanged' | 'skipped';
  /** Why a file was skipped. */
  reason?: string;
}

/**
 * Writes `source_hash: <English contentHash>` into the front matter of translations that lack one
 * (with `force`, also replaces an outdated one): the translator's statement "this text matches the
 * current English". Only the one line changes; the rest of the file is left byte for byte.
 */
export function stampTranslations(loaded: LoadedTranslations, opts: { force?: boolean } = {}): StampResult[] {
  const results: StampResult[] = [];
  for (const { parsed, english } of loaded.parsed) {
    const id = parsed.translation?.id ?? parsed.file;
    if (!parsed.translation || !english) {
      results.push({ file: parsed.file, id, action: 'skipped', reason: parsed.translation ? 'no English question with this id' : 'the file does not parse' });
      continue;
    }
    const current = parsed.translation.sourceHash;
    if (current === english.contentHash) {
      results.push({ file: parsed.file, id, action: 'unchanged' });
      continue;
    }
    if (current !== undefined && !opts.force) {
      results.push({ file: parsed.file, id, action: 'skipped', reason: 'stale: review it against the English, then stamp with --force' });
      continue;
    }
    writeFileSync(parsed.absPath, withSourceHash(readFileSync(parsed.absPath, 'utf8'), english));
    results.push({ file: parsed.file, id, action: current === undefined ? 'stamped' : 'refreshed' });
  }
  return results;
}

/** The file text with its `source_hash` line set to the question's hash (inserted after `locale:` when missing). */
export function withSourceHash(text: string, english: Pick<BankQuestion, 'contentHash'>): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const end = lines.findIndex((line, index) => index > 0 && (line.trimEnd() === '---' || line.trimEnd() === '...'));
  const frontMatter = end > 0 ? lines.slice(1, end) : [];
  const line = `source_hash: ${english.contentHash}`;
  const existing = frontMatter.findIndex((entry) => /^source_hash\s*:/.test(entry));
  if (existing >= 0) {
    lines[existing + 1] = line;
  } else {
    const locale = frontMatter.findIndex((entry) => /^locale\s*:/.test(entry));
    const id = frontMatter.findIndex((entry) => /^id\s*:/.test(entry));
    const after = locale >= 0 ? locale : id >= 0 ? id : -1;
    lines.splice(after + 2, 0, line);
  }
  return lines.join(newline);
}
