#!/usr/bin/env node
// Property-based API fuzzing from the OpenAPI document: starts the production build
// (tests/support startApp, embedded Postgres) and runs Schemathesis (PyPI, installed by .ci/run
// into .venv-ci) with every check and all four phases, twice and side by side: anonymously (a CSRF
// cookie and header only, so writes reach the code behind the CSRF check) and as a logged-in
// learner. Fails on any 5xx and any response that contradicts the document. Bounded by
// SCHEMATHESIS_MAX_EXAMPLES (default 8 per operation and phase) and SCHEMATHESIS_MAX_SECONDS per
// run (default 115: side by side, that gives each run about the test cases 100 s gave it alone).
// Settings and the checks' documented exceptions: tests/security/schemathesis.toml and
// docs/reliability.md. Build first: npx nx run-many -t build -p api web.
// Usage: node tests/security/schemathesis.mjs [anonymous|learner ...]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { cookieClient } from './cookie-client.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ST = process.env.SCHEMATHESIS ?? join(ROOT, '.venv-ci/bin/st');
const MAX_EXAMPLES = process.env.SCHEMATHESIS_MAX_EXAMPLES ?? '8';
const MAX_SECONDS = Number(process.env.SCHEMATHESIS_MAX_SECONDS ?? 115);
const PASSWORD = 'a long enough secret';
const METRICS_TOKEN = 'schemathesis-metrics-token-0123';

// A fresh clone's `npm test` installs Schemathesis itself (PyPI, into the git-ignored .venv-ci), as .ci/run does.
if (!existsSync(ST) && process.env.SCHEMATHESIS === undefined) {
  process.stdout.write('schemathesis: installing schemathesis>=4,<5 into .venv-ci (once)\n');
  const venv = spawnSync('python3', ['-m', 'venv', join(ROOT, '.venv-ci')], { stdio: 'inherit' });
  const pip = venv.status === 0 && spawnSync(join(ROOT, '.venv-ci/bin/pip'), ['install', '--quiet', '--disable-pip-version-check', 'schemathesis>=4,<5'], { stdio: 'inherit' });
  if (!pip || pip.status !== 0) process.stderr.write('schemathesis: the install failed (needs python3 with venv: apt-get install python3-venv)\n');
}
if (!existsSync(ST)) {
  process.stderr.write(`schemathesis: ${ST} is missing (python3 -m venv .venv-ci && .venv-ci/bin/pip install 'schemathesis>=4,<5')\n`);
  process.exit(1);
}

const { startApp } = await tsImport('../support/index.ts', import.meta.url);


function schemathesis(name, url, credentials, extra, reportDir) {
  const args = [
    'run', `${url}/api/docs/openapi.json`,
    '--url', url,
    '--checks', 'all',
    // Documented exception (docs/reliability.md, schemathesis.toml): rules JSON Schema cannot state.
    '--exclude-checks', 'positive_data_acceptance',
    '--phases', 'examples,coverage,fuzzing,stateful',
    '--max-examples', MAX_EXAMPLES,
    '--max-time', String(MAX_SECONDS),
    // One worker: with two, Hypothesis' lambda descriptions call ast.parse from two threads, which
    // CPython 3.11 can fail with "AST constructor recursion depth mismatch" (a tool error, not a finding).
    '--workers', '1',
    '--seed', process.env.SCHEMATHESIS_SEED ?? '20261206',
    '--request-timeout', '15',
    '--no-color',
    '--report', 'junit',
    '--report-dir', reportDir,
    ...extra,
  ];
  return new Promise((done) => {
    const started = Date.now();
    // The runs go side by side: each one's output is kept and printed whole when it ends.
    const child = spawn(ST, args, { cwd: join(ROOT, 'tests/security'), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...credentials } });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      process.stdout.write(`\n=== schemathesis ${name}\n`);
      process.stdout.write(Buffer.concat(output));
      done({ name, code, seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

const app = await startApp({
  env: {
    LOG_LEVEL: 'warn',
    LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
    ATTEMPT_SWEEP_INTERVAL_MS: '0',
    METRICS_TOKEN,
  },
});
const results = [];
const reportRoot = join(ROOT, 'tmp', 'schemathesis');
mkdirSync(reportRoot, { recursive: true });
try {
  const anon = cookieClient(app.url);
  await anon.call('GET', '/api/auth/csrf');
  const csrf = decodeURIComponent(anon.jar.get('goprep_csrf'));

  // The first account becomes the admin: take that place so that the fuzzed session is a learner's.
  const admin = cookieClient(app.url);
  await admin.call('GET', '/api/auth/csrf');
  await admin.call('POST', '/api/auth/register', { email: 'fuzz-admin@example.com', password: PASSWORD, displayName: 'Fuzz admin' });
  const learner = cookieClient(app.url);
  await learner.call('GET', '/api/auth/csrf');
  await learner.call('POST', '/api/auth/register', { email: 'fuzz-learner@example.com', password: PASSWORD, displayName: 'Fuzz learner' });
  await learner.call('POST', '/api/attempts', { mode: 'quick', topics: ['channels'], difficulty: { min: 1, max: 5 }, count: 3, timeLimitMinutes: 60 });
  const me = await learner.call('GET', '/api/me');
  if (me.role !== 'learner') throw new Error(`the fuzzed account is ${me.role}, not a learner`);

  // Credentials for schemathesis.toml's [auth.openapi], by security scheme. Nobody holds a candidate
  // cookie (candidate routes answer 401); the metrics token is the app's own.
  const common = { GOPREP_CANDIDATE: 'no-candidate-session', GOPREP_METRICS_TOKEN: METRICS_TOKEN };
  const runs = [
    { name: 'anonymous', credentials: { ...common, GOPREP_SESSION: 'no-session', GOPREP_CSRF: csrf }, extra: [] },
    {
      name: 'learner',
      credentials: { ...common, GOPREP_SESSION: learner.jar.get('goprep_session'), GOPREP_CSRF: decodeURIComponent(learner.jar.get('goprep_csrf')) },
      // Logging out or changing the password would end the session the rest of the run needs.
      extra: ['--exclude-path', '/api/auth/logout', '--exclude-path', '/api/auth/password'],
    },
  ];
  const only = process.argv.slice(2);
  // Both runs at once against the one server: each is a single Python process (about one core
  // with the server's share), so on two cores they take about the wall time of one. Measured in
  // docs/performance.md ("Schemathesis side by side"): 115 s each side by side generate about the
  // test cases of 100 s each one after the other.
  const chosen = runs.filter((r) => only.length === 0 || only.includes(r.name));
  process.stdout.write(`schemathesis: ${chosen.map((r) => r.name).join(' and ')} side by side, each up to ${MAX_SECONDS} s\n`);
  results.push(...(await Promise.all(chosen.map((run) => schemathesis(run.name, app.url, run.credentials, run.extra, join(reportRoot, run.name))))));
} catch (e) {
  results.push({ name: 'setup', code: 1, seconds: 0 });
  process.stderr.write(`schemathesis: ${e instanceof Error ? e.stack : String(e)}\n${app.output().slice(-2000)}\n`);
} finally {
  await app.stop();
}
const serverLog = app.output();
for (const r of results) process.stdout.write(`schemathesis ${r.name}: ${r.code === 0 ? 'PASS' : `FAIL (exit ${r.code})`} (${r.seconds} s)\n`);
const failed = results.filter((r) => r.code !== 0).length;
if (failed > 0 && serverLog) process.stdout.write(`last server output:\n${serverLog.slice(-3000)}\n`);
process.stdout.write(`schemathesis: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
