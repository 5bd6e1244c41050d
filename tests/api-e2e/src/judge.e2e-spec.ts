import { freePort, SHARED_JUDGE_DATA_DIR, startRunner, type RunningRunner } from '@goprep/test-support';
import { embeddedUrl } from '@goprep/api/testing';
import { e2eDatabase } from './support/e2e-env';
import { HIDDEN_MARKER, insertTallyTask, slowSolution, SOLUTION, TALLY_ID } from './support/judge-fixture';
import { cookieFetch, createTestApp, type TestApp } from './support/test-app';

const RUNS_PER_MINUTE = 8;

interface Run {
  id: string;
  state: 'queued' | 'running' | 'done';
  verdict: string | null;
  score: number | null;
  tests: Array<{ name: string; passed: boolean; output?: string }>;
  compileOutput: string | null;
  message: string | null;
  codeHash: string;
}

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
  headers: Headers;
}

interface Learner {
  call(method: 'GET' | 'POST' | 'PUT', path: string, body?: object): Promise<Reply>;
  fetch: typeof fetch;
}

async function learner(app: TestApp, email: string): Promise<Learner> {
  const jar = cookieFetch();
  await jar.fetch(`${app.url}/api/auth/csrf`);
  const call = async (method: 'GET' | 'POST' | 'PUT', path: string, body?: object): Promise<Reply> => {
    const headers: Record<string, string> = { 'x-csrf-token': decodeURIComponent(jar.cookie('goprep_csrf') ?? '') };
    if (body) headers['content-type'] = 'application/json';
    const res = await jar.fetch(`${app.url}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, text, headers: res.headers };
  };
  const reg = await call('POST', '/api/auth/register', { email, password: 'correct horse battery', displayName: 'Judge Tester' });
  expect(reg.status).toBe(201);
  return { call, fetch: jar.fetch };
}

/** Reads the run's server-sent events until the server ends the stream (after the verdict). */
async function followEvents(app: TestApp, user: Learner, runId: string, timeoutMs: number, diagnose: () => string): Promise<{ runs: Run[]; raw: string }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const runs: Run[] = [];
  let raw = '';
  try {
    const res = await user.fetch(`${app.url}/api/judge/runs/${runId}/events`, { signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const chunk = decoder.decode(value, { stream: true });
      raw += chunk;
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (block.startsWith('event: run') && data) runs.push(JSON.parse(data.slice('data: '.length)) as Run);
      }
    }
  } catch (e) {
    throw new Error(`event stream of run ${runId} failed (${String(e)}); events so far: ${JSON.stringify(runs.map((r) => r.state))}\n${diagnose()}`);
  } finally {
    clearTimeout(timer);
  }
  return { runs, raw };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, diagnose: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${diagnose()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Judge: queued runs judged by a real runner process (bubblewrap + Go)', () => {
  let app: TestApp;
  let databaseUrl: string;
  let alice: Learner;
  let versionId: string;
  const runners: RunningRunner[] = [];
  const logs = () => runners.map((r) => `--- runner ${r.runnerId}:\n${r.output()}`).join('\n');

  const runner = (id: string, env: Record<string, string> = {}) => {
    const r = startRunner(id, {
      DATABASE_URL: databaseUrl,
      JUDGE_DATA_DIR: SHARED_JUDGE_DATA_DIR,
      RUNNER_HEARTBEAT_MS: '300',
      RUNNER_SWEEP_MS: '500',
      RUNNER_DEAD_AFTER_MS: '2000',
      ...env,
    });
    runners.push(r);
    return r;
  };

  /** A live runner taking jobs: the one already up, or a new one (on the cache warmed by the first). */
  const readyRunner = async (id: string) => {
    const r = runners.find((x) => x.alive() && x.output().includes('ready: taking judge jobs')) ?? runner(id, { RUNNER_SKIP_WARM: 'true' });
    await r.waitFor('ready: taking judge jobs', 60_000);
    return r;
  };

  const jobsOf = (runId: string) =>
    app.sql<{ attempts: number; locked_by: string | null }>(`SELECT attempts, locked_by FROM graphile_worker.jobs WHERE key = $1`, [runId]);
  // The queue completes a job right after the handler stored the verdict (and notified).
  const jobCompleted = (runId: string) => until('the job to complete', async () => ((await jobsOf(runId)).length === 0 ? true : undefined), 10_000, logs);
  const stored = async (runId: string) =>
    (
      await app.sql<{ state: string; verdict: string | null; attempt_count: number; runner_id: string | null; finished_at: Date | null }>(
        'SELECT state, verdict, attempt_count, runner_id, finished_at FROM judge_runs WHERE id = $1',
        [runId],
      )
    )[0]!;

  beforeAll(async () => {
    app = await createTestApp({ JUDGE_RUNS_PER_MINUTE: String(RUNS_PER_MINUTE) });
    databaseUrl = embeddedUrl(e2eDatabase().port, app.database);
    versionId = await insertTallyTask(app);
    // The runners of this suite warm and judge the fixture only (the bank's tasks are judged by `npm run bank -- verify`).
    await app.sql('DELETE FROM judge_task_specs WHERE question_version_id <> $1', [versionId]);
    alice = await learner(app, 'alice-judge@example.com');
  });

  afterAll(async () => {
    for (const r of runners) await r.stop();
    await app?.close();
  });

  it("should store each bank code task's judge spec server-side when the bank is loaded", async () => {
    const template = await createTestApp();
    try {
      const specs = await template.sql<{ type: string; spec: { hiddenTests: Record<string, string>; files: string[] }; solution: Record<string, string> }>(
        `SELECT v.type, s.spec, s.solution FROM judge_task_specs s JOIN question_versions v ON v.id = s.question_version_id`,
      );
      const tasks = await template.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
          WHERE v.type = 'code-task' AND q.retired_at IS NULL`,
      );
      expect(tasks[0]!.n).toBeGreaterThan(0);
      expect(specs).toHaveLength(tasks[0]!.n);
      for (const s of specs) {
        expect(s.type).toBe('code-task');
        expect(Object.keys(s.spec.hiddenTests).length).toBeGreaterThan(0);
        expect(Object.keys(s.solution).sort()).toEqual([...s.spec.files].sort());
      }
    } finally {
      await template.close();
    }
  });

  it('should refuse bad submissions with 4xx codes before queueing anything', async () => {
    const wrongName = await alice.call('POST', '/api/judge/runs', { questionId: TALLY_ID, files: { 'main.go': SOLUTION } });
    expect(wrongName.status).toBe(400);
    expect(wrongName.body.code).toBe('JUDGE_FILES_INVALID');
    const tooBig = await alice.call('POST', '/api/judge/runs', { questionId: TALLY_ID, files: { 'tally.go': 'x'.repeat(70 * 1024) } });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.code).toBe('JUDGE_FILES_INVALID');
    const notAString = await alice.call('POST', '/api/judge/runs', { questionId: TALLY_ID, files: { 'tally.go': 42 } });
    expect(notAString.status).toBe(400);
    const unknown = await alice.call('POST', '/api/judge/runs', { questionId: 'no-such-task', files: { 'tally.go': SOLUTION } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('JUDGE_TASK_NOT_FOUND');
    const notATask = await alice.call('POST', '/api/judge/runs', { questionId: 'ch-close-blocked-sender', files: { 'tally.go': SOLUTION } });
    expect(notATask.status).toBe(404);
    const anonymous = await fetch(`${app.url}/api/judge/runs/00000000-0000-4000-8000-000000000000`);
    expect(anonymous.status).toBe(401);
    expect(await app.sql('SELECT id FROM judge_runs')).toHaveLength(0);
  });

  it('should refuse to start a runner whose sandbox cannot be opened, and leave the runs queued', async () => {
    const created = await alice.call('POST', '/api/judge/runs', { questionId: TALLY_ID, files: { 'tally.go': SOLUTION } });
    expect(created.status).toBe(201);
    // A data dir that cannot be created (a path under a file): the sandbox cannot be prepared.
    const broken = runner('e2e-runner-no-sandbox', { JUDGE_DATA_DIR: '/etc/hostname/goprep-judge-e2e' });
    expect(await broken.exited).toBe(2);
    expect(broken.output()).toContain('the sandbox is unavailable, so this runner will not judge anything');
    expect(await app.sql('SELECT runner_id FROM judge_runner_status')).toHaveLength(0);
    expect((await alice.call('GET', `/api/judge/runs/${(created.body as Run).id}`)).body).toMatchObject({ state: 'queued', verdict: null });
    expect((await alice.call('GET', '/api/judge/status')).body).toMatchObject({ available: false, runners: [] });
    // Leave the queue as the next test expects it: empty.
    await app.sql('SELECT graphile_worker.remove_job($1)', [(created.body as Run).id]);
    await app.sql('DELETE FROM judge_runs WHERE id = $1', [(created.body as Run).id]);
  }, 60_000);

  it('should keep a run queued while no runner is up, say the judge is unavailable, and judge it once a runner starts', async () => {
    const created = await alice.call('POST', '/api/judge/runs', { questionId: TALLY_ID, files: { 'tally.go': SOLUTION } });
    expect(created.status).toBe(201);
    const run = created.body as Run;
    expect(run.state).toBe('queued');
    expect(run.verdict).toBeNull();
    expect(run.codeHash).toMatch(/^[0-9a-f]{64}$/);

    const idle = await alice.call('GET', '/api/judge/status');
    expect(idle.status).toBe(200);
    expect(idle.body).toMatchObject({ available: false, runners: [], queueDepth: 1 });
    expect((await alice.call('GET', `/api/judge/runs/${run.id}`)).body.state).toBe('queued');

    const events = followEvents(app, alice, run.id, 600_000, logs);
    const metricsPort = await freePort();
    const r1 = runner('e2e-runner-1', { RUNNER_METRICS_PORT: String(metricsPort) });
    const { runs, raw } = await events;
    expect(runs[0]!.state).toBe('queued');
    const last = runs[runs.length - 1]!;
    expect(last).toMatchObject({ id: run.id, state: 'done', verdict: 'passed', score: 1 });
    expect(last.tests.map((t) => [t.name, t.passed])).toEqual([['TestAddOnce', true]]);
    expect(raw).not.toContain(HIDDEN_MARKER);

    const row = await stored(run.id);
    expect(row).toMatchObject({ state: 'done', verdict: 'passed', attempt_count: 1, runner_id: r1.runnerId });
    await jobCompleted(run.id);
    await r1.waitFor('ready: taking judge jobs', 5_000);
    const status = await alice.call('GET', '/api/judge/status');
    expect(status.body.available).toBe(true);
    expect(status.body.queueDepth).toBe(0);
    expect(status.body.runners).toEqual([expect.objectContaining({ runnerId: r1.runnerId, state: 'ready', jobsDone: 1 })]);
    // Warming finished: every step of it done.
    expect(status.body.runners[0].warmTotal).toBeGreaterThan(0);
    expect(status.body.runners[0].warmDone).toBe(status.body.runners[0].warmTotal);

    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/^goprep_judge_queue_depth 0$/m);
    expect(metrics).toMatch(/^goprep_judge_job_run_seconds_count\{verdict="passed"\} 1$/m);
    expect(metrics).toMatch(/^goprep_judge_job_wait_seconds_count\{verdict="passed"\} 1$/m);
  }, 660_000);

  it('should judge a submission that does not compile as compile-error, with the compiler output', async () => {
    const created = await alice.call('POST', '/api/judge/runs', { questionId: TALLY_ID, files: { 'tally.go': 'package tally\n\nfunc (c *Counter) Add() {\n' } });
    expect(created.status).toBe(201);
    const { runs } = await followEvents(app, alice, (created.body as Run).id, 60_000, logs);
    const last = runs[runs.length - 1]!;
    expect(last).toMatchObject({ state: 'done', verdict: 'compile-error', score: 0 });
    expect(last.compileOutput ?? last.message).toBeTruthy();
  }, 90_000);

  it('should keep the first verdict when the same run is delivered again', async () => {
    const [done] = await app.sql<{ id: string }>(`SELECT id FROM judge_runs WHERE verdict = 'passed' ORDER BY queued_at LIMIT 1`);
    const before = await stored(done!.id);
    // A delivery repeated after the verdict was stored (the runner died before completing the job).
    await app.sql(`SELECT graphile_worker.add_job('judge', json_build_object('runId', $1::text), job_key => $1::text)`, [done!.id]);
    await until('the repeated job to be consumed', async () => ((await jobsOf(done!.id)).length === 0 ? true : undefined), 30_000, logs);
    expect(await stored(done!.id)).toEqual(before);
  }, 60_000);

  it('should give exactly one verdict to a run whose runner is killed -9 mid-job, judged again by another runner', async () => {
    const r1 = await readyRunner('e2e-runner-1');
    const created = await alice.call('POST', '/api/judge/runs', { questionId: TALLY_ID, files: { 'tally.go': slowSolution(4) } });
    expect(created.status).toBe(201);
    const runId = (created.body as Run).id;
    await until('the run to be taken by runner 1', async () => ((await stored(runId)).state === 'running' ? true : undefined), 30_000, logs);
    await r1.kill9();

    // Killed mid-job: neither lost nor judged; the job is still locked by the dead runner.
    expect(await stored(runId)).toMatchObject({ state: 'running', verdict: null, attempt_count: 1, runner_id: r1.runnerId });
    const [locked] = await jobsOf(runId);
    expect(locked!.locked_by).not.toBeNull();

    const events = followEvents(app, alice, runId, 120_000, logs);
    const r2 = runner('e2e-runner-2', { RUNNER_SKIP_WARM: 'true' });
    const { runs } = await events;
    expect(runs[runs.length - 1]).toMatchObject({ state: 'done', verdict: 'passed', score: 1 });
    expect(await stored(runId)).toMatchObject({ state: 'done', verdict: 'passed', attempt_count: 2, runner_id: r2.runnerId });
    await jobCompleted(runId);
    const [dead] = await app.sql<{ state: string }>('SELECT state FROM judge_runner_status WHERE runner_id = $1', [r1.runnerId]);
    expect(dead!.state).toBe('dead');
    expect(r2.output()).toContain('released the jobs of dead runner');
  }, 180_000);

  it('should retry a job whose worker died after locking it and before claiming its run', async () => {
    for (const r of runners) if (r.alive()) await r.stop();
    const created = await alice.call('POST', '/api/judge/runs', { questionId: TALLY_ID, files: { 'tally.go': SOLUTION } });
    const runId = (created.body as Run).id;
    // A worker that locked the job a minute ago and died before claiming the run (no runner is up to take it first).
    const locked = await app.sql(
      `UPDATE graphile_worker._private_jobs SET locked_by = 'ghost-worker', locked_at = now() - interval '1 minute', attempts = attempts + 1
        WHERE key = $1 AND locked_at IS NULL RETURNING id`,
      [runId],
    );
    expect(locked).toHaveLength(1);
    expect((await stored(runId)).state).toBe('queued');
    const events = followEvents(app, alice, runId, 90_000, logs);
    const r4 = runner('e2e-runner-4', { RUNNER_SKIP_WARM: 'true' });
    const { runs } = await events;
    expect(runs[runs.length - 1]).toMatchObject({ state: 'done', verdict: 'passed' });
    expect(await stored(runId)).toMatchObject({ attempt_count: 1, runner_id: r4.runnerId });
    expect(r4.output()).toContain('ghost-worker');
    await jobCompleted(runId);
  }, 120_000);

  it("should judge a submitted attempt's code task with the hidden tests and grade the item from the verdict", async () => {
    await readyRunner('e2e-runner-3');
    const [me] = await app.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', ['alice-judge@example.com']);
    const config = { title: 'Judge e2e', timeLimitSeconds: 3600, shuffleOptions: false, quick: { topics: ['sync'], difficulty: { min: 1, max: 5 }, count: 1 } };
    const [attempt] = await app.sql<{ id: string }>(
      `INSERT INTO attempts (user_id, mode, config, seed, started_at, deadline_at) VALUES ($1, 'quick', $2, 1, now(), now() + interval '1 hour') RETURNING id`,
      [me!.id, JSON.stringify(config)],
    );
    await app.sql('INSERT INTO attempt_items (attempt_id, position, question_version_id, points) VALUES ($1, 1, $2, 2)', [attempt!.id, versionId]);

    const saved = await alice.call('PUT', `/api/attempts/${attempt!.id}/items/1/answer`, { response: { files: { 'tally.go': SOLUTION } } });
    expect(saved.status === 200 ? 'saved' : saved.text).toBe('saved');
    const submitted = await alice.call('POST', `/api/attempts/${attempt!.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(JSON.stringify(submitted.body)).not.toContain(HIDDEN_MARKER);
    const [hidden] = await app.sql<{ id: string; mode: string }>('SELECT id, mode FROM judge_runs WHERE attempt_id = $1', [attempt!.id]);
    expect(hidden!.mode).toBe('hidden');

    // Pending until judged; then the item is worth its 2 points and the attempt is re-totalled.
    const graded = await until(
      'the verdict to reach the attempt',
      async () => {
        const [row] = await app.sql<{ score: string | null }>('SELECT score FROM answers WHERE attempt_id = $1 AND position = 1', [attempt!.id]);
        return row?.score !== null && row?.score !== undefined ? row : undefined;
      },
      120_000,
      logs,
    );
    expect(Number(graded.score)).toBe(2);
    const [totals] = await app.sql<{ score: string; max_score: string }>('SELECT score, max_score FROM attempts WHERE id = $1', [attempt!.id]);
    expect([Number(totals!.score), Number(totals!.max_score)]).toEqual([2, 2]);
    const [run] = await app.sql<{ verdict: string; tests: Array<{ name: string; passed: boolean }>; applied_at: Date | null }>(
      'SELECT verdict, tests, applied_at FROM judge_runs WHERE id = $1',
      [hidden!.id],
    );
    expect(run!.verdict).toBe('passed');
    expect(run!.applied_at).not.toBeNull();
    expect(run!.tests.map((t) => t.name).sort()).toEqual(['TestAddOnceHidden', 'TestConcurrentAdds']);

    // The learner sees the hidden run's verdict and test names, but no test logs.
    const view = await alice.call('GET', `/api/judge/runs/${hidden!.id}`);
    expect(view.status).toBe(200);
    expect(view.body.tests.every((t: { output?: string }) => t.output === undefined)).toBe(true);
    expect(view.text).not.toContain(HIDDEN_MARKER);
  }, 180_000);

  it("should show a run only to its owner, and never a hidden test's source", async () => {
    const created = await alice.call('POST', '/api/judge/runs', { questionId: TALLY_ID, files: { 'tally.go': SOLUTION } });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(HIDDEN_MARKER);
    const own = created.body as Run;
    const bob = await learner(app, 'bob-judge@example.com');
    const other = await bob.call('GET', `/api/judge/runs/${own.id}`);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('JUDGE_RUN_NOT_FOUND');
    expect((await bob.call('GET', `/api/judge/runs/${own.id}/events`)).status).toBe(404);
    const mine = await alice.call('GET', `/api/judge/runs/${own.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.id).toBe(own.id);
    expect(mine.text).not.toContain(HIDDEN_MARKER);
    expect(mine.text).not.toContain('TestConcurrentAdds');
  });

  it(`should answer 429 RATE_LIMITED after ${RUNS_PER_MINUTE} runs in a minute`, async () => {
    const carol = await learner(app, 'carol-judge@example.com');
    const broken = { questionId: TALLY_ID, files: { 'tally.go': 'package tally\n' } };
    for (let i = 0; i < RUNS_PER_MINUTE; i++) expect((await carol.call('POST', '/api/judge/runs', broken)).status).toBe(201);
    const limited = await carol.call('POST', '/api/judge/runs', broken);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
