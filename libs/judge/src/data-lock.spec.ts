import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withDataDirLock } from './data-lock';

const HOLDER = resolve(__dirname, '__fixtures__', 'lock', 'hold-lock.ts');
const OPENER = resolve(__dirname, '__fixtures__', 'lock', 'open-sandbox.ts');
const REPO_DATA = resolve(__dirname, '..', '..', '..', '.data');

/** flock processes waiting on or holding this lock file, from /proc (the kernel's view, not timing). */
function flocksOn(lockFile: string): number {
  let count = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (argv[0]?.endsWith('flock') && argv.includes(lockFile)) count += 1;
    } catch {
      // the process ended while we looked
    }
  }
  return count;
}

async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function holder(dir: string): { child: ChildProcess; said: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, said: () => out, exited };
}

describe('the judge data dir lock (processes preparing one data dir take turns)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'goprep-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a second process waiting until the first releases, then lets it in', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let acquired!: () => void;
    const inside = new Promise<void>((r) => (acquired = r));
    const first = withDataDirLock(dir, 'test', async () => {
      acquired();
      await held;
      return 'first';
    });
    await inside;
    const second = holder(dir);
    // Two flock processes on the file: ours holds it, the other process's is blocked in flock(2).
    await until('the second process to block on the lock', () => flocksOn(join(dir, 'test.lock')) === 2);
    expect(second.said()).toBe('');
    release();
    await expect(first).resolves.toBe('first');
    await until('the second process to get the lock', () => second.said() === 'got\n');
    second.child.stdin!.write('release\n');
    expect(await second.exited).toBe(0);
    expect(flocksOn(join(dir, 'test.lock'))).toBe(0);
  });

  it('is released when its holder is killed with SIGKILL, so no stale lock blocks the next runner', async () => {
    const victim = holder(dir);
    await until('the victim to hold the lock', () => victim.said() === 'got\n');
    let ours = false;
    const next = withDataDirLock(dir, 'test', () => {
      ours = true;
    });
    await until('our flock to block', () => flocksOn(join(dir, 'test.lock')) === 2);
    expect(ours).toBe(false);
    victim.child.kill('SIGKILL');
    await next;
    expect(ours).toBe(true);
  });

  it('is released when the locked work throws, and the error reaches the caller', async () => {
    await expect(
      withDataDirLock(dir, 'test', () => {
        throw new Error('module download failed');
      }),
    ).rejects.toThrow('module download failed');
    await expect(withDataDirLock(dir, 'test', () => 'again')).resolves.toBe('again');
  });

  it('lets three runners open a sandbox on one fresh data dir at once (one deleted the others\' module build before)', async () => {
    // Under the repository (not /tmp): every ancestor of a data dir must be searchable by the sandbox uid.
    // A fresh clone has no .data yet (the CI run that found this): create it, searchable by the sandbox uid.
    mkdirSync(REPO_DATA, { recursive: true, mode: 0o755 });
    const fresh = mkdtempSync(join(REPO_DATA, 'lock-fresh-'));
    try {
      const outcomes = await Promise.all(
        [1, 2, 3].map(
          () =>
            new Promise<string>((done) => {
              const child = spawn(process.execPath, ['--import', 'tsx', OPENER, fresh], { stdio: ['ignore', 'pipe', 'inherit'] });
              let out = '';
              child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
              child.once('exit', () => done(out.trim()));
            }),
        ),
      );
      expect(outcomes).toEqual(['opened', 'opened', 'opened']);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 300_000);
});
