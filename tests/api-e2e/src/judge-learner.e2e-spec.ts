import { randomUUID } from 'node:crypto';
import { SHARED_JUDGE_DATA_DIR, startRunner, type RunningRunner } from '@goprep/test-support';
import { embeddedUrl } from '@goprep/api/testing';
import { e2eDatabase } from './support/e2e-env';
import { HIDDEN_MARKER, insertTallyTask, SOLUTION, STARTER, TALLY_ID } from './support/judge-fixture';
import { cookieFetch, createTestApp, type TestApp } from './support/test-app';


interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

interface Learner {
  call(method: 'GET' | 'POST' | 'PUT', path: string, body?: object): Promise<Reply>;
}

async function learner(app: TestApp, email: string): Promise<Learner> {
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
    return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
  };
  expect(
    (
      await call('POST', '/api/auth/register', {
        email,
        password: 'correct horse battery',
        displayName: 'Playground Tester',
      })
    ).status,
  ).toBe(201);
  return { call };
}

const RACY = `package main

import (
	"fmt"
	"sync"
)

func main() {
	n := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n++
		}()
	}
	wg.Wait()
	fmt.Println("edited and run")
}
`;

describe("Judge for learners: a final item's program or task files in the playground, and code tasks as drill cards", () => {
  let app: TestApp;
  let runner: RunningRunner;
  let alice: Learner;
  let attemptId: string;
  let programQuestion: string;

  /** Polls the run until it has its verdict. */
  const verdictOf = async (user: Learner, runId: string) => {
    const deadline = Date.now() + 300_000;
    for (;;) {
      const run = await user.call('GET', `/api/judge/runs/${runId}`);
      expect(run.status).toBe(200);
      if (run.body.state === 'done') return run;
      // A runner that exited will never judge: say so now, with its log, instead of after the deadline.
      if (!runner.alive()) throw new Error(`the runner exited before judging run ${runId}:\n${runner.output()}`);
      if (Date.now() > deadline) throw new Error(`run ${runId} not judged in time:\n${runner.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  beforeAll(async () => {
    app = await createTestApp();
    const tallyVersion = await insertTallyTask(app);
    await app.sql('DELETE FROM judge_task_specs WHERE question_version_id <> $1', [tallyVersion]);
    const [program] = await app.sql<{ id: string; version_id: string }>(
      `SELECT q.id, v.id AS version_id FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.organization_id IS NULL AND q.retired_at IS NULL AND v.type = 'code-output' AND v.code IS NOT NULL ORDER BY q.id LIMIT 1`,
    );
    programQuestion = program!.id;
    alice = await learner(app, 'alice-playground@example.com');
    const [me] = await app.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [
      'alice-playground@example.com',
    ]);
    const config = {
      title: 'Playground e2e',
      timeLimitSeconds: 3600,
      shuffleOptions: false,
      quick: { topics: ['sync'], difficulty: { min: 1, max: 5 }, count: 2 },
    };
    const [attempt] = await app.sql<{ id: string }>(
      `INSERT INTO attempts (user_id, mode, config, seed, started_at, deadline_at, review_policy) VALUES ($1, 'quick', $2, 1, now(), now() + interval '1 hour', 'full') RETURNING id`,
      [me!.id, JSON.stringify(config)],
    );
    attemptId = attempt!.id;
    await app.sql(
      'INSERT INTO attempt_items (attempt_id, position, question_version_id, points) VALUES ($1, 1, $2, 1), ($1, 2, $3, 1)',
      [attemptId, program!.version_id, tallyVersion],
    );
    runner = startRunner('e2e-playground-runner', {
      DATABASE_URL: embeddedUrl(e2eDatabase().port, app.database),
      JUDGE_DATA_DIR: SHARED_JUDGE_DATA_DIR,
      RUNNER_HEARTBEAT_MS: '300',
    });
  });

  afterAll(async () => {
    await runner?.stop();
    await app?.close();
  });

  it('should refuse a playground run while the attempt is open, and queue nothing', async () => {
    const open = await alice.call('POST', '/api/judge/playground', {
      attemptId,
      position: 1,
      files: { 'main.go': RACY },
    });
    expect(open.status).toBe(409);
    expect(open.body.code).toBe('PLAYGROUND_NOT_FINAL');
    expect(await app.sql(`SELECT id FROM judge_runs WHERE mode = 'playground'`)).toHaveLength(0);
  });

  it("should run the edited program of a submitted attempt's code-output item under -race: output, exit status and race report", async () => {
    expect((await alice.call('POST', `/api/attempts/${attemptId}/submit`)).status).toBe(200);
    const created = await alice.call('POST', '/api/judge/playground', {
      attemptId,
      position: 1,
      files: { 'main.go': RACY },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ mode: 'playground', state: 'queued', questionId: programQuestion });
    const done = await verdictOf(alice, created.body.id);
    expect(done.body.program).toMatchObject({ stdout: 'edited and run\n', exitCode: 66 });
    expect(done.body.raceReport).toMatch(/^WARNING: DATA RACE/);
    expect(done.body.verdict).toBe('failed');
  }, 360_000);

  it("should run a code task's edited files against its visible and hidden tests once the review shows them", async () => {
    const created = await alice.call('POST', '/api/judge/playground', {
      attemptId,
      position: 2,
      files: { 'tally.go': STARTER },
    });
    expect(created.status).toBe(201);
    const done = await verdictOf(alice, created.body.id);
    expect(done.body.tests.map((t: { name: string }) => t.name).sort()).toEqual([
      'TestAddOnce',
      'TestAddOnceHidden',
      'TestConcurrentAdds',
    ]);
    expect(done.body.verdict).toBe('failed');
    expect(done.body.program).toBeNull();
  }, 360_000);

  it('should refuse wrong files, an item without a program, another learner, and a review policy that hides answers', async () => {
    const wrongFile = await alice.call('POST', '/api/judge/playground', {
      attemptId,
      position: 1,
      files: { 'prog.go': RACY },
    });
    expect(wrongFile.status).toBe(400);
    expect(wrongFile.body.code).toBe('JUDGE_FILES_INVALID');
    const both = await alice.call('POST', '/api/judge/playground', {
      attemptId,
      position: 1,
      drillQuestionId: programQuestion,
      files: { 'main.go': RACY },
    });
    expect(both.status).toBe(400);
    const noItem = await alice.call('POST', '/api/judge/playground', {
      attemptId,
      position: 9,
      files: { 'main.go': RACY },
    });
    expect(noItem.status).toBe(404);
    const bob = await learner(app, 'bob-playground@example.com');
    const other = await bob.call('POST', '/api/judge/playground', {
      attemptId,
      position: 1,
      files: { 'main.go': RACY },
    });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('JUDGE_TASK_NOT_FOUND');
    await app.sql(`UPDATE attempts SET review_policy = 'correctness' WHERE id = $1`, [attemptId]);
    const hidden = await alice.call('POST', '/api/judge/playground', {
      attemptId,
      position: 2,
      files: { 'tally.go': STARTER },
    });
    expect(hidden.status).toBe(409);
    expect(hidden.text).not.toContain(HIDDEN_MARKER);
    await app.sql(`UPDATE attempts SET review_policy = 'full' WHERE id = $1`, [attemptId]);
  });

  it('should open the playground of a drill card only after the learner answered it', async () => {
    expect((await alice.call('POST', '/api/drills/deck', { questionIds: [programQuestion] })).status).toBe(201);
    const before = await alice.call('POST', '/api/judge/playground', {
      drillQuestionId: programQuestion,
      files: { 'main.go': RACY },
    });
    expect(before.status).toBe(409);
    expect(before.body.code).toBe('PLAYGROUND_NOT_FINAL');
    const reviewed = await alice.call('POST', '/api/drills/reviews', {
      reviewId: randomUUID(),
      questionId: programQuestion,
      response: { text: 'x' },
      durationMs: 5000,
    });
    expect(reviewed.status).toBe(200);
    const after = await alice.call('POST', '/api/judge/playground', {
      drillQuestionId: programQuestion,
      files: { 'main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Print("ok") }\n' },
    });
    expect(after.status).toBe(201);
    const done = await verdictOf(alice, after.body.id);
    expect(done.body).toMatchObject({ verdict: 'passed', program: { stdout: 'ok', stderr: '', exitCode: 0 } });
  }, 360_000);

  it('should take a code task as a drill card when picked by id, never through a whole topic', async () => {
    const topic = await alice.call('POST', '/api/drills/deck', { topic: 'sync' });
    expect(topic.status).toBe(201);
    expect(await app.sql(`SELECT id FROM srs_cards WHERE question_id = $1`, [TALLY_ID])).toHaveLength(0);
  });

  it('should take a code task as a drill card, delivered with its starter and visible tests only', async () => {
    const added = await alice.call('POST', '/api/drills/deck', { questionIds: [TALLY_ID] });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ added: 1 });
    const due = await alice.call('GET', '/api/drills/due');
    expect(due.status).toBe(200);
    const card = due.body.cards.find((c: { questionId: string }) => c.questionId === TALLY_ID);
    expect(card.question.type).toBe('code-task');
    expect(Object.keys(card.question.task).sort()).toEqual(['files', 'starter', 'visibleTests']);
    expect(card.question.task.starter['tally.go']).toBe(STARTER);
    expect(due.text).not.toContain(HIDDEN_MARKER);
  });

  it('should rate a code-task card from its judge verdict: failed -> Again, passed -> Good', async () => {
    const noRun = await alice.call('POST', '/api/drills/reviews', {
      reviewId: randomUUID(),
      questionId: TALLY_ID,
      durationMs: 60_000,
    });
    expect(noRun.status).toBe(400);
    const selfRated = await alice.call('POST', '/api/drills/reviews', {
      reviewId: randomUUID(),
      questionId: TALLY_ID,
      durationMs: 60_000,
      selfRating: 3,
    });
    expect(selfRated.status).toBe(400);

    const racy = await alice.call('POST', `/api/drills/cards/${TALLY_ID}/judge`, { files: { 'tally.go': STARTER } });
    expect(racy.status).toBe(201);
    expect(racy.body.mode).toBe('hidden');
    const failed = await verdictOf(alice, racy.body.id);
    expect(failed.body.verdict).toBe('failed');
    expect(failed.text).not.toContain(HIDDEN_MARKER);
    expect(failed.body.tests.every((t: { output?: string }) => t.output === undefined)).toBe(true);
    const again = await alice.call('POST', '/api/drills/reviews', {
      reviewId: randomUUID(),
      questionId: TALLY_ID,
      durationMs: 60_000,
      judgeRunId: racy.body.id,
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ rating: 'again', suggestedRating: 'again', correct: false });

    // A pass after three hours of writing is still Good: slowness does not make a judged task Hard.
    const fixed = await alice.call('POST', `/api/drills/cards/${TALLY_ID}/judge`, { files: { 'tally.go': SOLUTION } });
    expect(fixed.status).toBe(201);
    expect((await verdictOf(alice, fixed.body.id)).body.verdict).toBe('passed');
    const good = await alice.call('POST', '/api/drills/reviews', {
      reviewId: randomUUID(),
      questionId: TALLY_ID,
      durationMs: 3 * 3600_000,
      judgeRunId: fixed.body.id,
    });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ rating: 'good', suggestedRating: 'good', correct: true });
    const [stored] = await app.sql<{ status: string; response: { type: string; files: Record<string, string> } }>(
      `SELECT status, response FROM srs_reviews WHERE id = $1`,
      [good.body.reviewId],
    );
    expect(stored).toEqual({ status: 'correct', response: { type: 'code-task', files: { 'tally.go': SOLUTION } } });
  }, 600_000);

  it("should refuse another learner's judge run, a run not finished, and judging a task that is not one of your cards", async () => {
    const [run] = await app.sql<{ id: string }>(
      `SELECT id FROM judge_runs WHERE mode = 'hidden' AND attempt_id IS NULL AND verdict = 'passed' LIMIT 1`,
    );
    const carol = await learner(app, 'carol-drills@example.com');
    const notCard = await carol.call('POST', `/api/drills/cards/${TALLY_ID}/judge`, {
      files: { 'tally.go': SOLUTION },
    });
    expect(notCard.status).toBe(404);
    expect(notCard.body.code).toBe('JUDGE_TASK_NOT_FOUND');
    expect((await carol.call('POST', '/api/drills/deck', { questionIds: [TALLY_ID] })).status).toBe(201);
    const stolen = await carol.call('POST', '/api/drills/reviews', {
      reviewId: randomUUID(),
      questionId: TALLY_ID,
      durationMs: 1000,
      judgeRunId: run!.id,
    });
    expect(stolen.status).toBe(409);
    expect(stolen.body.code).toBe('DRILL_JUDGE_RUN_INVALID');
    const wrongFiles = await carol.call('POST', `/api/drills/cards/${TALLY_ID}/judge`, {
      files: { 'main.go': SOLUTION },
    });
    expect(wrongFiles.status).toBe(400);
    // Queued but not judged yet (the runner is stopped): the review waits for the verdict.
    await runner.stop();
    const queued = await carol.call('POST', `/api/drills/cards/${TALLY_ID}/judge`, { files: { 'tally.go': SOLUTION } });
    expect(queued.status).toBe(201);
    const early = await carol.call('POST', '/api/drills/reviews', {
      reviewId: randomUUID(),
      questionId: TALLY_ID,
      durationMs: 1000,
      judgeRunId: queued.body.id,
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('DRILL_JUDGE_RUN_INVALID');
  });
});
