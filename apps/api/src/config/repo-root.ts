import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder holding nx.json: default paths (bank, web build, data) are relative to it. */
export function findRepoRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
