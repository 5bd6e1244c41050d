#!/usr/bin/env node
// `npm test`: every layer of the pyramid, in order, each printing its own runner's summary.
// A failing layer does not hide the ones after it; the exit code is non-zero if any failed.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR };
const steps = [
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['unit', 'npx', ['jest', '-c', 'jest.config.ts']],
  ['bank lint', 'npm', ['run', '--silent', 'bank', '--', 'lint']],
  ['bank verify', 'npm', ['run', '--silent', 'bank', '--', 'verify']],
  ['bank templates', 'npm', ['run', '--silent', 'bank', '--', 'templates']],
  ['build', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', 'runner', '--output-style=stream-without-prefixes']],
  ['openapi up to date', 'node', ['scripts/check-openapi.mjs']],
  ['api e2e', 'npx', ['jest', '-c', 'tests/api-e2e/jest.config.ts']],
  // The OpenAPI document as a fuzzer's contract (about 4 minutes): .ci/run installs Schemathesis.
  ['schemathesis', 'node', ['tests/security/schemathesis.mjs']],
  ['web e2e', 'npx', ['jest', '-c', 'tests/web-e2e/jest.config.ts']],
];

const only = process.argv.slice(2);
const results = [];
for (const [name, cmd, args] of steps) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(' ')}\n`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { stdio: 'inherit', env });
  const ok = run.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
}

process.stdout.write('\n=== summary\n');
for (const r of results) process.stdout.write(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}  (${r.seconds} s)\n`);
const failed = results.filter((r) => !r.ok).length;
process.stdout.write(`layers: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
