import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStallEvents, summariseStalls, type StallEvent } from './stalls';

describe('summariseStalls', () => {
  const requests: Array<[number, number]> = [
    [1_000, 10],
    [1_100, 60],
    [1_200, 50],
    [1_300, 5],
  ];

  it('should count only the events inside the turn (first scheduled send to last answer) and the slow requests', () => {
    const events: StallEvent[] = [
      { at: 999, gc: 'major', ms: 40 },
      { at: 1_000, gc: 'minor', ms: 6 },
      { at: 1_150, gc: 'minor', ms: 9.5 },
      { at: 1_200, stall: 35 },
      { at: 1_305, gc: 'major', ms: 12 },
      { at: 1_306, stall: 80 },
    ];
    expect(summariseStalls(events, requests)).toEqual({
      slow: 2,
      gcCount: 3,
      gcMs: 28,
      gcMaxMs: 12,
      gcKinds: { minor: 2, major: 1 },
      stalls: 1,
      stallMaxMs: 35,
    });
  });

  it('should report nothing when nothing happened', () => {
    expect(summariseStalls([], requests, 100)).toEqual({ slow: 0, gcCount: 0, gcMs: 0, gcMaxMs: 0, gcKinds: {}, stalls: 0, stallMaxMs: 0 });
  });
});

describe('stall-hook.cjs in a real Node process', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'goprep-stalls-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should log a blocked event loop as a stall with its length', () => {
    // Blocks the loop for 300 ms once the hook's 5 ms timer runs, then lets it tick again and exits.
    const script = 'setTimeout(() => { const end = Date.now() + 300; while (Date.now() < end); setTimeout(() => process.exit(0), 50); }, 50);';
    const result = spawnSync(process.execPath, ['--require', join(__dirname, 'stall-hook.cjs'), '-e', script], {
      env: { ...process.env, NODE_OPTIONS: '', BENCH_STALLS_DIR: dir, BENCH_STALLS_NAME: 'probe' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const stalls = readStallEvents(dir, 'probe').filter((e) => 'stall' in e) as Array<{ at: number; stall: number }>;
    expect(stalls.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...stalls.map((e) => e.stall))).toBeGreaterThanOrEqual(280);
  });
});
