/**
 * `npm run bench:seed -- --learners N --reviews N --attempts N [--set-attempts N]`
 *
 * Recreates the benchmark cluster (.data/bench): starts the production build once so that the
 * migrations and the question bank are applied, then fills it in SQL (generate_series, no row
 * goes through Node) with synthetic but realistically shaped data:
 * - learners with a log-normal activity: a few review a lot, most a little;
 * - one card per (learner, question), reviews spread over the last year, ratings
 *   again 12% / hard 15% / good 63% / easy 10%, about a tenth of the cards due today;
 * - quick-quiz attempts (10 items) whose answers follow a 1-parameter IRT model
 *   (learner ability vs question difficulty), 96% submitted, 3% abandoned, 1% open;
 * - one question set of 20 fixed items taken `--set-attempts` times (item statistics).
 */
import { rmSync, writeFileSync } from 'node:fs';
import * as argon2 from 'argon2';
import type { Client } from 'pg';
import { BENCH_DATA_DIR, numberArgs, SEED_MARKER, SEED_PASSWORD, startBenchApp, withClient } from './lib/common';

export const SEED_DEFAULTS = { learners: 2_000, reviews: 200_000, attempts: 20_000, setAttempts: 10_000 };
export type SeedScale = typeof SEED_DEFAULTS;

const CHUNK_LEARNERS = 5_000;
const CHUNK_ATTEMPTS = 50_000;
export const BENCH_SET_ID = 'bench-set-1';

async function step(label: string, fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  const ms = performance.now() - started;
  console.log(`  ${label.padEnd(44)} ${(ms / 1000).toFixed(1)} s`);
  return ms;
}

export async function fill(c: Client, scale: SeedScale): Promise<void> {
  await c.query(`SET synchronous_commit = off`);
  await c.query(`SET maintenance_work_mem = '256MB'`);
  await c.query(`SET work_mem = '64MB'`);
  const hash = await argon2.hash(SEED_PASSWORD, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });

  await step('question list', () =>
    c.query(`CREATE TEMP TABLE bq AS
      SELECT (row_number() OVER (ORDER BY q.id) - 1)::int AS n, q.id AS question_id, v.id AS version_id, v.topic_id, v.type,
             v.difficulty, v.options
        FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
       WHERE q.retired_at IS NULL AND q.organization_id IS NULL`),
  );
  const nq = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM bq`)).rows[0]!.n);
  if (nq < 40) throw new Error(`the bank has only ${nq} questions`);

  await step(`${scale.learners} learners`, async () => {
    await c.query(
      `INSERT INTO users (id, email, display_name, password_hash, role, created_at, password_changed_at)
       SELECT uuidv7(), 'learner' || g || '@bench.goprep.test', 'Learner ' || g, $2, 'learner', t, t
         FROM generate_series(1, $1::int) g, LATERAL (SELECT now() - random() * interval '400 days' AS t) x`,
      [scale.learners, hash],
    );
    // Activity weight: log-normal (Box-Muller), so reviews per learner are heavily skewed.
    await c.query(`CREATE TEMP TABLE bl AS
      SELECT id, (row_number() OVER (ORDER BY id))::int AS n,
             exp(0.9 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) AS w,
             (random() * 1000)::int AS start, sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS ability
        FROM users WHERE email LIKE '%@bench.goprep.test'`);
    await c.query(`CREATE UNIQUE INDEX ON bl (n)`);
  });

  await step('cards plan', async () => {
    await c.query(
      `CREATE TEMP TABLE bc AS
       WITH r AS (SELECT l.*, round($1::bigint * l.w / sum(l.w) OVER ())::int AS reviews FROM bl l),
            k AS (SELECT r.*, LEAST($2::int, GREATEST(8, ceil(r.reviews / 6.0)::int)) AS cards FROM r)
       SELECT uuidv7() AS id, k.id AS user_id, k.n AS ln, bq.question_id, bq.version_id,
              (k.reviews / k.cards + CASE WHEN g < k.reviews % k.cards THEN 1 ELSE 0 END)::int AS r,
              now() - (30 + random() * 335) * interval '1 day' AS added_at,
              now() + (random() * 40 - 4) * interval '1 day' AS due,
              random() AS u
         FROM k, generate_series(0, k.cards - 1) g, bq
        WHERE bq.n = (k.start + g * 7) % $2
        ORDER BY k.n, g`,
      [scale.reviews, nq],
    );
  });

  const maxLn = scale.learners;
  let cards = 0;
  await step('cards', async () => {
    for (let from = 1; from <= maxLn; from += CHUNK_LEARNERS) {
      const res = await c.query(
        `INSERT INTO srs_cards (id, user_id, question_id, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses,
                                last_review, suspended, leech, added_at, source)
         SELECT id, user_id, question_id,
                CASE WHEN r = 0 THEN 'new' WHEN u < 0.05 THEN 'learning' WHEN u < 0.08 THEN 'relearning' ELSE 'review' END,
                CASE WHEN r = 0 THEN added_at ELSE due END,
                CASE WHEN r = 0 THEN 0 ELSE 1 + r * r * (0.5 + u) END,
                CASE WHEN r = 0 THEN 0 ELSE 1 + 9 * u END,
                CASE WHEN r = 0 THEN 0 ELSE GREATEST(1, (r * r * (0.5 + u))::int) END,
                0, r, (r * u * 0.2)::int,
                CASE WHEN r = 0 THEN NULL ELSE due - GREATEST(1, (r * r * (0.5 + u))::int) * interval '1 day' END,
                u > 0.995, false, added_at, CASE WHEN u < 0.7 THEN 'topic' WHEN u < 0.9 THEN 'attempt' ELSE 'question' END
           FROM bc WHERE ln >= $1 AND ln < $2`,
        [from, from + CHUNK_LEARNERS],
      );
      cards += res.rowCount ?? 0;
    }
  });

  let reviews = 0;
  await step('reviews', async () => {
    for (let from = 1; from <= maxLn; from += CHUNK_LEARNERS) {
      const res = await c.query(
        `INSERT INTO srs_reviews (id, card_id, user_id, question_id, question_version_id, reviewed_at, local_day, rating, suggested_rating,
            rating_source, response, status, score, correct, guessed, duration_ms, expected_seconds, elapsed_days, predicted_recall,
            desired_retention, timezone, day_start_hour, leech_triggered, state_before, state_after)
         SELECT uuidv7(), bc.id, bc.user_id, bc.question_id, bc.version_id, t.at, (t.at - interval '4 hours')::date, rt.rating,
                CASE WHEN rt.rating = 'easy' THEN 'good' ELSE rt.rating END,
                CASE WHEN rt.rating = 'easy' THEN 'overridden' ELSE 'auto' END,
                NULL, CASE WHEN rt.rating = 'again' THEN 'incorrect' ELSE 'correct' END,
                CASE WHEN rt.rating = 'again' THEN 0 ELSE 1 END, rt.rating <> 'again', false,
                (4000 + random() * 50000)::int, 60, CASE WHEN j = 1 THEN 0 ELSE (j * j) END,
                CASE WHEN j = 1 THEN NULL ELSE 0.75 + random() * 0.24 END, 0.9, 'UTC', 4, false,
                jsonb_build_object('id', bc.id, 'state', CASE WHEN j = 1 THEN 'new' ELSE 'review' END, 'due', t.at, 'stability', (j - 1) * (j - 1),
                                   'difficulty', 5, 'scheduledDays', (j - 1) * (j - 1), 'learningSteps', 0, 'reps', j - 1, 'lapses', 0,
                                   'lastReview', CASE WHEN j = 1 THEN NULL ELSE t.at END, 'suspended', false, 'leech', false),
                jsonb_build_object('id', bc.id, 'state', 'review', 'due', t.at + j * j * interval '1 day', 'stability', j * j,
                                   'difficulty', 5, 'scheduledDays', j * j, 'learningSteps', 0, 'reps', j, 'lapses', 0,
                                   'lastReview', t.at, 'suspended', false, 'leech', false)
           FROM bc
           CROSS JOIN LATERAL generate_series(1, bc.r) j
           CROSS JOIN LATERAL (SELECT bc.added_at + (LEAST(bc.due, now()) - bc.added_at) * (j::float8 / (bc.r + 1)) AS at) t
           CROSS JOIN LATERAL (SELECT CASE WHEN x < 0.12 THEN 'again' WHEN x < 0.27 THEN 'hard' WHEN x < 0.90 THEN 'good' ELSE 'easy' END AS rating
                                 FROM (SELECT random() + j * 0 AS x) z) rt
          WHERE bc.ln >= $1 AND bc.ln < $2 AND bc.r > 0
          ORDER BY bc.ln, bc.id, j`,
        [from, from + CHUNK_LEARNERS],
      );
      reviews += res.rowCount ?? 0;
    }
  });

  // Attempts: 10 items from consecutive (mod 7) questions, the learner chosen with a skew
  // (random()^2), answers correct with probability sigmoid(ability - difficulty).
  await step(`${scale.attempts} attempts (10 items each)`, async () => {
    for (let from = 0; from < scale.attempts; from += CHUNK_ATTEMPTS) {
      const to = Math.min(scale.attempts, from + CHUNK_ATTEMPTS);
      await c.query(
        `CREATE TEMP TABLE ba AS
         SELECT uuidv7() AS id, l.id AS user_id, l.ability, (random() * 1000)::int AS start, x.u,
                CASE WHEN x.u < 0.01 THEN now() - random() * interval '5 minutes' ELSE now() - (1 + random() * 364) * interval '1 day' END AS started_at
           FROM generate_series($1::int, $2::int - 1) a,
                LATERAL (SELECT random() + a * 0 AS u, random() + a * 0 AS pick) x,
                bl l
          WHERE l.n = 1 + floor(x.pick * x.pick * $3)::int
          ORDER BY 1`,
        [from, to, maxLn],
      );
      await c.query(
        `CREATE TEMP TABLE bi AS
         SELECT ba.id AS attempt_id, p AS position, bq.version_id, bq.type, bq.options, bq.topic_id,
                ba.u, ba.started_at,
                random() < 1 / (1 + exp(-(ba.ability - (bq.difficulty - 3) * 0.7))) AS correct
           FROM ba, generate_series(1, 10) p, bq
          WHERE bq.n = (ba.start + p * 7) % ${nq}`,
      );
      await insertAttempts(c, `ba`, `'quick'`, `jsonb_build_object('title', 'Quick quiz', 'timeLimitSeconds', 1200, 'shuffleOptions', true)`, 1200);
      await c.query(`DROP TABLE ba; DROP TABLE bi`);
    }
  });

  await step(`question set: ${scale.setAttempts} attempts x 20 items`, async () => {
    await c.query(
      `CREATE TEMP TABLE ba AS
       SELECT uuidv7() AS id, l.id AS user_id, l.ability, 0 AS start, 0.5 AS u,
              now() - (1 + random() * 60) * interval '1 day' AS started_at
         FROM generate_series(0, $1::int - 1) a, bl l
        WHERE l.n = 1 + (a * 7919) % $2
        ORDER BY 1`,
      [scale.setAttempts, maxLn],
    );
    await c.query(
      `CREATE TEMP TABLE bi AS
       SELECT ba.id AS attempt_id, p AS position, bq.version_id, bq.type, bq.options, bq.topic_id, ba.u, ba.started_at,
              random() < 1 / (1 + exp(-(ba.ability - (bq.difficulty - 3) * 0.7))) AS correct
         FROM ba, generate_series(1, 20) p, bq
        WHERE bq.n = (p * 13) % ${nq}`,
    );
    await insertAttempts(
      c,
      'ba',
      `'set'`,
      `jsonb_build_object('title', 'Bench question set', 'timeLimitSeconds', 2400, 'shuffleOptions', false, 'setId', '${BENCH_SET_ID}')`,
      2400,
    );
    await c.query(`DROP TABLE ba; DROP TABLE bi`);
  });

  await step('VACUUM ANALYZE', () => c.query(`VACUUM ANALYZE`));
  const [counts] = (
    await c.query<{ users: string; cards: string; reviews: string; attempts: string; items: string; size: string }>(
      `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM srs_cards) AS cards, (SELECT count(*) FROM srs_reviews) AS reviews,
              (SELECT count(*) FROM attempts) AS attempts, (SELECT count(*) FROM attempt_items) AS items,
              pg_size_pretty(pg_database_size(current_database())) AS size`,
    )
  ).rows;
  console.log(`  rows: ${JSON.stringify(counts)} (inserted here: ${cards} cards, ${reviews} reviews)`);
}

/** Attempts from temp table `ba`, items and answers from `bi` (same columns in both runs). */
async function insertAttempts(c: Client, ba: string, mode: string, config: string, limitSeconds: number): Promise<void> {
  await c.query(
    `INSERT INTO attempts (id, user_id, mode, config, seed, state, started_at, deadline_at, submitted_at, finished_at, overdue_policy,
                           review_policy, score, max_score, result, created_at)
     SELECT ${ba}.id, ${ba}.user_id, ${mode}, ${config}, (random() * 4294967295)::bigint, st.state, ${ba}.started_at,
            ${ba}.started_at + interval '${limitSeconds} seconds',
            CASE WHEN st.state = 'submitted' THEN f.at END, CASE WHEN st.state <> 'in_progress' THEN f.at END, 'auto-submit', 'full',
            CASE WHEN st.state = 'submitted' THEN s.correct END, CASE WHEN st.state = 'submitted' THEN s.items END,
            CASE WHEN st.state = 'submitted' THEN jsonb_build_object('items', s.items, 'score', s.correct, 'maxScore', s.items,
                 'percent', round(100.0 * s.correct / s.items, 1), 'correct', s.correct, 'partial', 0, 'incorrect', s.items - s.correct,
                 'unanswered', 0, 'pending', 0, 'byTopic', '[]'::jsonb, 'byDifficulty', '[]'::jsonb, 'timeTakenSeconds', ${Math.round(limitSeconds / 2)}) END,
            ${ba}.started_at
       FROM ${ba}
       CROSS JOIN LATERAL (SELECT CASE WHEN ${ba}.u < 0.01 THEN 'in_progress' WHEN ${ba}.u < 0.04 THEN 'abandoned' ELSE 'submitted' END AS state) st
       CROSS JOIN LATERAL (SELECT ${ba}.started_at + (0.2 + random() * 0.8) * interval '${limitSeconds} seconds' AS at) f
       JOIN (SELECT attempt_id, count(*)::int AS items, count(*) FILTER (WHERE correct)::int AS correct FROM bi GROUP BY attempt_id) s
         ON s.attempt_id = ${ba}.id
      ORDER BY ${ba}.id`,
  );
  await c.query(
    `INSERT INTO attempt_items (attempt_id, position, question_version_id, option_order, points)
     SELECT attempt_id, position, version_id,
            CASE WHEN options IS NULL THEN NULL ELSE ARRAY(SELECT o->>'id' FROM jsonb_array_elements(options) o) END, 1
       FROM bi ORDER BY attempt_id, position`,
  );
  // The first option stands in for a right answer and the second for a wrong one; non-choice types get a typed response.
  await c.query(
    `INSERT INTO answers (attempt_id, position, response, flagged, time_spent_ms, saved_at, revision, score, status)
     SELECT bi.attempt_id, bi.position,
            CASE bi.type
              WHEN 'single' THEN jsonb_build_object('type', 'single', 'choice', bi.options->(CASE WHEN bi.correct THEN 0 ELSE 1 END)->>'id')
              WHEN 'multi' THEN jsonb_build_object('type', 'multi', 'choices', jsonb_build_array(bi.options->0->>'id'))
              WHEN 'true-false' THEN jsonb_build_object('type', 'true-false', 'value', bi.correct)
              WHEN 'numeric' THEN jsonb_build_object('type', 'numeric', 'value', 42)
              WHEN 'code-lines' THEN jsonb_build_object('type', 'code-lines', 'lines', jsonb_build_array(3))
              ELSE jsonb_build_object('type', bi.type, 'text', 'an answer')
            END,
            random() < 0.05, (5000 + random() * 90000)::int, bi.started_at + bi.position * interval '40 seconds', 1 + (random() * 2)::int,
            CASE WHEN bi.u < 0.04 THEN NULL WHEN bi.correct THEN 1 ELSE 0 END,
            CASE WHEN bi.u < 0.04 THEN NULL WHEN bi.correct THEN 'correct' ELSE 'incorrect' END
       FROM bi ORDER BY bi.attempt_id, bi.position`,
  );
}

async function main(): Promise<void> {
  const scale = numberArgs(SEED_DEFAULTS);
  console.log(`bench:seed ${JSON.stringify(scale)} into ${BENCH_DATA_DIR}`);
  const started = performance.now();
  rmSync(BENCH_DATA_DIR, { recursive: true, force: true });
  const { app, dbUrl } = await startBenchApp({ ATTEMPT_SWEEP_INTERVAL_MS: '0' });
  console.log(`  cluster created, migrated, bank loaded        ${((performance.now() - started) / 1000).toFixed(1)} s`);
  try {
    await withClient(dbUrl, async (c) => {
      await fill(c, scale);
      // The bench cluster (only it) preloads pg_stat_statements: `npm run bench` reports statement time per request.
      await c.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
      const size = (await c.query<{ bytes: string }>(`SELECT pg_database_size(current_database()) AS bytes`)).rows[0]!.bytes;
      const seconds = (performance.now() - started) / 1000;
      writeFileSync(SEED_MARKER, JSON.stringify({ scale, seconds, bytes: Number(size), at: new Date().toISOString() }, null, 2));
      console.log(`seeded in ${seconds.toFixed(1)} s; database ${(Number(size) / 2 ** 20).toFixed(0)} MB`);
    });
  } finally {
    await app.stop();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
