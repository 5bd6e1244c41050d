import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Memory and process limits of one sandboxed command, and the handle that kills every process of
 * it. One interface, two implementations: cgroup v1 (separate memory and pids hierarchies, this
 * development machine) and cgroup v2 (one unified hierarchy, most production hosts).
 */
export interface JobCgroup {
  /** cgroup.procs files the command's first process must be written into before it execs. */
  readonly procsFiles: string[];
  /** Whether the memory limit was hit (an OOM kill happened in the group). */
  memoryKilled(): boolean;
  /** Whether a fork/clone failed on the pids limit. */
  processesExhausted(): boolean;
  /** SIGKILLs every process in the group until it is empty, then removes it. */
  destroy(): Promise<void>;
}

export interface CgroupManager {
  readonly version: 'v1' | 'v2';
  /** The directories holding the job groups (v1: memory and pids; v2: one). */
  readonly parents: string[];
  create(name: string, limits: { memoryMb: number; processes: number }): JobCgroup;
  /** Removes the manager's parent groups (after all jobs). */
  close(): void;
  /** Removes empty job groups older than `ageMs` (left by a runner killed with SIGKILL). */
  sweep(ageMs: number): void;
}

/** Empty child groups of `parent` older than `ageMs`: what a killed process left behind. */
function sweepEmpty(parent: string, ageMs: number): void {
  let names: string[];
  try {
    names = readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(parent, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs < ageMs) continue;
      if (read(join(dir, 'cgroup.procs')).trim() !== '') continue;
      rmdirSync(dir);
    } catch {
      // in use or already gone
    }
  }
}

const read = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

const counter = (text: string, key: string): number => {
  const match = new RegExp(`^${key} (\\d+)$`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
};

/** The path of this process's own group in a hierarchy (v1: by controller name; v2: the "0::" line). */
function ownGroup(controller: string | null): string {
  for (const line of read('/proc/self/cgroup').split('\n')) {
    const match = /^\d+:([^:]*):(.*)$/.exec(line);
    if (!match) continue;
    const [, controllers = '', path = '/'] = match;
    if (controller === null ? controllers === '' : controllers.split(',').includes(controller)) return path;
  }
  return '/';
}

async function killAll(procsFile: string): Promise<void> {
  for (let round = 0; round < 200; round += 1) {
    const pids = read(procsFile)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number);
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function removeDir(dir: string): void {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    try {
      if (existsSync(dir)) rmdirSync(dir);
      return;
    } catch {
      // processes may still be exiting; retry
    }
  }
}

class V1Job implements JobCgroup {
  constructor(
    private readonly memoryDir: string,
    private readonly pidsDir: string,
  ) {}
  get procsFiles(): string[] {
    return [join(this.memoryDir, 'cgroup.procs'), join(this.pidsDir, 'cgroup.procs')];
  }
  memoryKilled(): boolean {
    const oom = read(join(this.memoryDir, 'memory.oom_control'));
    if (/^oom_kill \d+$/m.test(oom)) return counter(oom, 'oom_kill') > 0;
    return Number(read(join(this.memoryDir, 'memory.failcnt')).trim() || '0') > 0;
  }
  processesExhausted(): boolean {
    return counter(read(join(this.pidsDir, 'pids.events')), 'max') > 0;
  }
  async destroy(): Promise<void> {
    await killAll(join(this.pidsDir, 'cgroup.procs'));
    await killAll(join(this.memoryDir, 'cgroup.procs'));
    removeDir(this.pidsDir);
    removeDir(this.memoryDir);
  }
}

class V1Manager implements CgroupManager {
  readonly version = 'v1' as const;
  get parents(): string[] {
    return [this.memoryParent, this.pidsParent];
  }
  private readonly memoryParent: string;
  private readonly pidsParent: string;
  constructor(root: string) {
    this.memoryParent = join(root, 'memory', ownGroup('memory'), 'goprep-judge');
    this.pidsParent = join(root, 'pids', ownGroup('pids'), 'goprep-judge');
    mkdirSync(this.memoryParent, { recursive: true });
    mkdirSync(this.pidsParent, { recursive: true });
  }
  create(name: string, limits: { memoryMb: number; processes: number }): JobCgroup {
    const memoryDir = join(this.memoryParent, name);
    const pidsDir = join(this.pidsParent, name);
    // recursive: another sandbox in this process tree may have removed an empty parent meanwhile.
    mkdirSync(memoryDir, { recursive: true });
    mkdirSync(pidsDir, { recursive: true });
    const bytes = String(limits.memoryMb * 1024 * 1024);
    writeFileSync(join(memoryDir, 'memory.limit_in_bytes'), bytes);
    // With swap accounting the memory+swap limit must be set too, or a bomb swaps instead of dying.
    if (existsSync(join(memoryDir, 'memory.memsw.limit_in_bytes'))) writeFileSync(join(memoryDir, 'memory.memsw.limit_in_bytes'), bytes);
    writeFileSync(join(pidsDir, 'pids.max'), String(limits.processes));
    return new V1Job(memoryDir, pidsDir);
  }
  close(): void {
    removeDir(this.memoryParent);
    removeDir(this.pidsParent);
  }
  sweep(ageMs: number): void {
    sweepEmpty(this.memoryParent, ageMs);
    sweepEmpty(this.pidsParent, ageMs);
  }
}

class V2Job implements JobCgroup {
  constructor(private readonly dir: string) {}
  get procsFiles(): string[] {
    return [join(this.dir, 'cgroup.procs')];
  }
  memoryKilled(): boolean {
    return counter(read(join(this.dir, 'memory.events')), 'oom_kill') > 0;
  }
  processesExhausted(): boolean {
    return counter(read(join(this.dir, 'pids.events')), 'max') > 0;
  }
  async destroy(): Promise<void> {
    // cgroup.kill (Linux 5.14+) kills the whole group atomically, forks in flight included.
    if (existsSync(join(this.dir, 'cgroup.kill'))) {
      try {
        writeFileSync(join(this.dir, 'cgroup.kill'), '1');
      } catch {
        // fall back to the loop below
      }
    }
    await killAll(join(this.dir, 'cgroup.procs'));
    removeDir(this.dir);
  }
}

class V2Manager implements CgroupManager {
  readonly version = 'v2' as const;
  get parents(): string[] {
    return [this.parent];
  }
  private readonly parent: string;
  constructor(root: string) {
    // A delegated subtree: our own group's sibling "goprep-judge" would need the parent's
    // delegation; a child of our own group is what systemd Delegate=yes grants.
    const own = join(root, ownGroup(null));
    this.parent = join(own, 'goprep-judge');
    mkdirSync(this.parent, { recursive: true });
    const enable = (dir: string): void => {
      const wanted = ['+memory', '+pids'].filter((c) => read(join(dir, 'cgroup.controllers')).includes(c.slice(1)));
      writeFileSync(join(dir, 'cgroup.subtree_control'), wanted.join(' '));
    };
    enable(own);
    enable(this.parent);
  }
  create(name: string, limits: { memoryMb: number; processes: number }): JobCgroup {
    const dir = join(this.parent, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'memory.max'), String(limits.memoryMb * 1024 * 1024));
    if (existsSync(join(dir, 'memory.swap.max'))) writeFileSync(join(dir, 'memory.swap.max'), '0');
    writeFileSync(join(dir, 'pids.max'), String(limits.processes));
    return new V2Job(dir);
  }
  close(): void {
    removeDir(this.parent);
  }
  sweep(ageMs: number): void {
    sweepEmpty(this.parent, ageMs);
  }
}

/**
 * Detects the hierarchy at open: v2 when /sys/fs/cgroup is the unified mount (cgroup.controllers at
 * its root), v1 when memory and pids hierarchies are mounted. Throws with the reason otherwise.
 */
export function openCgroups(root = '/sys/fs/cgroup'): CgroupManager {
  if (existsSync(join(root, 'cgroup.controllers'))) {
    const controllers = read(join(root, ownGroup(null), 'cgroup.controllers'));
    if (!controllers.includes('memory') || !controllers.includes('pids')) {
      throw new Error(`cgroup v2 without the memory and pids controllers delegated to ${join(root, ownGroup(null))}`);
    }
    return new V2Manager(root);
  }
  if (existsSync(join(root, 'memory', 'memory.limit_in_bytes')) || existsSync(join(root, 'memory', ownGroup('memory'), 'memory.limit_in_bytes'))) {
    if (!existsSync(join(root, 'pids'))) throw new Error('cgroup v1 without the pids controller');
    return new V1Manager(root);
  }
  throw new Error(`no usable cgroup hierarchy under ${root} (need memory and pids controllers, v1 or v2)`);
}
