// Preloaded into the API and the baseline by `BENCH_STALLS=<dir> npm run bench -- load`
// (NODE_OPTIONS=--require): writes, one JSON line each, every garbage collection of 5 ms or more
// and every event-loop stall of 20 ms or more (a 5 ms timer that fired that much late), with the
// wall-clock time it ended at, to <dir>/<name>-<pid>.jsonl, so slow open-loop requests can be put
// beside what their server was doing.
const { PerformanceObserver, constants } = require('node:perf_hooks');
const { appendFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_STALLS_DIR;
if (dir) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${process.env.BENCH_STALLS_NAME ?? 'server'}-${process.pid}.jsonl`);
  const lines = [];
  const flush = () => {
    if (lines.length > 0) appendFileSync(file, lines.splice(0).join(''));
  };
  const kinds = { [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major', [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb' };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration >= 5) lines.push(JSON.stringify({ at: Math.round(performance.timeOrigin + e.startTime + e.duration), gc: kinds[e.detail?.kind] ?? String(e.detail?.kind), ms: Math.round(e.duration * 10) / 10 }) + '\n');
    }
  }).observe({ entryTypes: ['gc'] });
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const late = now - last - 5;
    if (late >= 20) lines.push(JSON.stringify({ at: Date.now(), stall: Math.round(late) }) + '\n');
    last = now;
  }, 5).unref();
  setInterval(flush, 1000).unref();
  process.on('exit', flush);
}
