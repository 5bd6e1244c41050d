import { readFileSync } from 'node:fs';

/** CPU seconds (user + system, all threads) a process has used so far, from /proc/<pid>/stat; null off Linux. */
export function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** USER_HZ of /proc's tick counts (100 on every Linux this runs on; `getconf CLK_TCK`). */
const CLOCK_TICKS = 100;
