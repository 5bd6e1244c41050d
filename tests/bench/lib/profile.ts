import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, our code, Node itself, or the idle/GC pseudo-frames. */
function owner(url: string, fn: string): string {
  if (!url) return `(${fn || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node (core)';
  const ours = /\/(apps\/api|libs\/[^/]+)\//.exec(url);
  return ours ? `goprep ${ours[1]}` : url;
}

/**
 * Self time of the API process by owner and by function, from the `.cpuprofile` files that
 * `node --cpu-prof` wrote into dir (open them in Chrome DevTools > Performance for a flame graph).
 */
export function summariseProfiles(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const byOwner = new Map<string, number>();
  const byFn = new Map<string, number>();
  // Time with the owner anywhere on the stack (its own code and what it calls), each owner once per sample.
  const inclusive = new Map<string, number>();
  let total = 0;
  let busy = 0;
  for (const file of files) {
    const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const ownersOnStack = new Map<number, Set<string>>();
    const stackOwners = (id: number): Set<string> => {
      let set = ownersOnStack.get(id);
      if (set) return set;
      const n = nodes.get(id);
      const up = parent.get(id);
      set = new Set(up === undefined ? [] : stackOwners(up));
      if (n && n.callFrame.url) set.add(owner(n.callFrame.url, n.callFrame.functionName));
      ownersOnStack.set(id, set);
      return set;
    };
    p.samples.forEach((id, i) => {
      const n = nodes.get(id);
      if (!n) return;
      const dt = (p.timeDeltas[i] ?? 0) / 1000;
      total += dt;
      const o = owner(n.callFrame.url, n.callFrame.functionName);
      byOwner.set(o, (byOwner.get(o) ?? 0) + dt);
      if (o !== '((idle))') busy += dt;
      for (const on of stackOwners(id)) inclusive.set(on, (inclusive.get(on) ?? 0) + dt);
      const fn = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(apps|libs)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
      byFn.set(fn, (byFn.get(fn) ?? 0) + dt);
    });
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${((100 * v) / (total || 1)).toFixed(1).padStart(5)}%  ${k}`);
  const ofBusy = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${((100 * v) / (busy || 1)).toFixed(1).padStart(5)}%  ${k}`);
  return [
    `CPU profile of the API (${files.join(', ')} in ${dir}), self time by owner:`,
    ...top(byOwner, 15),
    'top functions:',
    ...top(byFn, 20),
    `inclusive time by owner (the owner's code anywhere on the stack), % of the busy (non-idle) ${(busy / 1000).toFixed(1)} s:`,
    ...ofBusy(inclusive, 40),
  ].join('\n');
}
