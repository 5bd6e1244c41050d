#!/usr/bin/env node
// `npm audit --omit=dev`: fails on a high or critical advisory in what production installs.
// A registry without the audit endpoint (the partial mirror of the development machine answers
// 405) cannot say anything: that is reported and is not a failure.
import { spawnSync } from 'node:child_process';

const res = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(res.stdout);
} catch {
  report = undefined;
}
const unavailable = !report?.metadata;
if (unavailable) {
  const why = report?.message ?? report?.error?.summary ?? 'no JSON report';
  process.stdout.write(`npm audit: the registry gave no advisories (${why.trim()}); nothing checked\n`);
  process.exit(0);
}
const counts = report.metadata.vulnerabilities;
process.stdout.write(`npm audit --omit=dev: ${JSON.stringify(counts)}\n`);
const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
for (const [name, v] of serious) process.stdout.write(`  ${v.severity}: ${name} ${v.range} (${[v.via].flat().map((x) => (typeof x === 'string' ? x : x.title)).join('; ')})\n`);
process.exit(serious.length ? 1 : 0);
