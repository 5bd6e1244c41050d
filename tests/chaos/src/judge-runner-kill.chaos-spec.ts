import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mulberry32 } from '@goprep/domain';
import { ApiSession, freePort, startApp, startRunner, type RunningApp, type RunningRunner } from '@goprep/test-support';
import { Client } from 'pg';
import { CHAOS_PASSWORD, sleep } from './support/session';

const ROOT = resolve(__dirname, '../../..');
const KILLS = Number(process.env['CHAOS_JUDGE_KILLS'] ?? 3);
const JOBS_PER_ROUND = 4;
const TASK = 'gl-unlock-on-error-task';
// Shared with the judge bench (tests/bench/judge.ts): the same single task, so its warm build cache is reused.
const JUDGE_DATA_DIR = resolve(ROOT, '.data/judge-bench');

interface Run {
  id: string;
  state: 'queued' | 'running' | 'done';
  verdict: string | null;
}

interface Row {
  id: string;
  state: string;
  verdict: string | null;
  attempt_count: number;
  runner_id: string | null;
}

function referenceFiles(taskId: string): Record<string, string> {
  const bank = resolve(ROOT, 'libs/question-bank/bank');
  for (const topic of readdirSync(bank)) {
    const dir = join(bank, topic, taskId, 'solution');
    try {
      return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    } catch {
      /* another topic */
    }
  }
  throw new Error(`no solution folder for ${taskId}`);
}

/** Every `run` event of one run until the server ends the stream (it does after the verdict). */
async function events(session: ApiSession, runId: string, timeoutMs: number): Promise<Run[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const runs: Run[] = [];
  try {
    const res = await fetch(`${session.base}/api/judge/runs/${runId}/events`, { headers: { cookie: session.cookie }, signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (block.startsWith('event: run') && data) runs.push(JSON.parse(data.slice('data: '.length)) as Run);
      }
    }
  } catch (e) {
    throw new Error(`event stream of ${runId} failed: ${String(e)}; states so far ${JSON.stringify(runs.map((r) => r.state))}`);
  } finally {
    clearTimeout(timer);
  }
  return runs;
}

/**
 * kill -9 of a judge runner while it judges, several jobs in flight, at seeded random points of a
 * job: the run it held is neither lost nor given a second verdict. The next runner (a fresh process,
 * as a restarted one is) sees the dead runner's silence, releases its job and judges it: one more
 * judging per kill that hit a run, never more; every run ends with exactly one verdict, the one its
 * event stream reports.
 */
describe('chaos: kill -9 of a judge runner mid-job', () => {
  const seed = Number(process.env['CHAOS_SEED'] ?? Date.now() % 2_147_483_647);
  let app: RunningApp | undefined;
  let db: Client | undefined;
  const runners: RunningRunner[] = [];
  const logs = () => runners.map((r) => `--- runner ${r.runnerId}:\n${r.output()}`).join('\n');

  afterAll(async () => {
    for (const r of runners) await r.stop();
    await db?.end();
    await app?.stop();
  });

  it(`should lose no verdict and give exactly one to every run across ${KILLS} kills of the runner judging it`, async () => {
    const random = mulberry32(seed);
    const killDelays = Array.from({ length: KILLS }, () => Math.floor(random() * 900));
    console.log(`[chaos judge] seed ${seed} (replay: CHAOS_SEED=${seed}); kill delays after a run starts (ms): ${killDelays.join(', ')}`);

    const pgPort = await freePort();
    app = await startApp({ env: { EMBEDDED_PG_PORT: String(pgPort), JUDGE_RUNS_PER_MINUTE: '1000' } });
    db = new Client({ connectionString: `postgres://postgres:goprep-local@127.0.0.1:${pgPort}/goprep` });
    await db.connect();
    const sql = async <T>(text: string, params: unknown[] = []) => (await db!.query(text, params)).rows as T[];
    // A throwaway database: keep the one task judged here, so a runner warms that task alone.
    await sql(
      `DELETE FROM judge_task_specs WHERE question_version_id NOT IN
         (SELECT v.id FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version WHERE q.id = $1)`,
      [TASK],
    );
    expect(await sql('SELECT 1 FROM judge_task_specs')).toHaveLength(1);

    const runner = (id: string, warm: boolean) => {
      const r = startRunner(id, {
        DATABASE_URL: `postgres://postgres:goprep-local@127.0.0.1:${pgPort}/goprep`,
        JUDGE_DATA_DIR,
        RUNNER_HEARTBEAT_MS: '300',
        RUNNER_SWEEP_MS: '500',
        RUNNER_DEAD_AFTER_MS: '2000',
        ...(warm ? {} : { RUNNER_SKIP_WARM: 'true' }),
      });
      runners.push(r);
      return r;
    };
    const stored = (ids: string[]) => sql<Row>('SELECT id, state, verdict, attempt_count, runner_id FROM judge_runs WHERE id = ANY($1::uuid[])', [ids]);

    const session = await ApiSession.register(app.url, 'judge-chaos@example.test', CHAOS_PASSWORD);
    const files = referenceFiles(TASK);
    const allIds: string[] = [];
    const streams: Array<Promise<Run[]>> = [];
    // run id -> every runner killed while judging it. A kill can hit a run of an earlier round: the
    // new runner may finish the run this round waits on, then take one released from the runner killed before.
    const killedRuns = new Map<string, string[]>();
    const lines: string[] = [];

    let current = runner('chaos-runner-0', true);
    await current.waitFor('ready: taking judge jobs', 900_000);
    for (let round = 0; round < KILLS; round++) {
      // Several jobs in flight: queued at once, one judged at a time by the runner.
      const ids: string[] = [];
      for (let j = 0; j < JOBS_PER_ROUND; j++) {
        const created = await session.call<Run>('POST', '/api/judge/runs', { questionId: TASK, files });
        expect(created.status).toBe(201);
        ids.push(created.body.id);
        streams.push(events(session, created.body.id, 300_000));
      }
      allIds.push(...ids);
      const deadline = Date.now() + 60_000;
      while (!(await stored(ids)).some((r) => r.state === 'running' && r.runner_id === current.runnerId)) {
        if (Date.now() > deadline) throw new Error(`no run of round ${round} was taken by ${current.runnerId}\n${logs()}`);
        await sleep(20);
      }
      await sleep(killDelays[round]!);
      await current.kill9();
      const after = await stored(ids);
      // The run it held (of any round) stays `running` without a verdict (unless it finished in the moment before the kill).
      const held = (await stored(allIds)).filter((r) => r.state === 'running' && r.runner_id === current.runnerId);
      for (const r of held) {
        expect(r.verdict).toBeNull();
        killedRuns.set(r.id, [...(killedRuns.get(r.id) ?? []), current.runnerId]);
      }
      lines.push(
        `round ${round + 1}: killed ${current.runnerId} ${killDelays[round]} ms after a run started; ` +
          `${held.map((r) => `run ${r.id} (round ${Math.floor(allIds.indexOf(r.id) / JOBS_PER_ROUND) + 1})`).join(', ') || 'no run'} held mid-job; ` +
          `of this round ${after.filter((r) => r.state === 'done').length} already judged, ${after.filter((r) => r.state === 'queued').length} queued`,
      );
      current = runner(`chaos-runner-${round + 1}`, false);
      await current.waitFor('ready: taking judge jobs', 120_000);
    }

    // Every stream ends with a verdict, the last event and the only `done` one.
    const ended = await Promise.all(streams);
    const deadline = Date.now() + 180_000;
    while ((await sql('SELECT 1 FROM graphile_worker.jobs WHERE key = ANY($1::text[])', [allIds])).length > 0) {
      if (Date.now() > deadline) throw new Error(`jobs left in the queue\n${logs()}`);
      await sleep(200);
    }
    const rows = await stored(allIds);
    expect(rows).toHaveLength(allIds.length);
    for (const [i, runs] of ended.entries()) {
      const done = runs.filter((r) => r.state === 'done');
      expect(done).toHaveLength(1);
      expect(runs[runs.length - 1]).toMatchObject({ id: allIds[i], state: 'done', verdict: 'passed' });
    }
    try {
      for (const row of rows) {
        expect(row).toMatchObject({ state: 'done', verdict: 'passed' });
        // Judged once more for every kill that hit it, its one verdict from a runner that lived.
        const killers = killedRuns.get(row.id) ?? [];
        expect(row.attempt_count).toBe(killers.length + 1);
        expect(killers).not.toContain(row.runner_id);
      }
    } catch (e) {
      // What each runner did is what explains a run judged too often; print it with the rows.
      const killed = [...killedRuns].map(([id, by]) => `${id} by ${by.join(' and ')}`).join(', ');
      throw new Error(`${String(e)}\nrows: ${JSON.stringify(rows)}\nkilled mid-job: ${killed}\n${lines.join('\n')}\n${logs()}`);
    }
    const kills = [...killedRuns.values()].reduce((n, by) => n + by.length, 0);
    const dead = await sql<{ runner_id: string }>(`SELECT runner_id FROM judge_runner_status WHERE state = 'dead' ORDER BY runner_id`);
    console.log(
      [
        `[chaos judge] seed ${seed}`,
        ...lines,
        `total: ${allIds.length} runs, ${kills} kill(s) hit ${killedRuns.size} run(s) mid-job, each judged again; all ${rows.filter((r) => r.verdict === 'passed').length} passed with one verdict; ` +
          `runners marked dead: ${dead.map((d) => d.runner_id).join(', ')}`,
      ].join('\n'),
    );
    // The kills did hit runs mid-job (a kill that only ever missed would test nothing).
    expect(kills).toBeGreaterThanOrEqual(Math.ceil(KILLS / 2));
    expect(dead.map((d) => d.runner_id)).toEqual(Array.from({ length: KILLS }, (_, i) => `chaos-runner-${i}`));
  }, 1_200_000);
});
