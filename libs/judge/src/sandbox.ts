import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openCgroups, type CgroupManager } from './cgroup';
import { withDataDirLock } from './data-lock';
import { GOLEAK_VERSION, ensureModules } from './modules';
import {
  SandboxUnavailable,
  type LimitKind,
  type OpenSandboxOptions,
  type RunOutcome,
  type RunSpec,
  type Sandbox,
  type WorkDir,
} from './types';

/** The unprivileged uid/gid every sandboxed process runs as (nobody/nogroup). */
export const SANDBOX_UID = 65534;
export const GOROOT = '/usr/local/go';
const BWRAP = '/usr/bin/bwrap';
const SETPRIV = '/usr/bin/setpriv';
const PRLIMIT = '/usr/bin/prlimit';
const BASH = '/bin/bash';

/** Where the judge's Go helper lives in the source tree (src/ and dist/ are both one level down). */
const TOOL_SOURCE = resolve(__dirname, '..', 'go', 'tool');

const exec = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd?: string) =>
  spawnSync(cmd, args, { encoding: 'utf8', env, ...(cwd !== undefined ? { cwd } : {}), maxBuffer: 64 * 1024 * 1024 });

/** chown a directory tree's directories (not its files) to the sandbox uid, and make them private. */
function handDirectories(root: string): void {
  const result = exec('/usr/bin/find', [root, '-type', 'd', '-exec', 'chown', `${SANDBOX_UID}:${SANDBOX_UID}`, '{}', '+', '-exec', 'chmod', '0700', '{}', '+']);
  if (result.status !== 0) throw new Error(`preparing ${root}: ${result.stderr}`);
}

class BwrapSandbox implements Sandbox {
  readonly cgroupVersion: 'v1' | 'v2';
  readonly toolPath: string;
  private readonly jobsDir: string;
  private readonly templateDir: string;
  private readonly modDir: string;
  private closed = false;

  constructor(
    readonly dataDir: string,
    private readonly cgroups: CgroupManager,
    readonly moduleFiles: { goMod: string; goSum: string },
  ) {
    this.cgroupVersion = cgroups.version;
    this.toolPath = join(dataDir, 'bin', 'judge-tool');
    this.jobsDir = join(dataDir, 'jobs');
    this.templateDir = join(dataDir, 'cache-template');
    this.modDir = join(dataDir, 'gomod');
  }

  async newWorkDir(): Promise<WorkDir> {
    if (this.closed) throw new Error('sandbox is closed');
    const path = join(this.jobsDir, randomBytes(12).toString('hex'));
    mkdirSync(path, { mode: 0o700 });
    const cache = join(path, '.cache');
    if (existsSync(this.templateDir)) {
      // Hard links: 0.3 s for a warm cache. The template's files are root-owned and 0444, so the
      // sandbox uid can replace its links (its own directories) but never change the shared inodes.
      let copy = exec('/bin/cp', ['-al', this.templateDir, cache]);
      if (copy.status !== 0) {
        // The template was replaced (warmCache) while we copied it: start over from the new one.
        rmSync(cache, { recursive: true, force: true });
        copy = exec('/bin/cp', ['-al', this.templateDir, cache]);
      }
      if (copy.status !== 0) throw new Error(`copying the build cache: ${copy.stderr}`);
    } else {
      mkdirSync(cache);
    }
    mkdirSync(join(path, 'src'));
    mkdirSync(join(path, 'bin'));
    handDirectories(path);
    return {
      path,
      dispose: async () => {
        rmSync(path, { recursive: true, force: true });
      },
    };
  }

  async adoptCache(workDir: WorkDir): Promise<void> {
    const next = `${this.templateDir}.next-${randomBytes(4).toString('hex')}`;
    // A real copy (not links): the new template must not share inodes with a sandbox's files.
    const copy = exec('/bin/cp', ['-r', join(workDir.path, '.cache'), next]);
    if (copy.status !== 0) throw new Error(`copying the warmed cache: ${copy.stderr}`);
    const fix = exec('/bin/sh', ['-c', 'chown -R 0:0 "$1" && find "$1" -type f -exec chmod 0444 {} + && find "$1" -type d -exec chmod 0555 {} +', 'sh', next]);
    if (fix.status !== 0) throw new Error(`sealing the cache template: ${fix.stderr}`);
    const old = `${this.templateDir}.old-${randomBytes(4).toString('hex')}`;
    if (existsSync(this.templateDir)) renameSync(this.templateDir, old);
    renameSync(next, this.templateDir);
    // A job may still be copying an old template: old ones are removed only after ten minutes.
    for (const name of readdirSync(this.dataDir)) {
      const path = join(this.dataDir, name);
      if (!name.startsWith('cache-template.old-') || Date.now() - statSync(path).mtimeMs < 10 * 60 * 1000) continue;
      exec('/bin/chmod', ['-R', 'u+w', path]);
      rmSync(path, { recursive: true, force: true });
    }
  }

  run(spec: RunSpec): Promise<RunOutcome> {
    if (this.closed) return Promise.reject(new Error('sandbox is closed'));
    const { limits } = spec;
    const group = this.cgroups.create(randomBytes(8).toString('hex'), { memoryMb: limits.memoryMb, processes: limits.processes });
    const env: Record<string, string> = { PATH: `${GOROOT}/bin:/usr/bin`, HOME: '/tmp', TMPDIR: '/tmp', ...spec.env };
    const bwrap = [
      BWRAP,
      '--unshare-all',
      '--die-with-parent',
      '--new-session',
      '--cap-drop',
      'ALL',
      '--hostname',
      'judge',
      '--ro-bind',
      '/usr',
      '/usr',
      '--symlink',
      'usr/lib',
      '/lib',
      '--symlink',
      'usr/lib64',
      '/lib64',
      '--symlink',
      'usr/bin',
      '/bin',
      '--ro-bind',
      this.modDir,
      '/gomod',
      spec.writableWork ? '--bind' : '--ro-bind',
      spec.workDir,
      '/work',
      '--proc',
      '/proc',
      '--dev',
      '/dev',
      '--tmpfs',
      '/tmp',
      // The root itself is bwrap's tmpfs: read-only, so /tmp is the only writable place (and /work while compiling).
      '--remount-ro',
      '/',
      '--chdir',
      spec.cwd ?? '/work',
      '--clearenv',
      ...Object.entries(env).flatMap(([key, value]) => ['--setenv', key, value]),
      '--',
      ...spec.argv,
    ];
    const cpuHard = limits.cpuSeconds + 1;
    const argv = [
      String(group.procsFiles.length),
      ...group.procsFiles,
      PRLIMIT,
      `--cpu=${limits.cpuSeconds}:${cpuHard}`,
      `--nofile=${limits.openFiles}`,
      `--fsize=${limits.fileSizeMb * 1024 * 1024}`,
      '--core=0',
      '--',
      SETPRIV,
      `--reuid=${SANDBOX_UID}`,
      `--regid=${SANDBOX_UID}`,
      '--clear-groups',
      '--no-new-privs',
      '--bounding-set=-all',
      '--inh-caps=-all',
      '--',
      ...bwrap,
    ];
    // The first process joins the job's cgroups, then execs the limit/uid/namespace chain: nothing
    // the submission controls ever runs outside the group, as root or with the host's view.
    // It also closes every descriptor this process inherited without close-on-exec (above 2, or
    // above 3 with a result channel): bwrap and setpriv pass them on, so the sandbox would get a
    // write end of whatever pipe or socket started the judge. bash, since dash closes only 0-9.
    const script =
      'keep=$1; shift; for fd in /proc/$$/fd/*; do fd=${fd##*/}; if [ "$fd" -gt "$keep" ]; then eval "exec $fd>&-"; fi; done; ' +
      'n=$1; shift; while [ "$n" -gt 0 ]; do echo $$ > "$1" || exit 125; shift; n=$((n-1)); done; exec "$@"';
    const started = Date.now();
    return new Promise<RunOutcome>((resolvePromise, reject) => {
      const child = spawn(BASH, ['-c', script, 'bash', spec.resultChannel === true ? '3' : '2', ...argv], {
        detached: true,
        env: {},
        stdio: ['ignore', 'pipe', 'pipe', spec.resultChannel === true ? 'pipe' : 'ignore'],
      });
      let stdout = '';
      let stderr = '';
      let results = '';
      let outputBytes = 0;
      let killedFor: LimitKind | undefined;
      const kill = (why: LimitKind): void => {
        killedFor ??= why;
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        void group.destroy();
      };
      const onOutput = (which: 'out' | 'err') => (chunk: Buffer) => {
        outputBytes += chunk.length;
        if (outputBytes > limits.outputBytes) {
          kill('output');
          return;
        }
        if (which === 'out') stdout += chunk.toString('utf8');
        else stderr += chunk.toString('utf8');
      };
      child.stdout?.on('data', onOutput('out'));
      child.stderr?.on('data', onOutput('err'));
      const channel = child.stdio[3];
      if (channel && 'on' in channel) {
        channel.on('data', (chunk: Buffer) => {
          if (results.length < 4 * 1024 * 1024) results += chunk.toString('utf8');
        });
      }
      const timer = setTimeout(() => kill('wall'), limits.wallSeconds * 1000);
      child.on('error', (error) => {
        clearTimeout(timer);
        void group.destroy().then(() => reject(error));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const memory = group.memoryKilled();
        const processes = group.processesExhausted();
        void group.destroy().then(() => {
          let limitKilled = killedFor;
          const failed = code !== 0;
          if (limitKilled === undefined && failed && memory) limitKilled = 'memory';
          // bwrap reports a child killed by a signal as 128+signo: SIGKILL past the hard CPU limit, SIGXCPU at the soft one, SIGXFSZ for a file too large.
          if (limitKilled === undefined && failed && code === 128 + 24) limitKilled = 'cpu';
          if (limitKilled === undefined && failed && code === 128 + 25) limitKilled = 'files';
          if (limitKilled === undefined && failed && processes) limitKilled = 'processes';
          if (code === 125 && stderr === '' && limitKilled === undefined) {
            reject(new Error('could not place the command in its cgroup'));
            return;
          }
          resolvePromise({
            exitCode: code,
            signal,
            stdout,
            stderr,
            results,
            durationMs: Date.now() - started,
            ...(limitKilled !== undefined ? { limitKilled } : {}),
          });
        });
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cgroups.close();
  }
}

function buildTool(dataDir: string): string {
  const binDir = join(dataDir, 'bin');
  mkdirSync(binDir, { recursive: true });
  const toolPath = join(binDir, 'judge-tool');
  const source = readFileSync(join(TOOL_SOURCE, 'main.go'));
  const digest = createHash('sha256').update(source).digest('hex');
  const stamp = `${toolPath}.sha256`;
  if (existsSync(toolPath) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return toolPath;
  // Built beside and renamed into place: a job of another process may be executing the old binary.
  const next = `${toolPath}.next-${randomBytes(4).toString('hex')}`;
  const build = exec(join(GOROOT, 'bin', 'go'), ['build', '-o', next, '.'], { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod', CGO_ENABLED: '0' }, TOOL_SOURCE);
  if (build.status !== 0) {
    rmSync(next, { force: true });
    throw new SandboxUnavailable(`building the judge's Go helper failed: ${build.stderr || build.error?.message}`);
  }
  renameSync(next, toolPath);
  writeFileSync(stamp, digest);
  return toolPath;
}

/** Every ancestor of dir must let the sandbox uid pass (bwrap binds it as that uid). */
function traversable(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) return current;
    if (current === '/') return undefined;
  }
}

/**
 * Opens the bubblewrap sandbox: checks the prerequisites (root to drop to an unprivileged uid and
 * manage cgroups, bwrap, setpriv, prlimit, Go), prepares dataDir (module cache with goleak, the
 * judge's Go helper), and runs a probe command inside. Throws SandboxUnavailable with the reason if
 * anything is missing: the judge never runs code without the sandbox.
 */
export async function openSandbox(opts: OpenSandboxOptions): Promise<Sandbox> {
  const dataDir = resolve(opts.dataDir);
  if (process.platform !== 'linux') throw new SandboxUnavailable('the judge sandbox needs Linux (bubblewrap, cgroups)');
  if (process.getuid?.() !== 0) {
    throw new SandboxUnavailable('the judge runs as root so that it can drop submissions to uid 65534 and manage their cgroups');
  }
  for (const [tool, hint] of [
    [BWRAP, 'apt-get install bubblewrap'],
    [SETPRIV, 'apt-get install util-linux'],
    [PRLIMIT, 'apt-get install util-linux'],
    [BASH, 'apt-get install bash'],
    [join(GOROOT, 'bin', 'go'), `Go in ${GOROOT}`],
  ] as const) {
    if (!existsSync(tool)) throw new SandboxUnavailable(`${tool} is missing (${hint})`);
  }
  let cgroups: CgroupManager;
  try {
    cgroups = openCgroups();
  } catch (error) {
    throw new SandboxUnavailable(`cgroups: ${(error as Error).message}`);
  }
  mkdirSync(join(dataDir, 'jobs'), { recursive: true });
  chmodSync(dataDir, 0o711);
  chmodSync(join(dataDir, 'jobs'), 0o711);
  const blocked = traversable(join(dataDir, 'jobs'));
  if (blocked !== undefined) {
    cgroups.close();
    throw new SandboxUnavailable(`${blocked} is not searchable by uid ${SANDBOX_UID}; choose a judge data dir outside it`);
  }
  // Preparing the data dir (the helper binary, the module cache, old work dirs) is one process at
  // a time: runners and `bank verify` started together share it.
  let moduleFiles: { goMod: string; goSum: string };
  try {
    moduleFiles = await withDataDirLock(dataDir, 'prepare', () => {
      buildTool(dataDir);
      let files: { goMod: string; goSum: string };
      try {
        files = ensureModules(dataDir);
      } catch (error) {
        throw new SandboxUnavailable(`preparing the module cache (go.uber.org/goleak ${GOLEAK_VERSION}): ${(error as Error).message}`);
      }
      sweepStaleJobs(join(dataDir, 'jobs'));
      return files;
    });
  } catch (error) {
    cgroups.close();
    if (error instanceof SandboxUnavailable) throw error;
    throw new SandboxUnavailable(`preparing ${dataDir}: ${(error as Error).message}`);
  }
  // No job runs longer than the compile limit plus a test run: older empty groups are leftovers.
  cgroups.sweep(15 * 60 * 1000);
  const sandbox = new BwrapSandbox(dataDir, cgroups, moduleFiles);
  const work = await sandbox.newWorkDir();
  try {
    const probe = await sandbox.run({
      argv: [join(GOROOT, 'bin', 'go'), 'version'],
      workDir: work.path,
      writableWork: true,
      env: { GOTOOLCHAIN: 'local', GOCACHE: '/work/.cache' },
      limits: { wallSeconds: 20, cpuSeconds: 10, memoryMb: 256, processes: 64, openFiles: 64, fileSizeMb: 1, outputBytes: 64 * 1024 },
    });
    if (probe.exitCode !== 0 || !probe.stdout.startsWith('go version')) {
      throw new SandboxUnavailable(`bubblewrap probe failed (exit ${probe.exitCode}): ${(probe.stderr || probe.stdout).trim().slice(0, 500)}`);
    }
  } catch (error) {
    await sandbox.close();
    if (error instanceof SandboxUnavailable) throw error;
    throw new SandboxUnavailable(`bubblewrap probe failed: ${(error as Error).message}`);
  } finally {
    await work.dispose();
  }
  return sandbox;
}

/** Work dirs of a previous process that died mid-job. */
function sweepStaleJobs(jobsDir: string): void {
  const hour = 60 * 60 * 1000;
  for (const name of readdirSync(jobsDir)) {
    const path = join(jobsDir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > hour) rmSync(path, { recursive: true, force: true });
    } catch {
      // raced with another sweeper
    }
  }
}

export function moduleFilesOf(sandbox: Sandbox): { goMod: string; goSum: string } {
  if (!(sandbox instanceof BwrapSandbox)) throw new Error('not a goprep sandbox');
  return sandbox.moduleFiles;
}

