#!/usr/bin/env node
// `npm run test:chaos`: the slow fault-injection suite (tests/chaos) against the production build:
// kill -9 x20, Postgres stopped for 10 s under a browser, a skewed browser clock, 500 candidates.
// Builds api + web first (Nx cache makes that quick when nothing changed). Extra arguments go to Jest,
// e.g. `npm run test:chaos -- kill-restart`. CHAOS_SEED replays the kill points of an earlier run.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR };
const started = Date.now();
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status === 0;

process.stdout.write('\n=== chaos: build api + web\n');
if (!run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=stream-without-prefixes'])) {
  process.stdout.write('chaos: the build failed\n');
  process.exit(1);
}
process.stdout.write('\n=== chaos: jest -c tests/chaos/jest.config.ts\n');
const jestOk = run('npx', ['jest', '-c', 'tests/chaos/jest.config.ts', '--runInBand', ...process.argv.slice(2)]);
// The SQL injection scan (tests/security/sqlmap.mjs, a few minutes) and npm audit; left out when Jest was given a filter.
const filtered = process.argv.length > 2;
if (!filtered) process.stdout.write('\n=== chaos: sqlmap (tests/security/sqlmap.mjs), npm audit --omit=dev\n');
const securityOk = filtered || [run('node', ['tests/security/sqlmap.mjs']), run('node', ['tests/security/npm-audit.mjs'])].every(Boolean);
const ok = jestOk && securityOk;
process.stdout.write(`\n=== chaos: ${ok ? 'PASS' : 'FAIL'} in ${Math.round((Date.now() - started) / 1000)} s\n`);
process.exit(ok ? 0 : 1);
