import { SHARED_JUDGE_DATA_DIR, startRunner, type RunningRunner } from '@goprep/test-support';
import { embeddedUrl } from '@goprep/api/testing';
import { e2eDatabase } from './support/e2e-env';
import { manager, publishedSet, tokenOf, type Json } from './support/hiring';
import { HIDDEN_MARKER, insertTallyTask, SOLUTION, STARTER, TALLY_ID } from './support/judge-fixture';
import { cookieFetch, createTestApp, type TestApp } from './support/test-app';

const RUNS_PER_MINUTE = 4;

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
  headers: Headers;
}

interface Client {
  call(method: 'GET' | 'POST' | 'PUT', path: string, body?: object): Promise<Reply>;
  fetch: typeof fetch;
}

/** A browser with a cookie jar (candidate cookie, session cookie, CSRF token). */
async function client(app: TestApp): Promise<Client> {
  const jar = cookieFetch();
  await jar.fetch(`${app.url}/api/auth/csrf`);
  const call = async (method: 'GET' | 'POST' | 'PUT', path: string, body?: object): Promise<Reply> => {
    const headers: Record<string, string> = { 'x-csrf-token': decodeURIComponent(jar.cookie('goprep_csrf') ?? '') };
    if (body) headers['content-type'] = 'application/json';
    const res = await jar.fetch(`${app.url}${path}`, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, text, headers: res.headers };
  };
  return { call, fetch: jar.fetch };
}

/** The `run` events of a stream until the server ends it (after the verdict). */
async function followEvents(
  c: Client,
  url: string,
  timeoutMs: number,
): Promise<Array<{ state: string; verdict: string | null; tests: Array<{ name: string; passed: boolean }> }>> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const runs = [];
  try {
    const res = await c.fetch(url, { signal: abort.signal });
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const block of text.split('\n\n')) {
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      if (block.startsWith('event: run') && data) runs.push(JSON.parse(data.slice('data: '.length)));
    }
  } finally {
    clearTimeout(timer);
  }
  return runs;
}

describe("Judge for candidates: Run in the candidate's own open attempt (visible tests only)", () => {
  let app: TestApp;
  let runner: RunningRunner | undefined;
  let orgId: string;
  let setId: string;
  let m: Awaited<ReturnType<typeof manager>>['b'];

  /** A candidate who opened a fresh invite link and started the test. */
  const startedCandidate = async (name: string): Promise<{ c: Client; attemptId: string; position: number }> => {
    const invited = await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, {
      csv: `name,email\n${name},${name.toLowerCase()}@cand.example\n`,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      attemptsAllowed: 1,
    });
    expect(invited.status).toBe(201);
    const link = (invited.body as { invites: Array<Json & { link: string }> }).invites[0]!.link;
    const c = await client(app);
    expect((await c.call('POST', '/api/candidate/session', { token: tokenOf(link) })).status).toBe(200);
    const started = await c.call('POST', '/api/candidate/start');
    expect(started.status).toBe(201);
    const item = (started.body as { items: Array<{ position: number; questionId: string }> }).items.find(
      (i) => i.questionId === TALLY_ID,
    );
    expect(item).toBeDefined();
    return { c, attemptId: (started.body as { id: string }).id, position: item!.position };
  };

  beforeAll(async () => {
    app = await createTestApp({ JUDGE_RUNS_PER_MINUTE: String(RUNS_PER_MINUTE) });
    const versionId = await insertTallyTask(app);
    await app.sql('DELETE FROM judge_task_specs WHERE question_version_id <> $1', [versionId]);
    const mgr = await manager(app, 'judge-mgr@example.com', 'Judge Org');
    m = mgr.b;
    orgId = mgr.orgId;
    ({ setId } = await publishedSet(m, orgId, {
      items: [{ kind: 'fixed', questionId: TALLY_ID, points: 2 }],
      reviewPolicy: 'full',
    }));
  });

  afterAll(async () => {
    await runner?.stop();
    await app?.close();
  });

  it('should run the visible tests of a task in the open attempt, judged by a runner, followed over SSE, without hidden tests', async () => {
    const ann = await startedCandidate('Ann');
    const created = await ann.c.call('POST', '/api/candidate/attempt/judge/runs', {
      questionId: TALLY_ID,
      position: ann.position,
      files: { 'tally.go': SOLUTION },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ mode: 'visible', state: 'queued', questionId: TALLY_ID });
    const [row] = await app.sql<{ user_id: string | null; attempt_id: string; mode: string }>(
      'SELECT user_id, attempt_id, mode FROM judge_runs WHERE id = $1',
      [created.body.id],
    );
    expect(row).toEqual({ user_id: null, attempt_id: ann.attemptId, mode: 'visible' });

    const events = followEvents(
      ann.c,
      `${app.url}/api/candidate/attempt/judge/runs/${created.body.id}/events`,
      600_000,
    );
    runner = startRunner('e2e-candidate-runner', {
      DATABASE_URL: embeddedUrl(e2eDatabase().port, app.database),
      JUDGE_DATA_DIR: SHARED_JUDGE_DATA_DIR,
      RUNNER_HEARTBEAT_MS: '300',
    });
    const runs = await events;
    const last = runs[runs.length - 1]!;
    expect(last).toMatchObject({ state: 'done', verdict: 'passed' });
    expect(last.tests.map((t) => [t.name, t.passed])).toEqual([['TestAddOnce', true]]);
    const read = await ann.c.call('GET', `/api/candidate/attempt/judge/runs/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: created.body.id, verdict: 'passed' });
    expect(read.text).not.toContain(HIDDEN_MARKER);
    expect(read.text).not.toContain('TestConcurrentAdds');

    const status = await ann.c.call('GET', '/api/candidate/judge/status');
    expect(status.status).toBe(200);
    expect(status.body.available).toBe(true);
  }, 660_000);

  it("should refuse another candidate's run, a learner session and anonymous callers", async () => {
    const ann = await startedCandidate('Ann2');
    const bob = await startedCandidate('Bob');
    const created = await ann.c.call('POST', '/api/candidate/attempt/judge/runs', {
      questionId: TALLY_ID,
      position: ann.position,
      files: { 'tally.go': STARTER },
    });
    expect(created.status).toBe(201);
    const runId = created.body.id as string;

    // Another candidate: the run is not theirs, whatever its id.
    const other = await bob.c.call('GET', `/api/candidate/attempt/judge/runs/${runId}`);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('JUDGE_RUN_NOT_FOUND');
    expect((await bob.c.call('GET', `/api/candidate/attempt/judge/runs/${runId}/events`)).status).toBe(404);

    // A learner: no candidate cookie, and the learner's own judge routes do not show a candidate's run.
    const learner = await client(app);
    expect(
      (
        await learner.call('POST', '/api/auth/register', {
          email: 'lena-judge@example.com',
          password: 'correct horse battery',
          displayName: 'Lena',
        })
      ).status,
    ).toBe(201);
    const asLearner = await learner.call('POST', '/api/candidate/attempt/judge/runs', {
      questionId: TALLY_ID,
      position: ann.position,
      files: { 'tally.go': STARTER },
    });
    expect(asLearner.status).toBe(401);
    expect(asLearner.body.code).toBe('CANDIDATE_SESSION_MISSING');
    expect((await learner.call('GET', `/api/candidate/attempt/judge/runs/${runId}`)).status).toBe(401);
    expect((await learner.call('GET', `/api/judge/runs/${runId}`)).status).toBe(404);
    const learnerStatus = await learner.call('GET', '/api/judge/status');
    expect(learnerStatus.status).toBe(200);
    expect(typeof learnerStatus.body.available).toBe('boolean');

    // Anonymous.
    const anon = await client(app);
    expect(
      (
        await anon.call('POST', '/api/candidate/attempt/judge/runs', {
          questionId: TALLY_ID,
          position: 1,
          files: { 'tally.go': STARTER },
        })
      ).status,
    ).toBe(401);
    expect((await anon.call('GET', `/api/candidate/attempt/judge/runs/${runId}`)).status).toBe(401);
    expect((await anon.call('GET', '/api/candidate/judge/status')).status).toBe(401);
  });

  it('should refuse a position without a task, bad files, and a run once the attempt is submitted', async () => {
    const cy = await startedCandidate('Cy');
    const wrongPosition = await cy.c.call('POST', '/api/candidate/attempt/judge/runs', {
      questionId: TALLY_ID,
      position: cy.position + 1,
      files: { 'tally.go': STARTER },
    });
    expect(wrongPosition.status).toBe(404);
    expect(wrongPosition.body.code).toBe('JUDGE_TASK_NOT_FOUND');
    const wrongFile = await cy.c.call('POST', '/api/candidate/attempt/judge/runs', {
      questionId: TALLY_ID,
      position: cy.position,
      files: { 'main.go': STARTER },
    });
    expect(wrongFile.status).toBe(400);
    expect(wrongFile.body.code).toBe('JUDGE_FILES_INVALID');
    const noPosition = await cy.c.call('POST', '/api/candidate/attempt/judge/runs', {
      questionId: TALLY_ID,
      files: { 'tally.go': STARTER },
    });
    expect(noPosition.status).toBe(400);

    expect((await cy.c.call('POST', '/api/candidate/attempt/submit')).status).toBe(200);
    const afterSubmit = await cy.c.call('POST', '/api/candidate/attempt/judge/runs', {
      questionId: TALLY_ID,
      position: cy.position,
      files: { 'tally.go': STARTER },
    });
    expect(afterSubmit.status).toBe(404);
    expect(afterSubmit.body.code).toBe('JUDGE_TASK_NOT_FOUND');
  });

  it(`should answer 429 RATE_LIMITED after ${RUNS_PER_MINUTE} runs in a minute in one attempt`, async () => {
    const dee = await startedCandidate('Dee');
    const broken = { questionId: TALLY_ID, position: dee.position, files: { 'tally.go': 'package tally\n' } };
    for (let i = 0; i < RUNS_PER_MINUTE; i++)
      expect((await dee.c.call('POST', '/api/candidate/attempt/judge/runs', broken)).status).toBe(201);
    const limited = await dee.c.call('POST', '/api/candidate/attempt/judge/runs', broken);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
