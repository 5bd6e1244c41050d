import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Walks up from `start` to the folder holding nx.json: the repository root. */
export function findRepoRoot(start: string = __dirname): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json found above ${start}: cannot locate the repository root`);
    dir = parent;
  }
}

/** `libs/question-bank/bank` of this repository, unless `override` names another folder. */
export function defaultBankDir(override?: string): string {
  if (override) return resolve(override);
  return join(findRepoRoot(), 'libs', 'question-bank', 'bank');
}

/** The folder of this library (where question.schema.json lives). */
export function libraryDir(): string {
  return join(findRepoRoot(), 'libs', 'question-bank');
}

/** A path for messages: repository-relative when inside the repository, else absolute. */
export function displayPath(absPath: string): string {
  let root: string | undefined;
  try {
    root = findRepoRoot();
  } catch {
    root = undefined;
  }
  if (root) {
    const rel = relative(root, absPath);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return absPath;
}
