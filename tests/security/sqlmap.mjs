#!/usr/bin/env node
// SQL injection scan: starts the production build (tests/support startApp) with a seeded user, then
// runs sqlmap (Debian package, /usr/bin/sqlmap) in batch mode against the query-string, JSON-body
// and path parameters of the main endpoints, with the session cookie and CSRF header. Bounded:
// level 2, risk 1, boolean/error/union/stacked/time techniques, 2 s time delays, 10 s timeouts and
// at most SQLMAP_TARGET_SECONDS (default 100) per target. Fails when sqlmap reports an injectable
// parameter or the app answers 5xx. Build first: npx nx run-many -t build -p api web
// (npm run test:chaos does). Usage: node tests/security/sqlmap.mjs [target-name ...]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { cookieClient } from './cookie-client.mjs';

const SQLMAP = process.env.SQLMAP ?? '/usr/bin/sqlmap';
const TARGET_SECONDS = Number(process.env.SQLMAP_TARGET_SECONDS ?? 100);
const PASSWORD = 'a long enough secret';

if (spawnSync(SQLMAP, ['--version'], { stdio: 'ignore' }).error) {
  process.stderr.write(`sqlmap: ${SQLMAP} is not installed (apt-get install -y sqlmap)\n`);
  process.exit(1);
}

const { startApp } = await tsImport('../support/index.ts', import.meta.url);


function sqlmap(name, args, outDir) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(
      SQLMAP,
      [
        '--batch', '--disable-coloring', '--flush-session', `--output-dir=${outDir}`,
        '--level=2', '--risk=1', '--technique=BEUST', '--time-sec=2', '--timeout=10', '--retries=0', '--threads=2',
        '--dbms=PostgreSQL', '--answers=follow=N,keep testing=Y',
        // Level 2 would also mangle the cookies: a broken session cookie is just 401, and ends the run.
        '--skip=goprep_session,goprep_csrf,goprep_candidate',
        ...args,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), TARGET_SECONDS * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ name, code, out, seconds: Math.round((Date.now() - started) / 1000), timedOut: Date.now() - started >= TARGET_SECONDS * 1000 });
    });
  });
}

/** sqlmap's own verdicts: an injection point, and the HTTP error codes it saw. */
function verdict(run, outDir) {
  // Only a confirmed point counts: sqlmap also prints "appears to be ... injectable" for a heuristic
  // hit that its own false-positive check then rejects (a boolean field whose junk values get 400).
  const found = /identified the following injection point|is vulnerable/i.test(run.out);
  const errors = [...run.out.matchAll(/(\d{3}) \([^)]*\) - (\d+) times/g)].map((m) => ({ status: Number(m[1]), times: Number(m[2]) }));
  // sqlmap writes a per-host `log` with the injection points it confirmed; it is empty when none.
  const logs = existsSync(outDir)
    ? readdirSync(outDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => join(outDir, d.name, 'log'))
        .filter((f) => existsSync(f))
        .map((f) => readFileSync(f, 'utf8').trim())
        .filter(Boolean)
    : [];
  // sqlmap stops with [CRITICAL] when it cannot test at all (the target answered 404, ...); its WAF heuristic is only a notice.
  // A 401/403 to the untouched request means the session or CSRF header did not get through: nothing was really tested.
  const aborted = run.out
    .split('\n')
    .filter((l) => (/\[CRITICAL\]/.test(l) && !/WAF\/IPS/.test(l)) || /\[ERROR\] not authorized|responded with an HTTP error code \((401|403)\)/.test(l));
  return { found: found || logs.length > 0, serverErrors: errors.filter((e) => e.status >= 500), aborted, logs };
}

const app = await startApp({
  env: { LOG_LEVEL: 'warn', LOGIN_MAX_ATTEMPTS_PER_IP: '100000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000', ATTEMPT_SWEEP_INTERVAL_MS: '0' },
});
let failed = false;
const outRoot = mkdtempSync(join(tmpdir(), 'goprep-sqlmap-'));
try {
  const c = cookieClient(app.url);
  await c.call('GET', '/api/auth/csrf');
  await c.call('POST', '/api/auth/register', { email: 'scanner@example.com', password: PASSWORD, displayName: 'Scanner' });
  const org = await c.call('POST', '/api/orgs', { name: 'Scan org' });
  const attempt = await c.call('POST', '/api/attempts', { mode: 'quick', topics: ['channels'], difficulty: { min: 1, max: 5 }, count: 3, timeLimitMinutes: 60 });
  const page = await c.call('GET', '/api/questions?topic=channels&pageSize=1');
  const questionId = page.items[0].id;
  await c.call('POST', '/api/drills/deck', { topic: 'channels' });
  const set = await c.call('POST', `/api/orgs/${org.id}/sets`, { title: 'Scan set' }).catch(() => null);
  const orgQuestion = await c.call('POST', `/api/orgs/${org.id}/questions`, {
    title: 'Close a nil channel', topic: 'channels', subtopic: 'nil-channels', type: 'single', difficulty: 2, tags: ['nil-channel'],
    go_version: '1.26', expected_seconds: 60, references: ['https://go.dev/ref/spec#Close'],
    prompt: 'What happens when a program closes a nil channel?', explanation: 'It panics: closing a nil channel is a run-time panic.',
    options: [{ id: 'a', text: 'It panics', correct: true }, { id: 'b', text: 'Nothing happens', correct: false }],
  });

  const cookie = [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  // One --headers option (sqlmap keeps only the last one given); it sends JSON data as application/json itself.
  const auth = [`--cookie=${cookie}`, `--headers=X-CSRF-Token: ${decodeURIComponent(c.jar.get('goprep_csrf'))}`];
  const json = (method, path, body) => [...auth, `--url=${app.url}${path}`, `--method=${method}`, `--data=${JSON.stringify(body)}`];
  const targets = [
    { name: 'search', args: [...auth, `--url=${app.url}/api/questions?topic=channels&type=single&difficulty=2&tag=close&q=channel&page=1&pageSize=5`] },
    { name: 'question-path', args: [...auth, `--url=${app.url}/api/questions/${questionId}*`] },
    // A wrong password is answered 401 by design: compare those answers instead of stopping at them.
    { name: 'login', args: [...json('POST', '/api/auth/login', { email: 'scanner@example.com', password: 'wrong but long enough' }), '--ignore-code=401'] },
    { name: 'answer', args: json('PUT', `/api/attempts/${attempt.id}/items/1/answer`, { response: { choice: 'a' }, flagged: false, timeSpentMs: 1000 }) },
    { name: 'drill-review', args: json('POST', '/api/drills/reviews', { reviewId: '0b7c1d52-3c5e-4d0a-9f61-1e2d3c4b5a69', questionId, durationMs: 3000, rating: 'good' }) },
    { name: 'drill-settings', args: json('PUT', '/api/drills/settings', { timezone: 'Europe/Paris', newCardsPerDay: 10 }) },
    { name: 'org', args: json('POST', '/api/orgs', { name: 'Another org' }) },
    { name: 'org-questions', args: [...auth, `--url=${app.url}/api/orgs/${org.id}/questions/${orgQuestion.id}*`] },
    ...(set ? [{ name: 'set-results', args: [...auth, `--url=${app.url}/api/orgs/${org.id}/sets/${set.id}/results?sort=rank&order=asc&search=ann&minPercent=0&maxPercent=100`] }] : []),
  ];
  const only = process.argv.slice(2);
  for (const target of targets.filter((t) => only.length === 0 || only.includes(t.name))) {
    const outDir = join(outRoot, target.name);
    const run = await sqlmap(target.name, target.args, outDir);
    const v = verdict(run, outDir);
    const line = `sqlmap ${target.name}: ${v.found ? 'INJECTABLE' : v.aborted.length ? `NOT TESTED: ${v.aborted.join(' ')}` : 'nothing found'}${v.serverErrors.length ? `, server errors ${JSON.stringify(v.serverErrors)}` : ''} (${run.seconds} s${run.timedOut ? ', stopped at the time bound' : ''})`;
    process.stdout.write(`${line}\n`);
    if (process.env.SQLMAP_VERBOSE) process.stdout.write(run.out);
    if (v.found || v.serverErrors.length || v.aborted.length) {
      failed = true;
      process.stdout.write(`${v.logs.join('\n')}\n${run.out.split('\n').filter((l) => /injectable|vulnerable|injection point|Parameter:|Payload:|\d{3} \(/i.test(l)).join('\n')}\n`);
    }
  }
} catch (e) {
  failed = true;
  process.stderr.write(`sqlmap: ${e instanceof Error ? e.stack : String(e)}\n${app.output().slice(-2000)}\n`);
} finally {
  await app.stop();
  rmSync(outRoot, { recursive: true, force: true });
}
process.stdout.write(`sqlmap: ${failed ? 'FAIL' : 'PASS'}\n`);
process.exit(failed ? 1 : 0);
