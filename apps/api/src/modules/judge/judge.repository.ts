import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AnswerKey } from '@goprep/domain';
import { retotalAttempt } from '../attempts/attempts.repository';
import type { JudgeRunMode, JudgeRunState, JudgeVerdict } from './dto/judge.dto';

/** The task facts the API needs to accept a submission (never the hidden tests or the solution). */
export interface TaskTarget {
  questionId: string;
  versionId: string;
  version: number;
  files: string[];
}

export interface JudgeRunRow {
  id: string;
  user_id: string | null;
  question_id: string;
  version: number;
  mode: JudgeRunMode;
  state: JudgeRunState;
  verdict: JudgeVerdict | null;
  score: number | null;
  tests: Array<{ name: string; passed: boolean; output?: string }> | null;
  race_report: string | null;
  leak_report: string | null;
  compile_output: string | null;
  message: string | null;
  code_hash: string;
  files: Record<string, string>;
  queued_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  duration_ms: number | null;
  program: { stdout: string; stderr: string; exitCode: number } | null;
}

/** A final item's program or task, as the playground needs it. */
export interface PlaygroundTarget {
  questionId: string;
  versionId: string;
  version: number;
  type: string;
  /** The task's editable files (code tasks), else null. */
  taskFiles: string[] | null;
  hasCode: boolean;
  /** Attempt items: the attempt's state and review policy. Drill cards: whether the learner answered the card. */
  attemptState: string | null;
  reviewPolicy: string | null;
  answered: boolean;
}

/** A final run as a review shows it (no files: the item's saved response is the judged code). */
export interface FinalRunRow {
  position: number;
  state: JudgeRunState;
  verdict: JudgeVerdict | null;
  score: number | null;
  tests: Array<{ name: string; passed: boolean; output?: string }> | null;
  race_report: string | null;
  leak_report: string | null;
  compile_output: string | null;
  message: string | null;
}

export interface RunnerRow {
  runner_id: string;
  hostname: string;
  state: 'warming' | 'ready';
  warm_done: number;
  warm_total: number;
  jobs_done: number;
  message: string;
  started_at: Date;
  heartbeat_at: Date;
}

export interface NewRun {
  /** Null for a candidate's attempt (no account). */
  userId: string | null;
  attempt: { attemptId: string; position: number } | null;
  target: TaskTarget;
  mode: JudgeRunMode;
  codeHash: string;
  files: Record<string, string>;
}

/** A final (hidden-mode) run that is judged and not yet applied to its attempt item. */
export interface JudgedRun {
  id: string;
  attempt_id: string;
  position: number;
  verdict: string;
  score: number;
}

/** The graphile-worker task name the runner registers. */
export const JUDGE_TASK = 'judge';
/** Attempts graphile-worker makes (a killed runner's attempt counts) before the job fails for good. */
export const JUDGE_MAX_ATTEMPTS = 5;

const TARGET_COLUMNS = `v.question_id AS "questionId", v.id AS "versionId", v.version, s.spec->'files' AS files`;

const RUN_COLUMNS = `r.id, r.user_id, r.question_id, r.version, r.mode, r.state, r.verdict, r.score, r.tests, r.race_report, r.leak_report,
  r.compile_output, r.message, r.code_hash, r.files, r.queued_at, r.started_at, r.finished_at, r.duration_ms, r.program`;

const PLAYGROUND_COLUMNS = `v.question_id AS "questionId", v.id AS "versionId", v.version, v.type, s.spec->'files' AS "taskFiles",
  (v.code IS NOT NULL) AS "hasCode"`;

/** All SQL of the judge module. */
@Injectable()
export class JudgeRepository {
  constructor(private readonly db: DataSource) {}

  /** The current version of a live bank code task that has a judge spec. */
  async currentBankTask(questionId: string): Promise<TaskTarget | undefined> {
    const rows: TaskTarget[] = await this.db.query(
      `SELECT ${TARGET_COLUMNS}
         FROM questions q
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         JOIN judge_task_specs s ON s.question_version_id = v.id
        WHERE q.id = $1 AND q.organization_id IS NULL AND q.retired_at IS NULL`,
      [questionId],
    );
    return rows[0];
  }

  /** The task pinned by an item of one of the user's own attempts. */
  async attemptItemTask(userId: string, attemptId: string, position: number, questionId: string): Promise<TaskTarget | undefined> {
    const rows: TaskTarget[] = await this.db.query(
      `SELECT ${TARGET_COLUMNS}
         FROM attempts a
         JOIN attempt_items i ON i.attempt_id = a.id
         JOIN question_versions v ON v.id = i.question_version_id
         JOIN judge_task_specs s ON s.question_version_id = v.id
        WHERE a.id = $1 AND i.position = $2 AND a.user_id = $3 AND v.question_id = $4`,
      [attemptId, position, userId, questionId],
    );
    return rows[0];
  }

  /** The task pinned by an item of a candidate's open attempt (the invite owns the attempt). */
  async candidateItemTask(inviteId: string, attemptId: string, position: number, questionId: string): Promise<TaskTarget | undefined> {
    const rows: TaskTarget[] = await this.db.query(
      `SELECT ${TARGET_COLUMNS}
         FROM attempts a
         JOIN attempt_items i ON i.attempt_id = a.id
         JOIN question_versions v ON v.id = i.question_version_id
         JOIN judge_task_specs s ON s.question_version_id = v.id
        WHERE a.id = $1 AND i.position = $2 AND a.invite_id = $3 AND a.user_id IS NULL AND a.state = 'in_progress' AND v.question_id = $4`,
      [attemptId, position, inviteId, questionId],
    );
    return rows[0];
  }

  /** A visible run made on an attempt the invite owns (a candidate sees those only). */
  async candidateRun(id: string, inviteId: string): Promise<JudgeRunRow | undefined> {
    const rows: JudgeRunRow[] = await this.db.query(
      `SELECT ${RUN_COLUMNS}
         FROM judge_runs r JOIN attempts a ON a.id = r.attempt_id
        WHERE r.id = $1 AND a.invite_id = $2 AND r.user_id IS NULL AND r.mode = 'visible'`,
      [id, inviteId],
    );
    return rows[0];
  }

  /** An item of the user's own attempt, with what decides whether it is final. */
  async playgroundAttemptItem(userId: string, attemptId: string, position: number): Promise<PlaygroundTarget | undefined> {
    const rows: PlaygroundTarget[] = await this.db.query(
      `SELECT ${PLAYGROUND_COLUMNS}, a.state AS "attemptState", a.review_policy AS "reviewPolicy", true AS answered
         FROM attempts a
         JOIN attempt_items i ON i.attempt_id = a.id
         JOIN question_versions v ON v.id = i.question_version_id
         LEFT JOIN judge_task_specs s ON s.question_version_id = v.id
        WHERE a.id = $1 AND i.position = $2 AND a.user_id = $3`,
      [attemptId, position, userId],
    );
    return rows[0];
  }

  /** The current version of one of the user's drill cards, and whether the card has a (not undone) review. */
  async playgroundDrillCard(userId: string, questionId: string): Promise<PlaygroundTarget | undefined> {
    const rows: PlaygroundTarget[] = await this.db.query(
      `SELECT ${PLAYGROUND_COLUMNS}, NULL AS "attemptState", NULL AS "reviewPolicy",
              EXISTS (SELECT 1 FROM srs_reviews r WHERE r.card_id = c.id AND r.undone_at IS NULL) AS answered
         FROM srs_cards c
         JOIN questions q ON q.id = c.question_id
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         LEFT JOIN judge_task_specs s ON s.question_version_id = v.id
        WHERE c.user_id = $1 AND c.question_id = $2`,
      [userId, questionId],
    );
    return rows[0];
  }

  /** The current version of a code task on one of the user's drill cards (not suspended). */
  async drillCardTask(userId: string, questionId: string): Promise<TaskTarget | undefined> {
    const rows: TaskTarget[] = await this.db.query(
      `SELECT ${TARGET_COLUMNS}
         FROM srs_cards c
         JOIN questions q ON q.id = c.question_id
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         JOIN judge_task_specs s ON s.question_version_id = v.id
        WHERE c.user_id = $1 AND c.question_id = $2 AND NOT c.suspended AND q.retired_at IS NULL`,
      [userId, questionId],
    );
    return rows[0];
  }

  /** A drill card's judged run: the user's own hidden run outside any attempt, for that version. */
  async drillRun(userId: string, runId: string, versionId: string): Promise<{ state: string; verdict: string | null; score: number | null; files: Record<string, string> } | undefined> {
    const rows: Array<{ state: string; verdict: string | null; score: number | null; files: Record<string, string> }> = await this.db.query(
      `SELECT state, verdict, score, files FROM judge_runs
        WHERE id = $1 AND user_id = $2 AND question_version_id = $3 AND mode = 'hidden' AND attempt_id IS NULL`,
      [runId, userId, versionId],
    );
    return rows[0];
  }

  async taskByVersion(tx: EntityManager, versionId: string): Promise<TaskTarget | undefined> {
    const rows: TaskTarget[] = await tx.query(
      `SELECT ${TARGET_COLUMNS} FROM question_versions v JOIN judge_task_specs s ON s.question_version_id = v.id WHERE v.id = $1`,
      [versionId],
    );
    return rows[0];
  }

  /**
   * Inserts the run and its queue job in one statement (both exist or neither does), inside the
   * caller's transaction when given one, and returns the run as `run()` reads it. The job key is the
   * run id, so a repeated enqueue of the same run never makes a second job. Interactive runs go first;
   * final judging of submitted attempts can wait a moment.
   */
  async insertRun(run: NewRun, tx?: EntityManager): Promise<JudgeRunRow> {
    const [row] = (await (tx ?? this.db).query(
      `WITH r AS (
         INSERT INTO judge_runs (user_id, attempt_id, position, question_id, question_version_id, version, mode, code_hash, files)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *)
       SELECT ${RUN_COLUMNS}
         FROM r CROSS JOIN LATERAL graphile_worker.add_job($10, json_build_object('runId', r.id::text), max_attempts => $11, job_key => r.id::text, priority => $12) AS job`,
      [
        run.userId,
        run.attempt?.attemptId ?? null,
        run.attempt?.position ?? null,
        run.target.questionId,
        run.target.versionId,
        run.target.version,
        run.mode,
        run.codeHash,
        JSON.stringify(run.files),
        JUDGE_TASK,
        JUDGE_MAX_ATTEMPTS,
        run.mode === 'hidden' ? 5 : 0,
      ],
    )) as JudgeRunRow[];
    if (!row) throw new Error('judge run insert returned no row');
    return row;
  }

  /**
   * Stores the judge spec of the current version of each code task that has none yet (new
   * versions, and versions loaded before the judge existed). Versions are immutable, so an
   * existing spec is never rewritten.
   */
  async storeTaskSpecs(tx: EntityManager, specs: Array<{ questionId: string; spec: object; starter: object; solution: object }>): Promise<number> {
    if (specs.length === 0) return 0;
    const rows: Array<{ n: number }> = await tx.query(
      `WITH s AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS s(question_id text, spec jsonb, starter jsonb, solution jsonb)),
       ins AS (
         INSERT INTO judge_task_specs (question_version_id, spec, starter, solution)
         SELECT v.id, s.spec, s.starter, s.solution
           FROM s JOIN questions q ON q.id = s.question_id
           JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         ON CONFLICT (question_version_id) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [JSON.stringify(specs.map((s) => ({ question_id: s.questionId, spec: s.spec, starter: s.starter, solution: s.solution })))],
    );
    return rows[0]?.n ?? 0;
  }

  async run(id: string): Promise<JudgeRunRow | undefined> {
    const rows: JudgeRunRow[] = await this.db.query(
      `SELECT ${RUN_COLUMNS} FROM judge_runs r WHERE r.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** The newest final (hidden-mode) run of each judged item of an attempt: what a review shows of it. */
  async finalRuns(attemptId: string): Promise<FinalRunRow[]> {
    return this.db.query(
      `SELECT DISTINCT ON (position) position, state, verdict, score, tests, race_report, leak_report, compile_output, message
         FROM judge_runs WHERE attempt_id = $1 AND mode = 'hidden'
        ORDER BY position, queued_at DESC, id DESC`,
      [attemptId],
    );
  }

  /**
   * Key material of the code tasks an attempt pinned: the hidden tests, and the reference solution
   * only when `withSolution`. Called only once the caller checked that the review may show it.
   */
  async taskKeys(attemptId: string, withSolution: boolean): Promise<Array<{ position: number; hidden_tests: Record<string, string>; solution: Record<string, string> | null }>> {
    return this.db.query(
      `SELECT i.position, s.spec->'hiddenTests' AS hidden_tests, CASE WHEN $2 THEN s.solution END AS solution
         FROM attempt_items i JOIN judge_task_specs s ON s.question_version_id = i.question_version_id
        WHERE i.attempt_id = $1`,
      [attemptId, withSolution],
    );
  }

  /** Runners whose heartbeat is younger than `aliveSeconds`. */
  async liveRunners(aliveSeconds: number): Promise<RunnerRow[]> {
    return this.db.query(
      `SELECT runner_id, hostname, state, warm_done, warm_total, jobs_done, message, started_at, heartbeat_at
         FROM judge_runner_status
        WHERE state IN ('warming', 'ready') AND heartbeat_at > now() - make_interval(secs => $1)
        ORDER BY started_at`,
      [aliveSeconds],
    );
  }

  /** Judge jobs not taken by a runner yet (0 when the queue schema is not there yet). */
  async queueDepth(): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = $1 AND locked_at IS NULL AND attempts < max_attempts`,
      [JUDGE_TASK],
    );
    return rows[0]?.n ?? 0;
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  get isReady(): boolean {
    return this.db.isInitialized;
  }

  // --- applying final verdicts to attempt grades (JudgeGradingService)

  /** Judged hidden runs not yet applied, oldest first, claimed FOR UPDATE SKIP LOCKED. */
  judgedUnapplied(tx: EntityManager, limit: number): Promise<JudgedRun[]> {
    return tx.query(
      `SELECT id, attempt_id, position, verdict, score FROM judge_runs
        WHERE mode = 'hidden' AND state = 'done' AND applied_at IS NULL
        ORDER BY finished_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markApplied(tx: EntityManager, runIds: readonly string[]): Promise<void> {
    await tx.query('UPDATE judge_runs SET applied_at = now() WHERE id = ANY($1::uuid[])', [runIds]);
  }

  /** The attempt a verdict belongs to, its row held FOR UPDATE (the same lock submit and manual grading take). */
  async lockedAttempt(tx: EntityManager, attemptId: string): Promise<{ state: string; started_at: Date; finished_at: Date | null } | undefined> {
    const [attempt] = (await tx.query(`SELECT state, started_at, finished_at FROM attempts WHERE id = $1 FOR UPDATE`, [attemptId])) as Array<{
      state: string;
      started_at: Date;
      finished_at: Date | null;
    }>;
    return attempt;
  }

  /** The newest final run of an attempt item: a re-judged item supersedes the earlier verdict. */
  async newestHiddenRunId(tx: EntityManager, attemptId: string, position: number): Promise<string | undefined> {
    const [newest] = (await tx.query(
      `SELECT id FROM judge_runs WHERE attempt_id = $1 AND position = $2 AND mode = 'hidden' ORDER BY queued_at DESC, id DESC LIMIT 1`,
      [attemptId, position],
    )) as Array<{ id: string }>;
    return newest?.id;
  }

  async itemKey(tx: EntityManager, attemptId: string, position: number): Promise<{ points: string; answer_key: AnswerKey } | undefined> {
    const [item] = (await tx.query(
      `SELECT i.points, v.answer_key FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id
        WHERE i.attempt_id = $1 AND i.position = $2`,
      [attemptId, position],
    )) as Array<{ points: string; answer_key: AnswerKey }>;
    return item;
  }

  async gradeItem(tx: EntityManager, attemptId: string, position: number, score: number | null, status: string): Promise<void> {
    await tx.query(`UPDATE answers SET score = $3, status = $4 WHERE attempt_id = $1 AND position = $2`, [attemptId, position, score, status]);
  }

  /** The attempt's totals after an item's grade changed (the attempts module's rule, on this transaction). */
  retotalAttempt(tx: EntityManager, attempt: { id: string; started_at: Date; finished_at: Date }): Promise<boolean> {
    return retotalAttempt(tx, attempt);
  }
}

/**
 * Subscribes a dedicated connection (not one of the pool's) to a notification channel: the judge's
 * event stream keeps one such client open. `channel` is a constant identifier, never user input.
 */
export async function listenOn(client: { query(sql: string): Promise<unknown> }, channel: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  await client.query(`LISTEN ${channel}`);
}
