/**
 * The bare baseline: node:http + pg, no framework, no ORM, doing the same SQL (and the same
 * domain calls) as goprep for the benchmarked routes, with the same session and CSRF checks.
 * Started by load.ts as its own process: `node --import tsx baseline-server.ts <port> <db url>`.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool, type PoolClient } from 'pg';
import {
  buildDueQueue,
  countNewIntroducedToday,
  DAY_MS,
  DEFAULT_SRS_SETTINGS,
  grade,
  localDay,
  localDayNumber,
  localDayStart,
  previewIntervals,
  scheduleReview,
  submissionProblems,
  suggestRating,
  validateResponse,
  type AnswerKey,
  type SrsCard,
  type SrsRating,
  type SrsSettings,
} from '@goprep/domain';

const [, , portArg, dbUrl] = process.argv;
// The same pool size as the API's DataSource (apps/api/src/database/data-source-options.ts).
const pool = new Pool({ connectionString: dbUrl, max: 20 });
// The bench stops Postgres right after this process: idle clients then see the shutdown.
pool.on('error', () => undefined);

type Row = Record<string, unknown>;
class HttpError extends Error {
  constructor(readonly status: number, readonly code: string) {
    super(code);
  }
}

function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

async function body(req: IncomingMessage): Promise<Row> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? {} : (JSON.parse(Buffer.concat(chunks).toString()) as Row);
}

/** The same lookup as AccountsService.resolveSession (session joined with its user). */
async function user(req: IncomingMessage): Promise<string> {
  const c = cookies(req);
  const token = c['goprep_session'];
  if (!token) throw new HttpError(401, 'UNAUTHENTICATED');
  if (req.method !== 'GET' && (!c['goprep_csrf'] || req.headers['x-csrf-token'] !== c['goprep_csrf'])) throw new HttpError(403, 'CSRF_INVALID');
  const { rows } = await pool.query(
    `SELECT s.id, s.user_id, u.id AS uid, u.email, u.display_name, u.role FROM sessions s LEFT JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 LIMIT 1`,
    [createHash('sha256').update(token).digest(), new Date()],
  );
  const row = rows[0] as { uid: string } | undefined;
  if (!row) throw new HttpError(401, 'UNAUTHENTICATED');
  return row.uid;
}

const ATTEMPT_COLUMNS = `a.id, a.user_id, a.mode, a.config, a.seed, a.state, a.started_at, a.deadline_at, a.submitted_at,
  a.finished_at, a.overdue_policy, a.submit_grace_seconds, a.review_policy, a.score, a.max_score, a.result,
  (SELECT count(*)::int FROM attempt_items i WHERE i.attempt_id = a.id) AS item_count`;
const ITEM_COLUMNS = `i.position, i.option_order, i.points, v.question_id, v.version, v.title, v.topic_id, v.type, v.difficulty,
  v.prompt, v.code, v.options, v.unit, v.expected_seconds,
  an.response, an.flagged, an.time_spent_ms, an.revision, an.saved_at`;

async function attempt(q: Pool | PoolClient, userId: string, id: string, lock = ''): Promise<Row> {
  const { rows } = await q.query(`SELECT ${ATTEMPT_COLUMNS} FROM attempts a WHERE a.id = $1 AND a.user_id = $2 ${lock}`, [id, userId]);
  if (!rows[0]) throw new HttpError(404, 'ATTEMPT_NOT_FOUND');
  return rows[0] as Row;
}

async function deliver(userId: string, id: string): Promise<unknown> {
  const a = await attempt(pool, userId, id);
  const { rows } = await pool.query(
    `SELECT ${ITEM_COLUMNS} FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id
       LEFT JOIN answers an ON an.attempt_id = i.attempt_id AND an.position = i.position
      WHERE i.attempt_id = $1 ORDER BY i.position`,
    [id],
  );
  const config = a['config'] as { title: string; timeLimitSeconds: number };
  return {
    id: a['id'],
    title: config.title,
    state: a['state'],
    startedAt: a['started_at'],
    deadlineAt: a['deadline_at'],
    itemCount: a['item_count'],
    now: new Date().toISOString(),
    timeLimitSeconds: config.timeLimitSeconds,
    items: rows.map((r: Row) => {
      const order = r['option_order'] as string[] | null;
      const options = r['options'] as Array<{ id: string; text: string }> | null;
      return {
        position: r['position'],
        questionId: r['question_id'],
        title: r['title'],
        type: r['type'],
        prompt: r['prompt'],
        code: r['code'] ?? undefined,
        options: options ? (order ?? options.map((o) => o.id)).map((oid) => ({ id: oid, text: options.find((o) => o.id === oid)?.text })) : undefined,
        answer: r['revision'] ? { response: r['response'], flagged: r['flagged'], revision: r['revision'], savedAt: r['saved_at'] } : null,
      };
    }),
  };
}

async function tx<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
}

/**
 * goprep's save (AttemptsService.saveAnswer): one read, then one statement that locks the attempt
 * FOR SHARE, re-checks it open and in time, and upserts; the locked transaction below only when that
 * wrote nothing.
 */
async function saveAnswer(userId: string, id: string, position: number, b: Row): Promise<unknown> {
  const ctx = (await pool.query(
    `SELECT a.state, a.deadline_at, (SELECT v.type FROM attempt_items si JOIN question_versions v ON v.id = si.question_version_id
        WHERE si.attempt_id = a.id AND si.position = $3) AS item_type FROM attempts a WHERE a.id = $1 AND a.user_id = $2`,
    [id, userId, position],
  )).rows[0] as { state: string; deadline_at: Date; item_type: string | null } | undefined;
  const now = new Date();
  if (ctx && ctx.item_type !== null && ctx.state === 'in_progress' && ctx.deadline_at.getTime() >= now.getTime()) {
    const v = validateResponse(ctx.item_type, b['response']);
    if (v.ok) {
      const saved = (await pool.query(
        `WITH locked AS MATERIALIZED (
           SELECT a.id, a.deadline_at FROM attempts a WHERE a.id = $1 AND a.user_id = $8 AND a.state = 'in_progress' FOR SHARE OF a
         ), open AS MATERIALIZED (
           SELECT locked.id FROM locked
            WHERE $6::timestamptz + (clock_timestamp() - statement_timestamp()) <= locked.deadline_at + $9::int * interval '1 millisecond'
         )
         INSERT INTO answers AS an (attempt_id, position, response, flagged, time_spent_ms, saved_at, revision)
         SELECT open.id, $2::int, $3::jsonb, COALESCE($4::boolean, false), COALESCE($5::int, 0), $6::timestamptz, 1 FROM open
          WHERE $7::int IS NULL OR $7::int = COALESCE((SELECT cur.revision FROM answers cur WHERE cur.attempt_id = $1 AND cur.position = $2::int), 0)
         ON CONFLICT (attempt_id, position) DO UPDATE
            SET response = EXCLUDED.response, flagged = COALESCE($4::boolean, an.flagged), time_spent_ms = COALESCE($5::int, an.time_spent_ms),
                saved_at = EXCLUDED.saved_at, revision = an.revision + 1
          WHERE (an.response, an.flagged, an.time_spent_ms) IS DISTINCT FROM (EXCLUDED.response, COALESCE($4::boolean, an.flagged), COALESCE($5::int, an.time_spent_ms))
            AND ($7::int IS NULL OR an.revision = $7::int)
         RETURNING revision, saved_at, flagged, time_spent_ms, response IS NOT NULL AS answered`,
        [id, position, JSON.stringify(v.response), b['flagged'] ?? null, b['timeSpentMs'] ?? null, now, null, userId, 0],
      )).rows[0] as Row | undefined;
      if (saved) return { position, ...saved };
    }
  }
  return saveAnswerLocked(userId, id, position, b);
}

async function saveAnswerLocked(userId: string, id: string, position: number, b: Row): Promise<unknown> {
  return tx(async (c) => {
    const a = await attempt(c, userId, id, 'FOR SHARE OF a');
    if (a['state'] !== 'in_progress' || (a['deadline_at'] as Date).getTime() < Date.now()) throw new HttpError(409, 'ATTEMPT_CLOSED');
    const item = (await c.query(`SELECT v.type FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1 AND i.position = $2`, [id, position])).rows[0] as
      | { type: string }
      | undefined;
    if (!item) throw new HttpError(404, 'ATTEMPT_ITEM_NOT_FOUND');
    const v = validateResponse(item.type, b['response']);
    if (!v.ok) throw new HttpError(400, 'RESPONSE_INVALID');
    const current = (await c.query(`SELECT response, flagged, time_spent_ms, revision, saved_at FROM answers WHERE attempt_id = $1 AND position = $2 FOR UPDATE`, [id, position])).rows[0] as
      | Row
      | undefined;
    const saved = (
      await c.query(
        `INSERT INTO answers AS an (attempt_id, position, response, flagged, time_spent_ms, saved_at, revision)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, 1)
         ON CONFLICT (attempt_id, position) DO UPDATE
            SET response = EXCLUDED.response, flagged = EXCLUDED.flagged, time_spent_ms = EXCLUDED.time_spent_ms,
                saved_at = EXCLUDED.saved_at, revision = an.revision + 1
          WHERE (an.response, an.flagged, an.time_spent_ms) IS DISTINCT FROM (EXCLUDED.response, EXCLUDED.flagged, EXCLUDED.time_spent_ms)
            AND ($7::int IS NULL OR an.revision = $7)
         RETURNING revision, saved_at, flagged, time_spent_ms, response IS NOT NULL AS answered`,
        [id, position, JSON.stringify(v.response), b['flagged'] ?? current?.['flagged'] ?? false, b['timeSpentMs'] ?? 0, new Date(), null],
      )
    ).rows[0] as Row | undefined;
    return { position, ...(saved ?? current) };
  });
}

const CARD_COLUMNS = `c.id, c.question_id, c.state, c.due, c.stability, c.difficulty, c.scheduled_days, c.learning_steps,
  c.reps, c.lapses, c.last_review, c.suspended, c.leech`;
const DELIVERY_COLUMNS = `v.question_id, v.version, v.title, v.topic_id, v.difficulty AS question_difficulty, v.type, v.prompt, v.code, v.unit,
  v.expected_seconds, (SELECT jsonb_agg(jsonb_build_object('id', o->>'id', 'text', o->>'text') ORDER BY n)
                         FROM jsonb_array_elements(v.options) WITH ORDINALITY AS e(o, n)) AS options`;
const LIVE = 'q.retired_at IS NULL AND q.organization_id IS NULL';

function cardFrom(r: Row): SrsCard {
  return {
    id: r['id'] as string,
    state: r['state'] as SrsCard['state'],
    due: r['due'] as Date,
    stability: r['stability'] as number,
    difficulty: r['difficulty'] as number,
    scheduledDays: r['scheduled_days'] as number,
    learningSteps: r['learning_steps'] as number,
    reps: r['reps'] as number,
    lapses: r['lapses'] as number,
    lastReview: r['last_review'] as Date | null,
    suspended: r['suspended'] as boolean,
    leech: r['leech'] as boolean,
  };
}

async function settingsOf(q: Pool | PoolClient, userId: string): Promise<SrsSettings> {
  const row = (await q.query(
    `SELECT timezone, day_start_hour, desired_retention, max_interval_days, new_per_day, learning_steps, relearning_steps, weights FROM srs_settings WHERE user_id = $1`,
    [userId],
  )).rows[0] as Row | undefined;
  if (!row) return { ...DEFAULT_SRS_SETTINGS };
  return {
    timezone: row['timezone'] as string,
    dayStartHour: row['day_start_hour'] as number,
    desiredRetention: row['desired_retention'] as number,
    maximumIntervalDays: row['max_interval_days'] as number,
    newCardsPerDay: row['new_per_day'] as number,
    learningSteps: row['learning_steps'] as SrsSettings['learningSteps'],
    relearningSteps: row['relearning_steps'] as SrsSettings['relearningSteps'],
  };
}

const dayString = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

async function due(userId: string): Promise<unknown> {
  const now = new Date();
  const settings = await settingsOf(pool, userId);
  const today = localDayNumber(now, settings);
  const dayStart = localDayStart(dayString(today), settings);
  const tomorrow = localDayStart(dayString(today + 1), settings);
  const { rows } = await pool.query(
    `SELECT ${CARD_COLUMNS}, ${DELIVERY_COLUMNS} FROM srs_cards c JOIN questions q ON q.id = c.question_id
       JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
      WHERE c.user_id = $1 AND NOT c.suspended AND (c.state = 'new' OR c.due < $2) AND ${LIVE}`,
    [userId, tomorrow],
  );
  const logs = (await pool.query(
    `SELECT reviewed_at, state_before FROM srs_reviews WHERE user_id = $1 AND undone_at IS NULL AND reviewed_at >= $2 AND reviewed_at < $3 AND state_before->>'state' = 'new'`,
    [userId, dayStart, tomorrow],
  )).rows as Array<{ reviewed_at: Date; state_before: SrsCard & { due: string; lastReview: string | null } }>;
  const introduced = countNewIntroducedToday(
    logs.map((l) => ({ reviewedAt: l.reviewed_at, before: { ...l.state_before, due: new Date(l.state_before.due), lastReview: l.state_before.lastReview ? new Date(l.state_before.lastReview) : null } })),
    now,
    settings,
  );
  const byId = new Map(rows.map((r: Row) => [r['id'] as string, r]));
  const queue = buildDueQueue(rows.map(cardFrom), now, settings, introduced);
  return {
    now: now.toISOString(),
    day: localDay(now, settings),
    dueCount: queue.dueCount,
    newCount: queue.newCount,
    cards: queue.cards.map((card) => {
      const r = byId.get(card.id)!;
      const p = previewIntervals(card, now, settings);
      const one = (x: (typeof p)[SrsRating]) => ({ due: x.due.toISOString(), days: x.scheduledDays });
      return {
        questionId: r['question_id'],
        state: card.state,
        due: card.due.toISOString(),
        question: { title: r['title'], type: r['type'], prompt: r['prompt'], code: r['code'], options: r['options'] },
        intervals: { again: one(p.again), hard: one(p.hard), good: one(p.good), easy: one(p.easy) },
      };
    }),
  };
}

const REVIEW_SELECT = `SELECT r.id, r.user_id, r.question_id, v.version, r.reviewed_at, r.rating, r.suggested_rating, r.rating_source, r.status,
         r.score, r.correct, r.leech_triggered, r.state_after, r.undone_at, v.answer_key, v.explanation, v."references", v.options AS key_options
    FROM srs_reviews r JOIN question_versions v ON v.id = r.question_version_id`;

/**
 * goprep's review (DrillsService.review): one read of the card (with its row version), the key and
 * the settings, then one statement that appends the review and writes the card if the card row is
 * unchanged; the locked transaction below only when that wrote nothing.
 */
async function review(userId: string, b: Row): Promise<unknown> {
  const reviewId = b['reviewId'] as string;
  const questionId = b['questionId'] as string;
  const ctx = (await pool.query(
    `SELECT ${CARD_COLUMNS}, c.xmin::text AS card_version, EXISTS (SELECT 1 FROM srs_reviews seen WHERE seen.id = $3) AS id_taken,
            v.id AS version_id, v.type AS version_type, v.answer_key, v.expected_seconds,
            s.user_id IS NOT NULL AS has_settings, s.timezone AS s_timezone, s.day_start_hour AS s_day_start_hour, s.desired_retention AS s_desired_retention,
            s.max_interval_days AS s_max_interval_days, s.new_per_day AS s_new_per_day, s.learning_steps AS s_learning_steps,
            s.relearning_steps AS s_relearning_steps, s.weights AS s_weights
       FROM srs_cards c LEFT JOIN questions q ON q.id = c.question_id
       LEFT JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
       LEFT JOIN srs_settings s ON s.user_id = c.user_id
      WHERE c.user_id = $1 AND c.question_id = $2`,
    [userId, questionId, reviewId],
  )).rows[0] as Row | undefined;
  if (ctx && !ctx['id_taken'] && !ctx['suspended'] && ctx['version_id'] !== null && ctx['version_type'] !== 'code-task') {
    const v = validateResponse(ctx['version_type'] as string, b['response']);
    if (v.ok) {
      const card = cardFrom(ctx);
      const settings: SrsSettings = ctx['has_settings']
        ? {
            timezone: ctx['s_timezone'] as string,
            dayStartHour: ctx['s_day_start_hour'] as number,
            desiredRetention: ctx['s_desired_retention'] as number,
            maximumIntervalDays: ctx['s_max_interval_days'] as number,
            newCardsPerDay: ctx['s_new_per_day'] as number,
            learningSteps: ctx['s_learning_steps'] as SrsSettings['learningSteps'],
            relearningSteps: ctx['s_relearning_steps'] as SrsSettings['relearningSteps'],
          }
        : { ...DEFAULT_SRS_SETTINGS };
      const result = grade(ctx['answer_key'] as AnswerKey, v.response as Parameters<typeof grade>[1]);
      const outcome = { correct: result.status === 'correct', guessed: false, expectedSeconds: ctx['expected_seconds'] as number };
      const durationMs = b['durationMs'] as number;
      const rating = suggestRating({ ...outcome, durationMs });
      const now = new Date();
      const { card: after, log } = scheduleReview(card, { rating, durationMs, outcome }, now, settings);
      const stored = (await pool.query(
        `WITH card AS MATERIALIZED (
           SELECT c.id FROM srs_cards c WHERE c.id = $2 AND c.xmin = $26::text::xid FOR UPDATE
         ), r AS (
           INSERT INTO srs_reviews (id, card_id, user_id, question_id, question_version_id, reviewed_at, local_day, rating, suggested_rating,
              rating_source, response, status, score, correct, guessed, duration_ms, expected_seconds, elapsed_days, predicted_recall,
              desired_retention, timezone, day_start_hour, leech_triggered, state_before, state_after)
           SELECT $1::uuid, $2::uuid, $3::uuid, $4::text, $5::uuid, $6::timestamptz, $7::date, $8::text, $9::text, $10::text, $11::jsonb, $12::text,
              $13::numeric, $14::boolean, $15::boolean, $16::int, $17::int, $18::int, $19::float8, $20::float8, $21::text, $22::smallint, $23::boolean,
              $24::jsonb, $25::jsonb FROM card
           ON CONFLICT (id) DO NOTHING RETURNING *
         ), moved AS (
           UPDATE srs_cards SET state = $27, due = $28, stability = $29, difficulty = $30, scheduled_days = $31, learning_steps = $32,
                  reps = $33, lapses = $34, last_review = $35, suspended = $36, leech = $37
            WHERE id = (SELECT r.card_id FROM r)
         )
         SELECT r.id, r.user_id, r.question_id, v.version, r.reviewed_at, r.rating, r.suggested_rating, r.rating_source, r.status,
                r.score, r.correct, r.leech_triggered, r.state_after, r.undone_at, v.answer_key, v.explanation, v."references", v.options AS key_options
           FROM r JOIN question_versions v ON v.id = r.question_version_id`,
        [
          reviewId, card.id, userId, questionId, ctx['version_id'], now, log.localDay, log.rating, log.suggestedRating, log.source, JSON.stringify(v.response),
          result.status, result.score, log.correct, log.guessed, log.durationMs, log.expectedSeconds, log.elapsedDays, log.retrievability,
          log.desiredRetention, log.timezone, log.dayStartHour, log.leechTriggered, JSON.stringify(log.before), JSON.stringify(log.after),
          ctx['card_version'], after.state, after.due, after.stability, after.difficulty, after.scheduledDays, after.learningSteps, after.reps,
          after.lapses, after.lastReview, after.suspended, after.leech,
        ],
      )).rows[0] as Row | undefined;
      if (stored) return { reviewId: stored['id'], questionId: stored['question_id'], status: stored['status'], rating: stored['rating'], card: stored['state_after'], explanation: stored['explanation'] };
    }
  }
  return reviewLocked(userId, b);
}

async function reviewLocked(userId: string, b: Row): Promise<unknown> {
  const reviewId = b['reviewId'] as string;
  const questionId = b['questionId'] as string;
  const earlier = (await pool.query(`${REVIEW_SELECT} WHERE r.id = $1`, [reviewId])).rows[0] as Row | undefined;
  if (earlier) return earlier;
  await tx(async (c) => {
    const cardRow = (await c.query(`SELECT ${CARD_COLUMNS} FROM srs_cards c WHERE c.user_id = $1 AND c.question_id = $2 FOR UPDATE`, [userId, questionId])).rows[0] as Row | undefined;
    if (!cardRow) throw new HttpError(404, 'DRILL_CARD_NOT_FOUND');
    const card = cardFrom(cardRow);
    await c.query(`${REVIEW_SELECT} WHERE r.id = $1`, [reviewId]);
    const version = (await c.query(
      `SELECT v.id, v.type, v.answer_key, v.expected_seconds FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version WHERE q.id = $1`,
      [questionId],
    )).rows[0] as { id: string; type: string; answer_key: AnswerKey; expected_seconds: number };
    const v = validateResponse(version.type, b['response']);
    if (!v.ok) throw new HttpError(400, 'RESPONSE_INVALID');
    const result = grade(version.answer_key, v.response as Parameters<typeof grade>[1]);
    const outcome = { correct: result.status === 'correct', guessed: false, expectedSeconds: version.expected_seconds };
    const durationMs = b['durationMs'] as number;
    const rating = suggestRating({ ...outcome, durationMs });
    const settings = await settingsOf(c, userId);
    const now = new Date();
    const { card: after, log } = scheduleReview(card, { rating, durationMs, outcome }, now, settings);
    await c.query(
      `UPDATE srs_cards SET state = $2, due = $3, stability = $4, difficulty = $5, scheduled_days = $6, learning_steps = $7,
         reps = $8, lapses = $9, last_review = $10, suspended = $11, leech = $12 WHERE id = $1`,
      [after.id, after.state, after.due, after.stability, after.difficulty, after.scheduledDays, after.learningSteps, after.reps, after.lapses, after.lastReview, after.suspended, after.leech],
    );
    await c.query(
      `INSERT INTO srs_reviews (id, card_id, user_id, question_id, question_version_id, reviewed_at, local_day, rating, suggested_rating,
          rating_source, response, status, score, correct, guessed, duration_ms, expected_seconds, elapsed_days, predicted_recall,
          desired_retention, timezone, day_start_hour, leech_triggered, state_before, state_after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24::jsonb, $25::jsonb)`,
      [
        reviewId, card.id, userId, questionId, version.id, now, log.localDay, log.rating, log.suggestedRating, log.source, JSON.stringify(v.response),
        result.status, result.score, log.correct, log.guessed, log.durationMs, log.expectedSeconds, log.elapsedDays, log.retrievability,
        log.desiredRetention, log.timezone, log.dayStartHour, log.leechTriggered, JSON.stringify(log.before), JSON.stringify(log.after),
      ],
    );
  });
  const stored = (await pool.query(`${REVIEW_SELECT} WHERE r.id = $1`, [reviewId])).rows[0] as Row;
  return { reviewId: stored['id'], questionId: stored['question_id'], status: stored['status'], rating: stored['rating'], card: stored['state_after'], explanation: stored['explanation'] };
}

async function search(url: URL): Promise<unknown> {
  const params: unknown[] = [url.searchParams.get('q') ?? ''];
  const from = `FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
      JOIN topics t ON t.id = q.topic_id
      WHERE q.retired_at IS NULL AND q.organization_id IS NULL AND v.search @@ websearch_to_tsquery('english', $1)`;
  const total = ((await pool.query(`SELECT count(*)::int AS total ${from}`, params)).rows[0] as { total: number }).total;
  const { rows } = await pool.query(
    `SELECT q.id, v.title, v.topic_id, v.type, v.difficulty, v.tags, (v.code IS NOT NULL) AS has_code ${from}
      ORDER BY ts_rank(v.search, websearch_to_tsquery('english', $1)) DESC, q.id LIMIT 20 OFFSET 0`,
    params,
  );
  return { items: rows.map((r: Row) => ({ id: r['id'], title: r['title'], topic: r['topic_id'], type: r['type'], difficulty: r['difficulty'], tags: r['tags'], hasCode: r['has_code'] })), total, page: 1, pageSize: 20 };
}

// The judge routes: the same statements as JudgeService.createVisibleRun (task lookup, the rate-limit
// upsert, the run and its graphile-worker job in one statement that returns the run) and .get.
const JUDGE_RUNS_PER_MINUTE = Number(process.env['JUDGE_RUNS_PER_MINUTE'] ?? 20);
const RUN_COLUMNS = `r.id, r.user_id, r.question_id, r.version, r.mode, r.state, r.verdict, r.score, r.tests, r.race_report, r.leak_report,
  r.compile_output, r.message, r.code_hash, r.files, r.queued_at, r.started_at, r.finished_at, r.duration_ms, r.program`;

/** A 201 answer. */
class Created {
  constructor(readonly value: unknown) {}
}

function judgeRun(row: Row): Row {
  const hidden = row['mode'] === 'hidden';
  const tests = (row['tests'] as Array<{ name: string; passed: boolean; output?: string }> | null) ?? [];
  return {
    id: row['id'], questionId: row['question_id'], version: row['version'], mode: row['mode'], state: row['state'], verdict: row['verdict'], score: row['score'],
    tests: tests.map((t) => (hidden || t.output === undefined ? { name: t.name, passed: t.passed } : t)),
    raceReport: hidden ? null : row['race_report'], leakReport: hidden ? null : row['leak_report'], compileOutput: row['compile_output'], message: row['message'],
    codeHash: row['code_hash'], files: row['files'], queuedAt: (row['queued_at'] as Date).toISOString(), startedAt: (row['started_at'] as Date | null)?.toISOString() ?? null,
    finishedAt: (row['finished_at'] as Date | null)?.toISOString() ?? null, durationMs: row['duration_ms'], program: row['program'] ?? null,
  };
}

async function ownRun(userId: string, id: string): Promise<Row> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new HttpError(400, 'VALIDATION_FAILED');
  const row = (await pool.query(`SELECT ${RUN_COLUMNS} FROM judge_runs r WHERE r.id = $1`, [id])).rows[0] as Row | undefined;
  if (!row || row['user_id'] !== userId) throw new HttpError(404, 'JUDGE_RUN_NOT_FOUND');
  return judgeRun(row);
}

async function submitRun(userId: string, b: Row): Promise<Created> {
  const questionId = b['questionId'];
  const files = b['files'];
  if (typeof questionId !== 'string' || typeof files !== 'object' || files === null || Array.isArray(files)) throw new HttpError(400, 'VALIDATION_FAILED');
  const target = (
    await pool.query(
      `SELECT v.question_id AS "questionId", v.id AS "versionId", v.version, s.spec->'files' AS files
         FROM questions q
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         JOIN judge_task_specs s ON s.question_version_id = v.id
        WHERE q.id = $1 AND q.organization_id IS NULL AND q.retired_at IS NULL`,
      [questionId],
    )
  ).rows[0] as { questionId: string; versionId: string; version: number; files: string[] } | undefined;
  if (!target) throw new HttpError(404, 'JUDGE_TASK_NOT_FOUND');
  const sources = files as Record<string, unknown>;
  if (submissionProblems(sources, target.files).length > 0) throw new HttpError(400, 'JUDGE_FILES_INVALID');
  const names = Object.keys(sources);
  const limit = (
    await pool.query(
      `INSERT INTO rate_limits AS r (key, window_start, count) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE r.count + 1 END,
         window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN now() ELSE r.window_start END
       RETURNING count, ceil(extract(epoch FROM (window_start + make_interval(secs => $2) - now())))::int AS retry_after`,
      [`judge:user:${userId}`, 60],
    )
  ).rows[0] as { count: number };
  if (limit.count > JUDGE_RUNS_PER_MINUTE) throw new HttpError(429, 'RATE_LIMITED');
  const hash = createHash('sha256');
  for (const name of names.sort()) hash.update(name).update('\0').update(sources[name] as string).update('\0');
  const row = (
    await pool.query(
      `WITH r AS (
         INSERT INTO judge_runs (user_id, attempt_id, position, question_id, question_version_id, version, mode, code_hash, files)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *)
       SELECT ${RUN_COLUMNS}
         FROM r CROSS JOIN LATERAL graphile_worker.add_job($10, json_build_object('runId', r.id::text), max_attempts => $11, job_key => r.id::text, priority => $12) AS job`,
      [userId, null, null, target.questionId, target.versionId, target.version, 'visible', hash.digest('hex'), JSON.stringify(files), 'judge', 5, 0],
    )
  ).rows[0] as Row;
  return new Created(judgeRun(row));
}

async function route(req: IncomingMessage): Promise<unknown> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const userId = await user(req);
  const parts = url.pathname.split('/').filter(Boolean);
  if (req.method === 'PUT' && parts[1] === 'attempts' && parts[3] === 'items') return saveAnswer(userId, parts[2]!, Number(parts[4]), await body(req));
  if (req.method === 'GET' && parts[1] === 'attempts' && parts.length === 3) return deliver(userId, parts[2]!);
  if (req.method === 'GET' && url.pathname === '/api/drills/due') return due(userId);
  if (req.method === 'POST' && url.pathname === '/api/drills/reviews') return review(userId, await body(req));
  if (req.method === 'GET' && url.pathname === '/api/questions') return search(url);
  if (req.method === 'POST' && url.pathname === '/api/judge/runs') return submitRun(userId, await body(req));
  if (req.method === 'GET' && parts[1] === 'judge' && parts[2] === 'runs' && parts.length === 4) return ownRun(userId, parts[3]!);
  throw new HttpError(404, 'NOT_FOUND');
}

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  route(req).then(
    (out) => {
      const json = JSON.stringify(out instanceof Created ? out.value : out);
      res.writeHead(out instanceof Created ? 201 : 200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
      res.end(json);
    },
    (e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      // A client that hung up at the end of a run is not a server error.
      if (status === 500 && !stopping && (e as { code?: string }).code !== 'ECONNRESET') console.error(e);
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: e instanceof HttpError ? e.code : 'INTERNAL' }));
    },
  );
});
server.keepAliveTimeout = 65_000;
server.listen(Number(portArg), '127.0.0.1', () => process.stdout.write('baseline ready\n'));
let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
  server.close(() => void pool.end().then(() => process.exit(0)));
  server.closeAllConnections();
});
