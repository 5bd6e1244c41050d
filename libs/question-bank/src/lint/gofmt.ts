import { relative } from 'node:path';
import { run } from '../go/exec';
import { findBinary, goEnv } from '../go/toolchain';

export type GofmtResult = { available: false; message: string } | { available: true; unformatted: string[]; errors: string[] };

/** `gofmt -l` over the given files: the ones it lists are not gofmt-clean. */
export async function gofmtList(files: readonly string[], cwd: string): Promise<GofmtResult> {
  const gofmt = findBinary('gofmt');
  if (!gofmt) {
    return {
      available: false,
      message: 'gofmt not found (looked on PATH, in $GOROOT/bin and /usr/local/go/bin): install Go to check formatting',
    };
  }
  if (files.length === 0) return { available: true, unformatted: [], errors: [] };
  const result = await run(gofmt, ['-l', ...files.map((file) => relative(cwd, file))], { cwd, env: goEnv(), timeoutMs: 120_000 });
  if (result.spawnError) return { available: false, message: `gofmt could not run: ${result.spawnError}` };
  return {
    available: true,
    unformatted: result.stdout.split('\n').filter(Boolean),
    errors: result.stderr.split('\n').filter(Boolean),
  };
}
