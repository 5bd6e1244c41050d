import { existsSync, mkdirSync, rmdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { openCgroups } from './cgroup';

describe('cgroups of killed runners', () => {
  it('sweeps empty job groups older than a job can run, and keeps recent ones', () => {
    const cgroups = openCgroups();
    const made: string[] = [];
    try {
      for (const parent of cgroups.parents) {
        const stale = join(parent, `stale${process.pid}`);
        const recent = join(parent, `recent${process.pid}`);
        mkdirSync(stale);
        mkdirSync(recent);
        made.push(stale, recent);
        const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
        utimesSync(stale, hourAgo, hourAgo);
      }
      // openSandbox does this on every start, so a runner killed mid-job leaves nothing for long.
      cgroups.sweep(15 * 60 * 1000);
      for (const dir of made) expect([dir, existsSync(dir)]).toEqual([dir, dir.includes('recent')]);
    } finally {
      for (const dir of made) if (existsSync(dir)) rmdirSync(dir);
      cgroups.close();
    }
  });
});
