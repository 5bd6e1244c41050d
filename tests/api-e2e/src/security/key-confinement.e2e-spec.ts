import { AttemptSweepService } from '@goprep/api/testing';
import type { AnswerKey } from '@goprep/domain';
import { wrongAnswer } from '../support/answers';
import { KEY_FIELDS } from '../support/key-material';
import { createTestApp, type TestApp } from '../support/test-app';
import { Actor, createWorld, fillPath, operations, PASSWORD, setDraft, tokenOf, type Operation, type World } from './world';

/**
 * Walks every GET operation of the OpenAPI document that a learner can reach, with every path
 * parameter filled with the learner's own ids, in every state of a quiz attempt and of a drill
 * deck, and fails if a key, an explanation, option feedback or hidden verification data shows up
 * anywhere before the review policy allows it (only a submitted attempt under the 'full' policy
 * may show keys, and only in its review).
 *
 * Secrets are read from the database (question_versions), never from the API.
 */
const GETS = operations().filter((op) => op.method === 'get');

interface VersionRow {
  question_id: string;
  answer_key: AnswerKey;
  explanation: string;
  options: Array<{ id: string; text: string; feedback?: string }> | null;
  verify: unknown;
  prompt: string;
  code: string | null;
}

/** Strings at least this long are specific enough to look for in a response. */
const MIN_SECRET = 6;

/** The string values, leaving out tags that name a kind of thing (`type: 'code-lines'`, `kind: 'output'`), which are no secret. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'type' || k === 'kind' ? [] : strings(v)));
  }
  return [];
}

/**
 * Everything any question shows on delivery (titles, prompts, code, option texts, tags): a key
 * string that also appears there (an output line quoted in some prompt) cannot count as a leak.
 */
let shown = '';

/** What must not leak for these versions: explanation, key strings, option feedback, verification data. */
function secretsOf(rows: VersionRow[]): string[] {
  const out = new Set<string>();
  for (const r of rows) {
    // Option ids are delivered too (ordering items and matching sides are named by them; the key is their order or pairing).
    const shownHere = [r.prompt, r.code ?? '', ...(r.options ?? []).flatMap((o) => [o.text, o.id])].join('\n');
    const candidates = [
      r.explanation.trim().slice(0, 80),
      ...strings(r.answer_key).map((s) => s.trim()),
      ...(r.options ?? []).map((o) => (o.feedback ?? '').trim()),
      ...strings(r.verify).map((s) => s.trim()),
    ];
    for (const c of candidates) if (c.length >= MIN_SECRET && !shown.includes(c) && !shownHere.includes(c)) out.add(c);
  }
  return [...out];
}

async function versionsOfAttempt(t: TestApp, attemptId: string): Promise<VersionRow[]> {
  return t.sql<VersionRow>(
    `SELECT v.question_id, v.answer_key, v.explanation, v.options, v.verify, v.prompt, v.code
       FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1`,
    [attemptId],
  );
}

async function currentVersions(t: TestApp, questionIds: string[]): Promise<VersionRow[]> {
  return t.sql<VersionRow>(
    `SELECT v.question_id, v.answer_key, v.explanation, v.options, v.verify, v.prompt, v.code
       FROM question_versions v JOIN questions q ON q.id = v.question_id
      WHERE v.question_id = ANY($1) AND v.version = q.current_version`,
    [questionIds],
  );
}

interface TaskKeyRow {
  position: number;
  prompt: string;
  hidden: Record<string, string>;
  visible: Record<string, string>;
  starter: Record<string, string>;
  solution: Record<string, string>;
}

/** A string as it appears inside a JSON response body (quotes, backslashes and tabs escaped). */
const asJson = (text: string): string => JSON.stringify(text).slice(1, -1);

/**
 * The key material of an attempt's code tasks, as JSON-escaped text to look for in responses: each
 * hidden test file and solution file whole, and their lines specific enough to recognise alone
 * (not in the prompt, the starter, the visible tests or any question's delivered text).
 */
async function taskSecretsOf(t: TestApp, attemptId: string): Promise<{ hidden: string[]; solution: string[] }> {
  const rows = await t.sql<TaskKeyRow>(
    `SELECT i.position, v.prompt, s.spec->'hiddenTests' AS hidden, s.spec->'visibleTests' AS visible, s.starter, s.solution
       FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id
       JOIN judge_task_specs s ON s.question_version_id = i.question_version_id
      WHERE i.attempt_id = $1`,
    [attemptId],
  );
  const hidden = new Set<string>();
  const solution = new Set<string>();
  for (const r of rows) {
    const open = [r.prompt, ...Object.values(r.visible), ...Object.values(r.starter)].join('\n');
    const lines = (files: Record<string, string>, min: number) =>
      Object.values(files)
        .flatMap((source) => source.split('\n'))
        .map((line) => line.trim())
        .filter((line) => line.length >= min && !open.includes(line) && !shown.includes(line));
    for (const source of Object.values(r.hidden)) hidden.add(asJson(source));
    for (const line of lines(r.hidden, 20)) hidden.add(asJson(line));
    for (const source of Object.values(r.solution)) solution.add(asJson(source));
    for (const line of lines(r.solution, 12)) if (!Object.values(r.hidden).some((source) => source.includes(line))) solution.add(asJson(line));
  }
  return { hidden: [...hidden], solution: [...solution] };
}

/** Every way to fill an operation's path parameters from the candidate values per name; [] if one has none. */
function fillings(op: Operation, values: Record<string, string[]>): Array<Record<string, string>> {
  let out: Array<Record<string, string>> = [{}];
  for (const p of op.pathParams) {
    const options = values[p.name] ?? [];
    out = out.flatMap((partial) => options.map((v) => ({ ...partial, [p.name]: v })));
  }
  return out;
}

/**
 * Paths of key-only field names (support/key-material.ts) in a response, except where they are no
 * key: a number is a tally (`result.correct: 3` counts right answers), and the user's own saved
 * response is echoed back (`answer.response.lines` is what they clicked).
 */
function keyFields(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keyFields(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(KEY_FIELDS.includes(k) && typeof v !== 'number' && v !== null ? [`${path}.${k}`] : []),
    ...(k === 'response' ? [] : keyFields(v, `${path}.${k}`)),
  ]);
}

/** The id sequences of every array of objects with string ids in a response (option lists, wherever they sit). */
function idSequences(value: unknown): string[][] {
  if (Array.isArray(value)) {
    const ids = value.every((v) => v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string') ? [value.map((v) => (v as { id: string }).id)] : [];
    return [...(ids.length > 0 && ids[0]!.length > 1 ? ids : []), ...value.flatMap(idSequences)];
  }
  if (!value || typeof value !== 'object') return [];
  return Object.values(value).flatMap(idSequences);
}

interface Leak {
  url: string;
  what: string;
}

/**
 * GETs everything reachable and returns the leaks; `allowed(url)` says where keys may appear.
 * Also returns how many responses were inspected, so a walk that reached nothing fails.
 */
async function walk(
  actor: Actor,
  values: Record<string, string[]>,
  secrets: string[],
  allowed: (url: string) => boolean,
  /** Orders that are key material: ordering items in key order, matching choices in their stored (pairing) order. */
  keyOrders: string[][] = [],
): Promise<{ leaks: Leak[]; inspected: number; ok: number }> {
  const leaks: Leak[] = [];
  let inspected = 0;
  let ok = 0;
  for (const op of GETS) {
    for (const params of fillings(op, values)) {
      const url = fillPath(op.path, params);
      const res = await actor.send('get', url, { timeoutMs: 10_000 });
      inspected++;
      if (res.status === 200) ok++;
      if (allowed(url)) continue;
      const text = res.text ?? '';
      for (const secret of secrets) if (text.includes(secret)) leaks.push({ url, what: `secret text ${JSON.stringify(secret.slice(0, 60))}` });
      if ((res.headers['content-type'] ?? '').includes('json')) {
        for (const path of keyFields(res.body)) leaks.push({ url, what: `key field ${path}` });
        for (const ids of idSequences(res.body)) {
          if (keyOrders.some((order) => order.join('\u0000') === ids.join('\u0000'))) leaks.push({ url, what: `items in key order ${ids.join(',')}` });
        }
      }
    }
  }
  return { leaks, inspected, ok };
}

describe('security: no key reaches a learner before the review policy allows it', () => {
  let t: TestApp;
  let sweep: AttemptSweepService;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp({ ATTEMPT_SWEEP_INTERVAL_MS: '0', LOGIN_MAX_ATTEMPTS_PER_IP: '100000' });
    sweep = t.app.get(AttemptSweepService);
    // The first account is the admin; take that seat so the learners below are plain learners.
    const admin = new Actor('admin', t.server, 'admin@example.com');
    await admin.browser.register('admin@example.com', PASSWORD, 'Admin');
    const all = await t.sql<{ text: string }>(
      `SELECT concat_ws(E'\\n', v.title, v.prompt, v.code, v.unit, jsonb_path_query_array(coalesce(v.options, '[]'), '$[*].text')::text,
                        array_to_string(v.tags, ' '), array_to_string(v."references", ' ')) AS text
         FROM question_versions v`,
    );
    shown = all.map((r) => r.text).join('\n');
  });
  afterAll(() => t?.close());

  async function newLearner(): Promise<Actor> {
    const email = `learner${++n}@example.com`;
    const actor = new Actor('learner', t.server, email);
    const res = await actor.browser.register(email, PASSWORD, 'Learner');
    expect(res.status).toBe(201);
    return actor;
  }

  /** A learner with one quiz over several question types, every item answered (wrongly: a right answer would be key text). */
  async function quizInProgress(): Promise<{ actor: Actor; attemptId: string; rows: VersionRow[] }> {
    const actor = await newLearner();
    const started = await actor.browser.post('/api/attempts', {
      mode: 'quick',
      topics: ['channels', 'goroutine-leaks', 'memory-model'],
      difficulty: { min: 1, max: 5 },
      count: 8,
      timeLimitMinutes: 30,
    });
    expect(started.status).toBe(201);
    const attemptId = started.body.id as string;
    const rows = await versionsOfAttempt(t, attemptId);
    const keys = await t.sql<{ position: number; answer_key: AnswerKey }>(
      `SELECT i.position, v.answer_key FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1`,
      [attemptId],
    );
    for (const k of keys) {
      if (k.answer_key.type === 'flashcard') continue;
      const saved = await actor.browser.put(`/api/attempts/${attemptId}/items/${k.position}/answer`, { response: wrongAnswer(k.answer_key) });
      expect(saved.status).toBe(200);
    }
    return { actor, attemptId, rows };
  }

  function quizValues(attemptId: string, rows: VersionRow[]): Record<string, string[]> {
    const questionIds = rows.map((r) => r.question_id);
    return {
      id: [attemptId, ...questionIds],
      attemptId: [attemptId],
      questionId: questionIds,
      position: rows.map((_, i) => String(i + 1)),
    };
  }

  function expectNoLeaks(label: string, result: { leaks: Leak[]; inspected: number; ok: number }): void {
    // The walk must have reached the attempt itself, or it proves nothing.
    expect(result.ok).toBeGreaterThan(5);
    expect(result.leaks.map((l) => `${label}: ${l.url}: ${l.what}`)).toEqual([]);
  }

  it('should find the quiz secrets in the database and the GET operations to walk', async () => {
    const { attemptId, rows } = await quizInProgress();
    expect(rows.length).toBe(8);
    expect(secretsOf(rows).length).toBeGreaterThanOrEqual(8);
    expect(GETS.some((op) => op.path === '/api/attempts/{id}')).toBe(true);
    expect(attemptId).toBeTruthy();
  });

  it('should show no key while the quiz is in progress', async () => {
    const { actor, attemptId, rows } = await quizInProgress();
    expectNoLeaks('in progress', await walk(actor, quizValues(attemptId, rows), secretsOf(rows), () => false));
  });

  it('should show no key after the deadline has passed, before and after the sweep closes the attempt', async () => {
    const { actor, attemptId, rows } = await quizInProgress();
    await t.sql(
      `UPDATE attempts SET started_at = now() - interval '40 minutes', deadline_at = now() - interval '10 minutes', review_policy = 'none' WHERE id = $1`,
      [attemptId],
    );
    expectNoLeaks('past deadline', await walk(actor, quizValues(attemptId, rows), secretsOf(rows), () => false));
    await sweep.sweepOnce();
    const [state] = await t.sql<{ state: string }>('SELECT state FROM attempts WHERE id = $1', [attemptId]);
    expect(state!.state).not.toBe('in-progress');
    expectNoLeaks('closed by the sweep', await walk(actor, quizValues(attemptId, rows), secretsOf(rows), () => false));
  });

  // The four policies the attempts table accepts (quizzes and candidate assessments share it).
  it.each(['none', 'score', 'correctness', 'full'])('should show keys after submission only under the full policy (policy %s)', async (policy) => {
    const { actor, attemptId, rows } = await quizInProgress();
    await t.sql('UPDATE attempts SET review_policy = $2 WHERE id = $1', [attemptId, policy]);
    const submitted = await actor.browser.post(`/api/attempts/${attemptId}/submit`);
    expect(submitted.status).toBe(200);
    const review = `/api/attempts/${attemptId}/review`;
    const result = await walk(actor, quizValues(attemptId, rows), secretsOf(rows), (url) => policy === 'full' && url === review);
    expectNoLeaks(`submitted, policy ${policy}`, result);
    const res = await actor.browser.get(review);
    if (policy === 'full') {
      // The one place keys may appear does show them: the walk's exemption is not hiding a broken review.
      expect(res.status).toBe(200);
      expect(secretsOf(rows).some((s) => res.text.includes(s))).toBe(true);
    } else {
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('should never show ordering items in key order nor matching choices in their pairing order, before or after submission without the full policy', async () => {
    const actor = await newLearner();
    const attempts: string[] = [];
    for (const questionId of ['mm-order-channel-happens-before', 'gc-order-cycle-phases', 'sch-order-runnext-gomaxprocs1', 'mm-match-synchronized-before']) {
      const started = await actor.browser.post('/api/attempts', { mode: 'quick', questionId });
      expect(started.status).toBe(201);
      attempts.push(started.body.id as string);
    }
    const rows = await t.sql<{ question_id: string; answer_key: AnswerKey; options: Array<{ id: string; side?: string }> }>(
      `SELECT v.question_id, v.answer_key, v.options FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = ANY($1::uuid[])`,
      [attempts],
    );
    const keyOrders = rows.map((r) =>
      r.answer_key.type === 'ordering' ? r.answer_key.order : r.options.filter((o) => o.side === 'right').map((o) => o.id),
    );
    expect(keyOrders.every((order) => order.length >= 3)).toBe(true);
    // The detector finds an order where it sits, so a clean walk means something.
    expect(idSequences({ items: [{ options: keyOrders[0]!.map((id) => ({ id, text: id })) }] })).toContainEqual(keyOrders[0]);
    const values = { id: [...attempts, ...rows.map((r) => r.question_id)], attemptId: attempts, questionId: rows.map((r) => r.question_id), position: ['1'] };
    const versionRows = (await Promise.all(attempts.map((attemptId) => versionsOfAttempt(t, attemptId)))).flat();
    expectNoLeaks('structured, in progress', await walk(actor, values, secretsOf(versionRows), () => false, keyOrders));
    for (const attemptId of attempts) {
      await t.sql(`UPDATE attempts SET review_policy = 'correctness' WHERE id = $1`, [attemptId]);
      expect((await actor.browser.post(`/api/attempts/${attemptId}/submit`)).status).toBe(200);
    }
    expectNoLeaks('structured, submitted (correctness)', await walk(actor, values, [], () => false, keyOrders));
  });

  /**
   * Gives every version of an attempt a current zh-CN translation whose review-only text (explanation,
   * option feedback, flashcard back, rubric, extra accepted answers) is marked, and returns those marks.
   */
  async function translateAttempt(attemptId: string): Promise<string[]> {
    const versions = await t.sql<{ id: string; question_id: string; options: Array<{ id: string }> | null; answer_key: AnswerKey }>(
      `SELECT v.id, v.question_id, v.options, v.answer_key FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1`,
      [attemptId],
    );
    const secrets: string[] = [];
    for (const v of versions) {
      const explanation = `中文解释 ${v.question_id} 只能在复盘时出现`;
      const feedback = Object.fromEntries((v.options ?? []).map((o) => [o.id, `中文反馈 ${v.question_id} ${o.id} 是密钥`]));
      const answer = v.answer_key.type === 'flashcard' ? `中文答案 ${v.question_id} 是卡片背面` : null;
      const rubric = v.answer_key.type === 'essay' ? v.answer_key.rubric.map((_, i) => `中文评分点 ${v.question_id} ${i}`) : null;
      const accepted = v.answer_key.type === 'short' ? [`中文可接受答案 ${v.question_id}`] : null;
      secrets.push(explanation, ...Object.values(feedback), ...(answer ? [answer] : []), ...(rubric ?? []), ...(accepted ?? []));
      await t.sql(
        `INSERT INTO question_version_translations (version_id, locale, source_hash, title, prompt, explanation, answer, options, option_feedback, accepted, rubric, search_text)
         SELECT v.id, 'zh-CN', v.content_hash, '中文标题 ' || v.question_id, '中文题干 ' || v.question_id, $2, $3,
                (SELECT jsonb_agg(jsonb_build_object('id', o->>'id', 'text', '中文选项 ' || (o->>'id'))) FROM jsonb_array_elements(v.options) o),
                $4::jsonb, $5::text[], $6::text[], ''
           FROM question_versions v WHERE v.id = $1
         ON CONFLICT (version_id, locale) DO UPDATE SET source_hash = EXCLUDED.source_hash, title = EXCLUDED.title, prompt = EXCLUDED.prompt,
           explanation = EXCLUDED.explanation, answer = EXCLUDED.answer, options = EXCLUDED.options, option_feedback = EXCLUDED.option_feedback,
           accepted = EXCLUDED.accepted, rubric = EXCLUDED.rubric`,
        [v.id, explanation, answer, v.options ? JSON.stringify(feedback) : null, accepted, rubric],
      );
    }
    return secrets;
  }

  it.each(['score', 'full'])('should show no key, in Chinese or English, when a quiz is delivered in zh-CN (policy %s)', async (policy) => {
    const { actor, attemptId, rows } = await quizInProgress();
    const zhSecrets = await translateAttempt(attemptId);
    const setting = await actor.browser.agent.patch('/api/me/settings').set('X-CSRF-Token', await actor.browser.csrfToken()).send({ contentLanguage: 'zh-CN' });
    expect(setting.status).toBe(200);
    // The walk reads the Chinese delivery, or it proves nothing about it.
    const delivered = (await actor.browser.get(`/api/attempts/${attemptId}`)).body as { items: Array<{ prompt: string; contentLocale: string }> };
    expect(delivered.items.map((i) => i.contentLocale)).toEqual(rows.map(() => 'zh-CN'));
    expect(delivered.items.every((i) => i.prompt.startsWith('中文题干 '))).toBe(true);
    const secrets = [...secretsOf(rows), ...zhSecrets];
    expectNoLeaks('zh-CN, in progress', await walk(actor, quizValues(attemptId, rows), secrets, () => false));

    await t.sql('UPDATE attempts SET review_policy = $2 WHERE id = $1', [attemptId, policy]);
    expect((await actor.browser.post(`/api/attempts/${attemptId}/submit`)).status).toBe(200);
    const review = `/api/attempts/${attemptId}/review`;
    expectNoLeaks(`zh-CN, submitted, policy ${policy}`, await walk(actor, quizValues(attemptId, rows), secrets, (url) => policy === 'full' && url === review));
    if (policy === 'full') {
      const res = await actor.browser.get(review);
      expect(zhSecrets.filter((secret) => secret.startsWith('中文解释')).every((secret) => res.text.includes(secret))).toBe(true);
    }
  });

  it('should never show a suggested follow-up (the room panel\'s only) to a learner, in English or Chinese, in progress or in the full review', async () => {
    const { actor, attemptId, rows } = await quizInProgress();
    await translateAttempt(attemptId);
    const marks = await t.sql<{ en: string[]; zh: string[] }>(
      `WITH v AS (
         UPDATE question_versions v SET follow_ups = ARRAY['Follow-up marker ' || v.question_id || ': why?', 'Second follow-up marker ' || v.question_id || '?']
           FROM attempt_items i WHERE i.attempt_id = $1 AND v.id = i.question_version_id RETURNING v.id, v.follow_ups
       ), tr AS (
         UPDATE question_version_translations tr SET follow_ups = ARRAY['追问标记 ' || v.id || ' 为什么？', '第二个追问标记 ' || v.id || '？']
           FROM v WHERE tr.version_id = v.id AND tr.locale = 'zh-CN' RETURNING tr.follow_ups
       )
       SELECT (SELECT array_agg(f) FROM v, unnest(v.follow_ups) f) AS en, (SELECT array_agg(f) FROM tr, unnest(tr.follow_ups) f) AS zh`,
      [attemptId],
    );
    const followUps = [...(marks[0]?.en ?? []), ...(marks[0]?.zh ?? [])];
    expect(followUps).toHaveLength(rows.length * 4);
    expectNoLeaks('follow-ups, in progress', await walk(actor, quizValues(attemptId, rows), followUps, () => false));
    const setting = await actor.browser.agent.patch('/api/me/settings').set('X-CSRF-Token', await actor.browser.csrfToken()).send({ contentLanguage: 'zh-CN' });
    expect(setting.status).toBe(200);
    expectNoLeaks('follow-ups, zh-CN, in progress', await walk(actor, quizValues(attemptId, rows), followUps, () => false));

    await t.sql(`UPDATE attempts SET review_policy = 'full' WHERE id = $1`, [attemptId]);
    expect((await actor.browser.post(`/api/attempts/${attemptId}/submit`)).status).toBe(200);
    const review = `/api/attempts/${attemptId}/review`;
    expectNoLeaks('follow-ups, zh-CN, submitted (full)', await walk(actor, quizValues(attemptId, rows), followUps, (url) => url === review));
    // The review may show keys and explanations, never follow-ups.
    const shownReview = await actor.browser.get(review);
    expect(shownReview.status).toBe(200);
    expect(followUps.filter((followUp) => shownReview.text.includes(followUp))).toEqual([]);
    expect(keyFields(shownReview.body).filter((path) => /\.(followUps|follow_ups)$/.test(path))).toEqual([]);
    expect(keyFields({ items: [{ followUps: [followUps[0]] }] })).toEqual(['$.items[0].followUps']);
  });

  it('should show a code task\'s hidden tests and reference solution only in the learner\'s own review once the policy shows keys', async () => {
    const actor = await newLearner();
    // A senior mock interview draws one code task (libs/question-bank/templates/sre.yaml).
    const started = await actor.browser.post('/api/attempts', { mode: 'mock', template: 'sre', level: 'senior' });
    expect(started.status).toBe(201);
    const attemptId = started.body.id as string;
    const delivered = started.body.items as Array<{ position: number; type: string; task?: { starter: Record<string, string> } }>;
    const task = delivered.find((item) => item.type === 'code-task');
    expect(task?.task).toBeDefined();
    const rows = await versionsOfAttempt(t, attemptId);
    const keys = await t.sql<{ position: number; answer_key: AnswerKey }>(
      `SELECT i.position, v.answer_key FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1`,
      [attemptId],
    );
    for (const k of keys) {
      // The code task's answer is its starter, unchanged (the judge grades it at submission).
      const response = k.answer_key.type === 'code-task' ? { files: task!.task!.starter } : wrongAnswer(k.answer_key);
      expect((await actor.browser.put(`/api/attempts/${attemptId}/items/${k.position}/answer`, { response })).status).toBe(200);
    }
    const { hidden, solution } = await taskSecretsOf(t, attemptId);
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    expect(solution.length).toBeGreaterThanOrEqual(1);
    const secrets = [...secretsOf(rows), ...hidden, ...solution];
    const values = () => quizValues(attemptId, rows);
    expectNoLeaks('mock with a code task, in progress', await walk(actor, values(), secrets, () => false));

    // Submitted under 'correctness': the final run is queued, nothing of the key shows anywhere.
    await t.sql(`UPDATE attempts SET review_policy = 'correctness' WHERE id = $1`, [attemptId]);
    expect((await actor.browser.post(`/api/attempts/${attemptId}/submit`)).status).toBe(200);
    const runs = await t.sql<{ id: string }>(`SELECT id FROM judge_runs WHERE attempt_id = $1 AND mode = 'hidden'`, [attemptId]);
    expect(runs).toHaveLength(1);
    expectNoLeaks('mock with a code task, submitted, policy correctness', await walk(actor, values(), secrets, () => false));
    // The final run itself (its event stream never ends, so the walk leaves it out): the learner's
    // own code and the verdict, never a hidden test or the solution.
    const run = await actor.browser.get(`/api/judge/runs/${runs[0]!.id}`);
    expect(run.status).toBe(200);
    expect(secrets.filter((secret) => run.text.includes(secret))).toEqual([]);
    expect(keyFields(run.body)).toEqual([]);

    // Under 'full', the review (and only the review) shows the hidden tests and, to the learner, the solution.
    await t.sql(`UPDATE attempts SET review_policy = 'full' WHERE id = $1`, [attemptId]);
    const review = `/api/attempts/${attemptId}/review`;
    expectNoLeaks('mock with a code task, submitted, policy full', await walk(actor, values(), secrets, (url) => url === review));
    const res = await actor.browser.get(review);
    expect(res.status).toBe(200);
    const item = (res.body.items as Array<{ type: string; judge?: { state: string; hiddenTests?: Record<string, string>; solution?: Record<string, string> } }>).find(
      (i) => i.type === 'code-task',
    );
    expect(item?.judge).toMatchObject({ state: 'queued', verdict: null, tests: [] });
    expect(hidden.filter((secret) => !JSON.stringify(item!.judge!.hiddenTests ?? {}).includes(secret))).toEqual([]);
    expect(solution.filter((secret) => !JSON.stringify(item!.judge!.solution ?? {}).includes(secret))).toEqual([]);
  });

  it('should never show a drill card key or explanation in any GET, before or after a review', async () => {
    const actor = await newLearner();
    const added = await actor.browser.post('/api/drills/deck', { topic: 'goroutine-leaks' });
    expect(added.status).toBeLessThan(300);
    const deck = await t.sql<{ question_id: string }>(
      'SELECT c.question_id FROM srs_cards c JOIN users u ON u.id = c.user_id WHERE u.email = $1',
      [actor.email],
    );
    expect(deck.length).toBeGreaterThan(3);
    const questionIds = deck.map((d) => d.question_id);
    const secrets = secretsOf(await currentVersions(t, questionIds));
    const values = { id: questionIds, questionId: questionIds };
    expectNoLeaks('drill deck, before any review', await walk(actor, values, secrets, () => false));

    const due = await actor.browser.get('/api/drills/due');
    const first = (due.body as { cards: Array<{ questionId: string }> }).cards[0]!;
    const reviewId = crypto.randomUUID();
    const reviewed = await actor.browser.post('/api/drills/reviews', { reviewId, questionId: first.questionId, durationMs: 5000, rating: 'again' });
    expect(reviewed.status).toBeLessThan(300);
    // The reviewed card's key has been shown (in the review's answer); it may now appear in a GET
    // (the Anki export of reviewed cards). Every other card's key still must not.
    const shown = new Set(secretsOf(await currentVersions(t, [first.questionId])));
    const unreviewed = secretsOf(await currentVersions(t, questionIds.filter((id) => id !== first.questionId))).filter((x) => !shown.has(x));
    expectNoLeaks('drill deck, after a review', await walk(actor, { ...values, reviewId: [reviewId] }, unreviewed, () => false));
  });
});

describe('security: no key reaches a candidate before the set\'s review policy allows it', () => {
  let w: World;
  let n = 0;

  beforeAll(async () => {
    w = await createWorld({ LOG_LEVEL: 'silent' });
    const all = await w.t.sql<{ text: string }>(
      `SELECT concat_ws(E'\\n', v.title, v.prompt, v.code, v.unit, jsonb_path_query_array(coalesce(v.options, '[]'), '$[*].text')::text,
                        array_to_string(v.tags, ' '), array_to_string(v."references", ' ')) AS text
         FROM question_versions v`,
    );
    shown = all.map((r) => r.text).join('\n');
  });
  afterAll(() => w?.close());

  /** A published set with `policy`, one invite opened by a new candidate, the attempt started and every item answered wrongly. */
  async function candidateInProgress(policy: string): Promise<{ candidate: Actor; attemptId: string; rows: VersionRow[] }> {
    const m = w.actors.managerA.browser;
    const set = (await m.post(`/api/orgs/${w.ids.orgA}/sets`, { title: `Policy ${policy}` })).body.id as string;
    expect((await m.put(`/api/orgs/${w.ids.orgA}/sets/${set}/draft`, { ...setDraft(w.ids, policy), title: `Policy ${policy}` })).status).toBe(200);
    expect((await m.post(`/api/orgs/${w.ids.orgA}/sets/${set}/publish`)).status).toBe(200);
    const created = await m.post(`/api/orgs/${w.ids.orgA}/sets/${set}/invites`, {
      invitees: [{ name: 'Candidate', email: `cand${++n}@example.com` }],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(created.status).toBe(201);
    const candidate = new Actor('candidate', w.t.server);
    expect((await candidate.send('post', '/api/candidate/session', { body: { token: tokenOf(created.body.invites[0].link as string) } })).status).toBe(200);
    const started = await candidate.send('post', '/api/candidate/start');
    expect(started.status).toBe(201);
    const attemptId = started.body.id as string;
    const keys = await w.t.sql<{ position: number; answer_key: AnswerKey }>(
      `SELECT i.position, v.answer_key FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1`,
      [attemptId],
    );
    for (const k of keys) {
      if (k.answer_key.type === 'flashcard') continue;
      const saved = await candidate.send('put', `/api/candidate/attempt/items/${k.position}/answer`, { body: { response: wrongAnswer(k.answer_key) } });
      expect(saved.status).toBe(200);
    }
    return { candidate, attemptId, rows: await versionsOfAttempt(w.t, attemptId) };
  }

  function values(attemptId: string, rows: VersionRow[]): Record<string, string[]> {
    return { id: [attemptId], attemptId: [attemptId], position: rows.map((_, i) => String(i + 1)), orgId: [w.ids.orgA], setId: [w.ids.setA ?? attemptId] };
  }

  function expectClean(label: string, result: { leaks: Leak[]; ok: number }): void {
    expect(result.ok).toBeGreaterThanOrEqual(2);
    expect(result.leaks.map((l) => `${label}: ${l.url}: ${l.what}`)).toEqual([]);
  }

  it.each(['none', 'score', 'correctness', 'full'])('should keep keys back in progress, after the deadline and after submission unless the policy is full (policy %s)', async (policy) => {
    const { candidate, attemptId, rows } = await candidateInProgress(policy);
    expect(rows.length).toBe(3);
    const secrets = secretsOf(rows);
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    expectClean(`${policy}, in progress`, await walk(candidate, values(attemptId, rows), secrets, () => false));

    const submitted = await candidate.send('post', '/api/candidate/attempt/submit');
    expect(submitted.status).toBe(200);
    const review = '/api/candidate/attempt/review';
    // 'correctness' shows per item whether it was right: that field is allowed, the key itself is not.
    const result = await walk(candidate, values(attemptId, rows), secrets, (url) => policy === 'full' && url === review);
    const leaks = policy === 'correctness' ? result.leaks.filter((l) => !(l.url === review && /\.correct$/.test(l.what))) : result.leaks;
    expectClean(`${policy}, submitted`, { ...result, leaks });
    const res = await candidate.send('get', review);
    if (policy === 'full') expect(secrets.some((secret) => res.text.includes(secret))).toBe(true);
  });

  it('should never show a code task\'s reference solution to a candidate or a manager, and its hidden tests only in the full review', async () => {
    const m = w.actors.managerA.browser;
    const [task] = await w.t.sql<{ id: string }>(
      `SELECT q.id FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE v.type = 'code-task' AND q.organization_id IS NULL AND q.retired_at IS NULL ORDER BY q.id LIMIT 1`,
    );
    const set = (await m.post(`/api/orgs/${w.ids.orgA}/sets`, { title: 'Task screen' })).body.id as string;
    const draft = { ...setDraft(w.ids, 'full'), title: 'Task screen', items: [{ kind: 'fixed', points: 1, questionId: task!.id }] };
    expect((await m.put(`/api/orgs/${w.ids.orgA}/sets/${set}/draft`, draft)).status).toBe(200);
    expect((await m.post(`/api/orgs/${w.ids.orgA}/sets/${set}/publish`)).status).toBe(200);
    const created = await m.post(`/api/orgs/${w.ids.orgA}/sets/${set}/invites`, {
      invitees: [{ name: 'Coder', email: `coder${++n}@example.com` }],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(created.status).toBe(201);
    const candidate = new Actor('candidate', w.t.server);
    expect((await candidate.send('post', '/api/candidate/session', { body: { token: tokenOf(created.body.invites[0].link as string) } })).status).toBe(200);
    const started = await candidate.send('post', '/api/candidate/start');
    expect(started.status).toBe(201);
    const attemptId = started.body.id as string;
    const starter = (started.body.items as Array<{ task?: { starter: Record<string, string> } }>)[0]!.task!.starter;
    expect((await candidate.send('put', '/api/candidate/attempt/items/1/answer', { body: { response: { files: starter } } })).status).toBe(200);
    const rows = await versionsOfAttempt(w.t, attemptId);
    const { hidden, solution } = await taskSecretsOf(w.t, attemptId);
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    expect(solution.length).toBeGreaterThanOrEqual(1);
    expectClean('code task, in progress', await walk(candidate, values(attemptId, rows), [...hidden, ...solution], () => false));

    expect((await candidate.send('post', '/api/candidate/attempt/submit')).status).toBe(200);
    const review = '/api/candidate/attempt/review';
    // The full review may show the hidden tests (and key fields), never the solution: walk it for the solution alone.
    expectClean('code task, submitted', await walk(candidate, values(attemptId, rows), [...hidden, ...solution], (url) => url === review));
    const res = await candidate.send('get', review);
    expect(res.status).toBe(200);
    expect(hidden.some((line) => res.text.includes(line))).toBe(true);
    expect(solution.filter((line) => res.text.includes(line))).toEqual([]);
    expect(res.text).not.toMatch(/"solution"\s*:/);

    // The manager's report: the candidate's code, the verdicts and the hidden tests; never the solution.
    const report = await m.get(`/api/orgs/${w.ids.orgA}/results/${attemptId}`);
    expect(report.status).toBe(200);
    const item = (report.body.items as Array<{ response: { files: Record<string, string> }; judge?: { state: string; hiddenTests?: Record<string, string> } }>)[0]!;
    expect(item.response.files).toEqual(starter);
    expect(item.judge?.state).toBe('queued');
    expect(hidden.filter((secret) => !JSON.stringify(item.judge?.hiddenTests ?? {}).includes(secret))).toEqual([]);
    expect(solution.filter((line) => report.text.includes(line))).toEqual([]);
    expect(report.text).not.toMatch(/"solution"\s*:/);
  });

  it('should keep keys back from a candidate whose deadline has passed, before and after the sweep', async () => {
    const { candidate, attemptId, rows } = await candidateInProgress('full');
    await w.t.sql(`UPDATE attempts SET started_at = now() - interval '40 minutes', deadline_at = now() - interval '10 minutes' WHERE id = $1`, [attemptId]);
    expectClean('past deadline', await walk(candidate, values(attemptId, rows), secretsOf(rows), () => false));
  });
});
