import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const GOLEAK_VERSION = 'v1.3.0';
/** The module every submission is built as. */
export const SUBMISSION_MODULE = 'goprep.dev/submission';

/**
 * Makes sure dataDir/gomod holds go.uber.org/goleak and dataDir/module the go.mod/go.sum every
 * work dir starts from. This is the only step that uses the network (the Go module proxy, as the
 * host's GOPROXY says); it runs outside the sandbox on nothing but trusted input. At judge time
 * GOPROXY=off and the cache is mounted read-only.
 */
export function ensureModules(dataDir: string): { goMod: string; goSum: string } {
  const modDir = join(dataDir, 'gomod');
  const moduleDir = join(dataDir, 'module');
  const goModPath = join(moduleDir, 'go.mod');
  const goSumPath = join(moduleDir, 'go.sum');
  const zip = join(modDir, 'cache', 'download', 'go.uber.org', 'goleak', '@v', `${GOLEAK_VERSION}.zip`);
  if (existsSync(goModPath) && existsSync(goSumPath) && existsSync(zip)) {
    return { goMod: readFileSync(goModPath, 'utf8'), goSum: readFileSync(goSumPath, 'utf8') };
  }
  const build = join(dataDir, 'module-build');
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build, { recursive: true });
  mkdirSync(modDir, { recursive: true });
  writeFileSync(join(build, 'go.mod'), `module ${SUBMISSION_MODULE}\n\ngo 1.26\n\nrequire go.uber.org/goleak ${GOLEAK_VERSION}\n`);
  writeFileSync(join(build, 'leak_test.go'), 'package submission\n\nimport (\n\t"testing"\n\n\t"go.uber.org/goleak"\n)\n\nfunc TestMain(m *testing.M) { goleak.VerifyTestMain(m) }\n');
  const env = { ...process.env, GOMODCACHE: modDir, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', GOWORK: 'off' };
  const tidy = spawnSync('/usr/local/go/bin/go', ['mod', 'tidy'], { cwd: build, env, encoding: 'utf8' });
  if (tidy.status !== 0) throw new Error(`go mod tidy: ${tidy.stderr || tidy.error?.message}`);
  spawnSync('/bin/chmod', ['-R', 'a+rX', modDir]);
  mkdirSync(moduleDir, { recursive: true });
  const goMod = readFileSync(join(build, 'go.mod'), 'utf8');
  const goSum = readFileSync(join(build, 'go.sum'), 'utf8');
  writeFileSync(goModPath, goMod);
  writeFileSync(goSumPath, goSum);
  rmSync(build, { recursive: true, force: true });
  return { goMod, goSum };
}
