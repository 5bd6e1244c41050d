import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const FLOCK = '/usr/bin/flock';

/**
 * Runs fn while holding an exclusive lock on dataDir/<name>.lock, shared with every other process
 * on this machine that prepares the same judge data dir (runners started together, a runner and
 * `bank verify`, parallel test workers). Without it, two processes preparing a fresh data dir
 * deleted each other's module build mid-`go mod tidy` and the loser refused to start.
 *
 * The lock is the kernel's flock(2), held by a `flock` child whose stdin is our pipe: it is released
 * when fn settles, and also when this process dies (the pipe closes), so no stale lock survives a
 * kill -9. flock comes with util-linux, which the sandbox needs anyway (setpriv, prlimit).
 */
export async function withDataDirLock<T>(dataDir: string, name: string, fn: () => T | Promise<T>): Promise<T> {
  mkdirSync(dataDir, { recursive: true });
  const holder = spawn(FLOCK, ['--exclusive', join(dataDir, `${name}.lock`), '/bin/sh', '-c', 'echo locked; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => holder.once('close', () => done()));
  await new Promise<void>((acquired, failed) => {
    let out = '';
    let err = '';
    holder.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('locked')) acquired();
    });
    holder.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    holder.once('error', (e) => failed(new Error(`locking ${dataDir} (${name}): ${e.message}`)));
    holder.once('close', (code) => failed(new Error(`locking ${dataDir} (${name}) failed (flock exited ${code}): ${err.trim()}`)));
  });
  try {
    return await fn();
  } finally {
    holder.stdin.end();
    await exited;
  }
}
