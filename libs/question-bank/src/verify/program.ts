import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { BankQuestion } from '../model';
import { run, type RunResult } from '../go/exec';
import { goEnv, type GoToolchain } from '../go/toolchain';
import { harnessSource, HARNESS_FILE, renameMain } from './leak-harness';

const BUILD_TIMEOUT_MS = 10 * 60_000;

/*
 * A check's `env` is for running the program. The go command is itself a Go program, so variables
 * such as GOMEMLIMIT or GODEBUG would change (or crash) the toolchain: only variables that
 * configure the build reach it.
 */
const BUILD_ENV = new Set(['GOEXPERIMENT', 'GOFLAGS', 'CGO_ENABLED', 'GOOS', 'GOARCH', 'GOAMD64', 'GOARM64', 'CC']);

export function buildEnv(env: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!env) return undefined;
  const kept = Object.entries(env).filter(([name]) => BUILD_ENV.has(name));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

export interface BuildOutcome {
  ok: boolean;
  binary: string;
  /** Combined compiler output. */
  output: string;
  result: RunResult;
}

/** Everything one question's checks share: toolchain, folders, and the builds made so far. */
export class QuestionProgram {
  private readonly builds = new Map<string, Promise<BuildOutcome>>();
  private readonly observations = new Map<string, Promise<unknown>>();
  private counter = 0;

  constructor(
    readonly go: GoToolchain,
    readonly bankDir: string,
    readonly question: BankQuestion,
    /** `<bank>/<topic>/<id>` */
    readonly programDir: string,
    /** Private scratch folder for binaries, removed after the question. */
    readonly tmpDir: string,
  ) {}

  /** Absolute path of a check's `file`. */
  filePath(file: string): string {
    return resolve(this.programDir, file);
  }

  /** `./<topic>/<id>[/fixed]` relative to the module root, as `go build` wants it. */
  packageArg(file: string): string {
    return `./${relative(this.bankDir, dirname(this.filePath(file))).split(sep).join('/')}`;
  }

  nextBinary(name: string): string {
    this.counter += 1;
    return join(this.tmpDir, `${name}-${this.counter}`);
  }

  /** Builds a variant once (per file, race flag and environment) and reuses the binary. */
  build(file: string, options: { race?: boolean; env?: Record<string, string> } = {}): Promise<BuildOutcome> {
    const env = buildEnv(options.env);
    const key = JSON.stringify([file, options.race === true, env ?? {}]);
    let pending = this.builds.get(key);
    if (!pending) {
      pending = this.goBuild(this.packageArg(file), [...(options.race ? ['-race'] : [])], env);
      this.builds.set(key, pending);
    }
    return pending;
  }

  /**
   * Runs `observe` once per key and shares its result: two checks of a question that watch the same
   * binary the same way (a race check with `lines` and one with `fixed`) need not run it twice.
   */
  observe<T>(key: unknown, observe: () => Promise<T>): Promise<T> {
    const text = JSON.stringify(key);
    let pending = this.observations.get(text) as Promise<T> | undefined;
    if (!pending) {
      pending = observe();
      this.observations.set(text, pending);
    }
    return pending;
  }

  async goBuild(packageArg: string, flags: string[], env?: Record<string, string>): Promise<BuildOutcome> {
    const binary = this.nextBinary('prog');
    const result = await run(this.go.go, ['build', ...flags, '-o', binary, packageArg], {
      cwd: this.bankDir,
      env: goEnv(buildEnv(env)),
      timeoutMs: BUILD_TIMEOUT_MS,
    });
    return { ok: result.exitCode === 0, binary, output: result.stdout + result.stderr, result };
  }

  runGo(args: string[], env?: Record<string, string>): Promise<RunResult> {
    return run(this.go.go, args, { cwd: this.bankDir, env: goEnv(buildEnv(env)), timeoutMs: BUILD_TIMEOUT_MS });
  }

  /** Runs a built binary with the check's environment and timeout. */
  runBinary(binary: string, env: Record<string, string> | undefined, timeoutSeconds: number): Promise<RunResult> {
    return run(binary, [], { cwd: dirname(this.filePath('main.go')), env: goEnv(env), timeoutMs: timeoutSeconds * 1000 });
  }

  /**
   * Copies the program's package into `<bank>/.verify-tmp/` (inside the module, so its imports
   * resolve), renames main and adds the dump harness. Returns the copy's folder and main.go.
   */
  async prepareLeakHarness(file: string, settleMs: number): Promise<{ dir: string; mainGo: string } | { error: string }> {
    const source = this.filePath(file);
    const sourceDir = dirname(source);
    const scratchRoot = join(this.bankDir, '.verify-tmp');
    const dir = await makeScratchDir(scratchRoot, `${this.question.id}-`);
    this.cleanups.push(async () => {
      await rm(dir, { recursive: true, force: true });
      // Remove the shared scratch root once the last question is done with it.
      await rmdir(scratchRoot).catch(() => undefined);
    });
    for (const entry of await readdir(sourceDir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.go')) await copyFile(join(sourceDir, entry.name), join(dir, entry.name));
    }
    const mainGo = join(dir, relative(sourceDir, source));
    const renamed = renameMain(await readFile(mainGo, 'utf8'));
    if (renamed === undefined) return { error: `${file} has no line starting with \`func main()\` for the leak harness to rename` };
    await writeFile(mainGo, renamed);
    await writeFile(join(dir, HARNESS_FILE), harnessSource(settleMs));
    return { dir, mainGo };
  }

  private readonly cleanups: (() => Promise<void>)[] = [];

  async cleanup(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0)) await cleanup();
    await rm(this.tmpDir, { recursive: true, force: true });
  }
}

/*
 * Another question (or another verify run) removes the shared root when it finishes last; if that
 * happens between our mkdir and mkdtemp, make the root again.
 */
async function makeScratchDir(root: string, prefix: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    await mkdir(root, { recursive: true });
    try {
      return await mkdtemp(join(root, prefix));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 5) throw error;
    }
  }
}
