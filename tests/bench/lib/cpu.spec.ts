import { spawn } from 'node:child_process';
import { cpuSeconds, treeCpuSeconds } from './cpu';

function burn(ms: number): void {
  const until = process.cpuUsage().user / 1000 + ms;
  let x = 0;
  while (process.cpuUsage().user / 1000 < until) x += Math.sqrt(x + 1);
  if (x < 0) throw new Error('unreachable');
}

describe('cpuSeconds', () => {
  it('should count the CPU a process spends, as the process itself measures it', () => {
    const before = cpuSeconds(process.pid);
    const own = process.cpuUsage();
    burn(300);
    const after = cpuSeconds(process.pid);
    const ownSeconds = (() => {
      const d = process.cpuUsage(own);
      return (d.user + d.system) / 1e6;
    })();
    expect(before).not.toBeNull();
    expect(after).not.toBeNull();
    const counted = (after ?? 0) - (before ?? 0);
    expect(counted).toBeGreaterThanOrEqual(0.25);
    // /proc counts in 10 ms ticks; other threads of this process (GC) may add a little.
    expect(Math.abs(counted - ownSeconds)).toBeLessThan(0.1);
  });

  it('should see another process idle while it sleeps', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 3000)'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 500));
      const before = cpuSeconds(child.pid);
      await new Promise((r) => setTimeout(r, 700));
      const after = cpuSeconds(child.pid);
      expect(before).not.toBeNull();
      expect((after ?? 1) - (before ?? 0)).toBeLessThan(0.05);
    } finally {
      child.kill();
    }
  });

  it('should answer null without a process', () => {
    expect(cpuSeconds(undefined)).toBeNull();
    expect(cpuSeconds(2 ** 22 + 12345)).toBeNull();
  });
});

describe('treeCpuSeconds', () => {
  it("should count a child's and a grandchild's CPU with the parent's", async () => {
    // A shell starts a node process and waits: that grandchild burns 300 ms of CPU (however long a
    // busy machine makes that take), says so and idles. The shell itself only waits.
    const busy = `let x = 0; while (process.cpuUsage().user < 300000) x += Math.sqrt(x + 1); console.log("burnt", x > 0); setInterval(() => {}, 1000);`;
    const shell = spawn('sh', ['-c', `"${process.execPath}" -e '${busy}' & wait`], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
    try {
      const before = treeCpuSeconds(shell.pid);
      const shellBefore = cpuSeconds(shell.pid);
      await new Promise<void>((resolve) => shell.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('burnt') && resolve()));
      const after = treeCpuSeconds(shell.pid);
      const shellAfter = cpuSeconds(shell.pid);
      expect(before).not.toBeNull();
      expect((after ?? 0) - (before ?? 0)).toBeGreaterThanOrEqual(0.29);
      expect((shellAfter ?? 1) - (shellBefore ?? 0)).toBeLessThan(0.05);
    } finally {
      // The shell leads its own process group: stop the grandchild with it.
      process.kill(-(shell.pid as number), 'SIGKILL');
    }
  }, 60_000);

  it('should answer null without a process', () => {
    expect(treeCpuSeconds(undefined)).toBeNull();
    expect(treeCpuSeconds(2 ** 22 + 12345)).toBeNull();
  });
});
