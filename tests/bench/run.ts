/**
 * `npm run bench [-- load explain bank-search web scale-out judge validation item-stats rooms statements]`: every benchmark of issue 8, or the named ones.
 * Not part of `npm test`. Needs the build (`npx nx run-many -t build -p api web`); seeds the
 * default-scale cluster (.data/bench) on first use. Environment: BENCH_DURATION (s per load run,
 * default 8), BENCH_WARMUP (2), BENCH_DATA_DIR (.data/bench), BENCH_ONLY (load scenario filter).
 */
import { cpus, loadavg } from 'node:os';
import { runBankSearch } from './bank-search';
import { runExplain } from './explain';
import { runItemStats } from './item-stats';
import { runJudgeBench } from './judge';
import { runLighthouse } from './lighthouse';
import { runLoad } from './load';
import { runPaging } from './paging';
import { runRooms } from './rooms';
import { runScaleOut } from './scale-out';
import { runStatements } from './statements';
import { runValidationBench } from './validation';
import { runWeb } from './web';
import { runWire } from './wire';

const ALL = { load: runLoad, explain: runExplain, 'bank-search': () => runBankSearch(), web: runWeb, wire: runWire, lighthouse: runLighthouse, 'scale-out': runScaleOut, judge: () => runJudgeBench(), validation: runValidationBench, 'item-stats': runItemStats, rooms: runRooms, statements: runStatements, paging: runPaging } as const;
type Name = keyof typeof ALL;

async function main(): Promise<number> {
  // Names; `--option value` pairs belong to the benchmarks (numberArgs), so a value is not a name.
  const argv = process.argv.slice(2);
  const asked = argv.filter((a, i) => !a.startsWith('-') && !(i > 0 && argv[i - 1]!.startsWith('--') && /^[\d.]+$/.test(a)));
  const unknown = asked.filter((a) => !(a in ALL));
  if (unknown.length > 0) throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; known: ${Object.keys(ALL).join(', ')}`);
  const names = (asked.length > 0 ? asked : Object.keys(ALL)) as Name[];
  const started = performance.now();
  console.log(`goprep bench: ${names.join(', ')} on ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
  let failed = 0;
  for (const name of names) {
    console.log(`\n=== ${name}`);
    const t = performance.now();
    try {
      const result = await ALL[name]();
      if (name === 'scale-out' && (result as { failures: string[] }).failures.length > 0) failed += 1;
    } catch (e) {
      failed += 1;
      console.error(`${name} failed:`, e);
    }
    console.log(`(${name}: ${((performance.now() - t) / 1000).toFixed(0)} s, load average now ${loadavg()[0]!.toFixed(1)})`);
  }
  console.log(`\nbench done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
