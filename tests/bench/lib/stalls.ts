/**
 * What a server was doing while an open-loop turn ran: the lines lib/stall-hook.cjs wrote
 * (garbage collections of 5 ms or more, event-loop stalls of 20 ms or more, each with the wall-clock
 * time it ended) inside the turn's time window, next to how many requests were slow.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type StallEvent = { at: number; gc: string; ms: number } | { at: number; stall: number };

export interface StallSummary {
  /** Requests of the turn that took at least `slowMs` from their scheduled send time. */
  slow: number;
  gcCount: number;
  gcMs: number;
  gcMaxMs: number;
  /** Collections by kind (minor = scavenge, major = mark-compact, incremental = marking steps). */
  gcKinds: Record<string, number>;
  stalls: number;
  stallMaxMs: number;
}

/** Events written by the server named `name` (lib/stall-hook.cjs's BENCH_STALLS_NAME), any of its processes. */
export function readStallEvents(dir: string, name: string): StallEvent[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as StallEvent),
    );
}

/**
 * The events that ended between the first request's scheduled send and the last answer, and the
 * requests (`[scheduled wall ms, latency ms]`) that took `slowMs` or more.
 */
export function summariseStalls(events: readonly StallEvent[], requests: ReadonlyArray<readonly [number, number]>, slowMs = 50): StallSummary {
  const from = Math.min(...requests.map((r) => r[0]));
  const to = Math.max(...requests.map((r) => r[0] + r[1]));
  const inside = events.filter((e) => e.at >= from && e.at <= to);
  const gcs = inside.filter((e): e is Extract<StallEvent, { gc: string }> => 'gc' in e);
  const stalls = inside.filter((e): e is Extract<StallEvent, { stall: number }> => 'stall' in e);
  const gcKinds: Record<string, number> = {};
  for (const e of gcs) gcKinds[e.gc] = (gcKinds[e.gc] ?? 0) + 1;
  return {
    slow: requests.filter((r) => r[1] >= slowMs).length,
    gcCount: gcs.length,
    gcMs: Math.round(gcs.reduce((sum, e) => sum + e.ms, 0)),
    gcMaxMs: Math.max(0, ...gcs.map((e) => e.ms)),
    gcKinds,
    stalls: stalls.length,
    stallMaxMs: Math.max(0, ...stalls.map((e) => e.stall)),
  };
}

export function formatStalls(s: StallSummary, slowMs = 50): string {
  const kinds = Object.entries(s.gcKinds)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  return `${s.slow} request(s) >= ${slowMs} ms; GC >= 5 ms: ${s.gcCount}${kinds ? ` (${kinds})` : ''}, ${s.gcMs} ms in all, longest ${s.gcMaxMs}; event-loop stalls >= 20 ms: ${s.stalls}, longest ${s.stallMaxMs}`;
}
