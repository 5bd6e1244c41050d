import { join } from 'node:path';
import { COMPILE_LIMITS, goEnv, LIMIT_VERDICT, SUBMISSION_LIMIT_BYTES } from './judge';
import { stripWorkPaths } from './reports';
import { GOROOT, moduleFilesOf, SANDBOX_UID } from './sandbox';
import { callTool, type CheckAnswer } from './tool';
import type { ProgramResult, RunLimits, Sandbox, Verdict } from './types';
import { chownSync, writeFileSync } from 'node:fs';

/** A playground program: 10 s, 512 MiB, 1 MiB of output. */
export const PROGRAM_LIMITS: RunLimits = {
  wallSeconds: 10,
  cpuSeconds: 10,
  memoryMb: 512,
  processes: 128,
  openFiles: 256,
  fileSizeMb: 16,
  outputBytes: 1024 * 1024,
};


/**
 * Builds and runs one `package main` program in the sandbox (the playground for code-output and
 * code-lines questions). Static checks are looser than a task's (any standard import is allowed;
 * cgo, linkname and similar directives are not): the sandbox is what contains the program.
 */
export async function runProgram(source: string, opts: { race: boolean; limits?: Partial<RunLimits> }, sandbox: Sandbox): Promise<ProgramResult> {
  const started = Date.now();
  const result = (exitCode: number, stdout: string, stderr: string, verdict: Verdict): ProgramResult => ({
    exitCode,
    stdout,
    stderr,
    verdict,
    durationMs: Date.now() - started,
  });
  if (Buffer.byteLength(source, 'utf8') > SUBMISSION_LIMIT_BYTES) return result(-1, '', `the program is larger than ${SUBMISSION_LIMIT_BYTES} bytes`, 'rejected');
  try {
    const check = await callTool<CheckAnswer>(sandbox.toolPath, 'check', { mode: 'program', package: 'main', files: ['main.go'], imports: [], sources: { 'main.go': source } });
    if (check.problems.length > 0) {
      return result(-1, '', check.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'), 'rejected');
    }
    if (check.syntaxErrors.length > 0) return result(-1, '', check.syntaxErrors.map((p) => p.message).join('\n'), 'compile-error');
    const work = await sandbox.newWorkDir();
    try {
      const src = join(work.path, 'src');
      const { goMod, goSum } = moduleFilesOf(sandbox);
      for (const [name, content] of [['go.mod', goMod], ['go.sum', goSum], ['main.go', source]] as const) {
        writeFileSync(join(src, name), content, { mode: 0o644 });
        chownSync(join(src, name), SANDBOX_UID, SANDBOX_UID);
      }
      const build = await sandbox.run({
        argv: [join(GOROOT, 'bin', 'go'), 'build', ...(opts.race ? ['-race'] : []), '-o', '/work/bin/prog', '.'],
        workDir: work.path,
        writableWork: true,
        cwd: '/work/src',
        env: goEnv(),
        limits: COMPILE_LIMITS,
      });
      if (build.exitCode !== 0) {
        const verdict = build.limitKilled !== undefined && build.limitKilled !== 'output' ? LIMIT_VERDICT[build.limitKilled] : 'compile-error';
        return result(build.exitCode ?? -1, '', stripWorkPaths(build.stderr + build.stdout), verdict);
      }
      const run = await sandbox.run({
        argv: ['/work/bin/prog'],
        workDir: work.path,
        writableWork: false,
        cwd: '/work/src',
        env: { GORACE: 'atexit_sleep_ms=0' },
        limits: { ...PROGRAM_LIMITS, ...opts.limits },
      });
      const verdict: Verdict = run.limitKilled !== undefined ? LIMIT_VERDICT[run.limitKilled] : run.exitCode === 0 ? 'passed' : 'failed';
      return result(run.exitCode ?? -1, run.stdout, stripWorkPaths(run.stderr), verdict);
    } finally {
      await work.dispose();
    }
  } catch (error) {
    return result(-1, '', `judge failed: ${(error as Error).message}`, 'internal-error');
  }
}
