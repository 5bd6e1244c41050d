import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  computeDeadline,
  drawFromPools,
  optionOrder,
  reviewAccess,
  saveDecision,
  submitDecision,
  validateResponse,
  type AttemptResult,
  type OverduePolicy,
  type QuestionPool,
  type ReviewPolicy,
} from '@goprep/domain';
import { DEFAULT_POOL_TYPES, loadTemplates, type RoleTemplate } from '@goprep/question-bank';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AppConfigService } from '../../config/app-config.service';
import type { ContentLocale } from '../../common/i18n/content-locale';
import { loadDrawableQuestions, type DrawableQuestion } from '../questions/pool-candidates';
import { TRANSLATION_COLUMNS, TRANSLATION_REVIEW_COLUMNS, translationJoin } from '../questions/translated-text';
import { AttemptFinalizer } from './attempt-finalizer.service';
import { ATTEMPT_COLUMNS, clockOf, ITEMS_WITH_ANSWERS, ownerCondition, type AttemptConfig, type AttemptOwner, type AttemptRow } from './attempt-rows';
import { mapDeliveryItem, mapReviewItem, mapSummary, type DeliveryItemRow, type ReviewItemRow } from './attempt.mappers';
import { Clock } from './clock';
import {
  AnswerSavedDto,
  AttemptDeliveryDto,
  AttemptHistoryDto,
  AttemptReviewDto,
  AttemptSummaryDto,
  SaveAnswerDto,
  StartAttemptDto,
  TopicTrendDto,
} from './dto/attempt.dto';

/** A bank question that can be drawn: its current, non-retired, public version. */
interface Candidate extends DrawableQuestion {
  realTopic: string;
}

const DEFAULT_GRACE_PERIOD_MINUTES = 10;
const HISTORY_LIMIT = 100;
/** The topic every candidate gets for a quick quiz: one pool over the union of the chosen topics. */
const QUICK_POOL_TOPIC = '*';

/** An attempt to create: everything decided (drawn, pinned, timed) before the insert. */
export interface PlannedAttempt {
  owner: AttemptOwner;
  mode: 'quick' | 'mock' | 'set';
  config: AttemptConfig;
  seed: number;
  startedAt: Date;
  deadlineAt: Date;
  overduePolicy: OverduePolicy;
  submitGraceSeconds: number;
  reviewPolicy: ReviewPolicy;
  setVersionId?: string;
  /** The language it is delivered in (default English); grading accepts this language's short answers too. */
  contentLocale?: ContentLocale;
  /** In presentation order; positions are 1.. in this order. */
  items: ReadonlyArray<{ versionId: string; optionIds: readonly string[] | null; points: number }>;
}

/** Per item of a submitted attempt: how it went, without the key (the `correctness` review). */
export interface ItemOutcome {
  position: number;
  questionId: string;
  title: string;
  topic: string;
  type: string;
  points: number;
  score: number | null;
  status: string;
}

export const ITEM_COLUMNS = `i.position, i.option_order, i.points, v.question_id, v.version, v.title, v.topic_id, v.type, v.difficulty,
  v.prompt, v.code, v.options, v.unit, v.expected_seconds,
  an.response, an.flagged, an.time_spent_ms, an.revision, an.saved_at`;

/** A code task's starter files and visible tests: picked field by field, so hidden tests and the solution stay server-side. */
const DELIVERED_TASK_COLUMN = `(SELECT jsonb_build_object('files', s.spec->'files', 'starter', s.starter, 'visibleTests', s.spec->'visibleTests')
    FROM judge_task_specs s WHERE s.question_version_id = i.question_version_id) AS task`;

@Injectable()
export class AttemptsService {
  private templates?: RoleTemplate[];

  constructor(
    private readonly db: DataSource,
    private readonly finalizer: AttemptFinalizer,
    private readonly config: AppConfigService,
    private readonly clock: Clock,
  ) {}

  private get graceMs(): number {
    return this.config.get('ATTEMPT_GRACE_MS');
  }

  /** Draws the questions, pins their versions, fixes option order and deadline: one transaction. */
  async start(userId: string, body: StartAttemptDto, contentLocale: ContentLocale = 'en'): Promise<AttemptDeliveryDto> {
    const now = this.clock.now();
    const seed = randomInt(0, 2 ** 32);
    const candidates = await this.candidates();
    const plan = body.mode === 'mock' ? this.mockPlan(body, candidates) : this.quickPlan(body, candidates);
    const draw = drawFromPools(plan.pools, plan.candidates, seed);
    if (draw.shortfalls.length > 0) {
      const short = draw.shortfalls.map((s) => `${s.topic === QUICK_POOL_TOPIC ? 'the chosen topics' : s.topic}: ${s.drawn} of ${s.wanted}`);
      throw new AppError(ErrorCode.NOT_ENOUGH_QUESTIONS, `The bank has too few matching questions (${short.join('; ')}).`);
    }
    const overduePolicy: OverduePolicy = body.overduePolicy ?? 'auto-submit';
    const submitGraceSeconds = overduePolicy === 'grace-period' ? (body.overdueGraceMinutes ?? DEFAULT_GRACE_PERIOD_MINUTES) * 60 : 0;
    const deadlineAt = computeDeadline(now, plan.config.timeLimitSeconds);
    const owner: AttemptOwner = { kind: 'learner', userId };
    const id = await this.db.transaction((tx) =>
      this.insertPlanned(tx, {
        owner,
        mode: body.mode,
        config: plan.config,
        seed,
        startedAt: now,
        deadlineAt,
        overduePolicy,
        submitGraceSeconds,
        reviewPolicy: 'full',
        contentLocale,
        items: draw.items.map((c) => ({ versionId: c.versionId, optionIds: c.optionIds, points: 1 })),
      }),
    );
    return this.deliver(owner, id, contentLocale);
  }

  /**
   * Inserts a planned attempt and its pinned items (option order fixed by the seed), in the
   * caller's transaction; returns its id. Quizzes and candidate attempts are created the same way.
   */
  async insertPlanned(tx: EntityManager, plan: PlannedAttempt): Promise<string> {
    const [created] = (await tx.query(
      `INSERT INTO attempts (user_id, invite_id, set_version_id, mode, config, seed, state, started_at, deadline_at, overdue_policy, submit_grace_seconds, review_policy,
                             content_locale)
       VALUES ($1, $2, $3, $4, $5, $6, 'in_progress', $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        plan.owner.kind === 'learner' ? plan.owner.userId : null,
        plan.owner.kind === 'candidate' ? plan.owner.inviteId : null,
        plan.setVersionId ?? null,
        plan.mode,
        JSON.stringify(plan.config),
        plan.seed,
        plan.startedAt,
        plan.deadlineAt,
        plan.overduePolicy,
        plan.submitGraceSeconds,
        plan.reviewPolicy,
        plan.contentLocale ?? 'en',
      ],
    )) as Array<{ id: string }>;
    if (!created) throw new Error('INSERT ... RETURNING gave no row');
    const attemptId = created.id;
    const items = plan.items.map((c, index) => {
      const position = index + 1;
      return {
        position,
        versionId: c.versionId,
        order: c.optionIds ? optionOrder(c.optionIds, plan.seed, position, plan.config.shuffleOptions) : null,
        points: c.points,
      };
    });
    // JSON rather than text[] parameters: option ids are author-chosen strings.
    await tx.query(
      `INSERT INTO attempt_items (attempt_id, position, question_version_id, option_order, points)
       SELECT $1, (e->>'position')::int, (e->>'versionId')::uuid,
              CASE WHEN jsonb_typeof(e->'order') = 'array' THEN ARRAY(SELECT x FROM jsonb_array_elements_text(e->'order') WITH ORDINALITY AS o(x, n) ORDER BY n) END,
              (e->>'points')::numeric
         FROM jsonb_array_elements($2::jsonb) AS e`,
      [attemptId, JSON.stringify(items)],
    );
    return attemptId;
  }

  private quickPlan(body: StartAttemptDto, all: Candidate[]): { pools: QuestionPool[]; candidates: Candidate[]; config: AttemptConfig } {
    const topics = body.topics ?? [];
    const difficulty = body.difficulty ?? { min: 1, max: 5 };
    if (difficulty.min > difficulty.max) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields.', [
        { field: 'difficulty', message: 'difficulty.min must not be greater than difficulty.max' },
      ]);
    }
    const count = body.count ?? 10;
    const chosen = new Set<string>(topics);
    return {
      pools: [{ topic: QUICK_POOL_TOPIC, count, difficulty: [difficulty.min, difficulty.max], types: DEFAULT_POOL_TYPES }],
      candidates: all.filter((c) => chosen.has(c.realTopic)).map((c) => ({ ...c, topic: QUICK_POOL_TOPIC })),
      config: {
        title: `Quick quiz: ${topics.join(', ')}`,
        timeLimitSeconds: (body.timeLimitMinutes ?? 20) * 60,
        shuffleOptions: body.shuffleOptions ?? true,
        quick: { topics, difficulty, count },
      },
    };
  }

  private mockPlan(body: StartAttemptDto, all: Candidate[]): { pools: QuestionPool[]; candidates: Candidate[]; config: AttemptConfig } {
    this.templates ??= loadTemplates().templates;
    const template = this.templates.find((t) => t.id === body.template);
    if (!template || !body.level) {
      throw new AppError(ErrorCode.TEMPLATE_NOT_FOUND, `No role template "${String(body.template).slice(0, 60)}".`);
    }
    const level = template.levels[body.level];
    return {
      pools: level.pools,
      candidates: all,
      config: {
        title: `Mock interview: ${template.title} (${body.level})`,
        timeLimitSeconds: level.timeLimitMinutes * 60,
        shuffleOptions: body.shuffleOptions ?? true,
        mock: { template: template.id, level: body.level },
      },
    };
  }

  private async candidates(): Promise<Candidate[]> {
    const drawable = await loadDrawableQuestions(this.db);
    return drawable.map((q) => ({ ...q, realTopic: q.topic }));
  }

  /** The attempt of this owner, or 404 for anyone else: others cannot learn that it exists. */
  private async attempt(q: EntityManager | DataSource, owner: AttemptOwner, id: string, lock = ''): Promise<AttemptRow> {
    const cond = ownerCondition(owner, 2);
    const [row] = (await q.query(`SELECT ${ATTEMPT_COLUMNS} FROM attempts a WHERE a.id = $1 AND ${cond.sql} ${lock}`, [id, cond.value])) as AttemptRow[];
    if (!row) throw new AppError(ErrorCode.ATTEMPT_NOT_FOUND, 'No attempt with that id.');
    return row;
  }

  /**
   * `contentLocale`: the language a learner reads now (their setting); without it (candidates) the
   * attempt's own language. Per question, English when the translation is missing or stale.
   */
  async deliver(owner: AttemptOwner, id: string, contentLocale?: ContentLocale): Promise<AttemptDeliveryDto> {
    const row = await this.attempt(this.db, owner, id);
    const locale = contentLocale ?? row.content_locale;
    const items: DeliveryItemRow[] = await this.db.query(
      `SELECT ${ITEM_COLUMNS}, ${TRANSLATION_COLUMNS}, ${DELIVERED_TASK_COLUMN}
         FROM ${ITEMS_WITH_ANSWERS}
         ${translationJoin('$2')}
        WHERE i.attempt_id = $1 ORDER BY i.position`,
      [id, locale],
    );
    return {
      ...mapSummary(row),
      now: this.clock.now().toISOString(),
      timeLimitSeconds: row.config.timeLimitSeconds,
      graceMs: this.graceMs,
      overduePolicy: row.overdue_policy,
      items: items.map((item) => mapDeliveryItem(item, locale)),
    };
  }

  /**
   * Saves one item's answer. The attempt row is held FOR SHARE: saves run side by side, but never
   * while a submit (FOR UPDATE) grades, so no answer slips in after the grading has read them.
   */
  async saveAnswer(owner: AttemptOwner, id: string, position: number, body: SaveAnswerDto): Promise<AnswerSavedDto> {
    return this.db.transaction(async (tx) => {
      const attempt = await this.attempt(tx, owner, id, 'FOR SHARE OF a');
      const now = this.clock.now();
      const decision = saveDecision(now, clockOf(attempt), this.graceMs);
      if (!decision.allowed) {
        throw decision.reason === 'ATTEMPT_CLOSED'
          ? new AppError(ErrorCode.ATTEMPT_CLOSED, 'This attempt is closed; answers can no longer be changed.')
          : new AppError(ErrorCode.ATTEMPT_DEADLINE_PASSED, `The time for this attempt ran out at ${attempt.deadline_at.toISOString()}.`);
      }
      const [item] = (await tx.query(
        `SELECT v.type FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1 AND i.position = $2`,
        [id, position],
      )) as Array<{ type: string }>;
      if (!item) throw new AppError(ErrorCode.ATTEMPT_ITEM_NOT_FOUND, `This attempt has no item ${position}.`);
      let response: object | null = null;
      if (body.response !== null) {
        const validation = validateResponse(item.type, body.response);
        if (!validation.ok) throw new AppError(ErrorCode.RESPONSE_INVALID, `Not a valid ${item.type} response: ${validation.message}`);
        response = validation.response;
      }
      const [current] = (await tx.query(
        `SELECT response, flagged, time_spent_ms, revision, saved_at FROM answers WHERE attempt_id = $1 AND position = $2 FOR UPDATE`,
        [id, position],
      )) as Array<{ response: object | null; flagged: boolean; time_spent_ms: number; revision: number; saved_at: Date }>;
      if (body.ifRevision !== undefined && body.ifRevision !== (current?.revision ?? 0)) {
        throw new AppError(
          ErrorCode.ANSWER_REVISION_CONFLICT,
          `The answer was changed elsewhere (revision ${current?.revision ?? 0}, not ${body.ifRevision}); reload it first.`,
        );
      }
      const flagged = body.flagged ?? current?.flagged ?? false;
      const timeSpentMs = body.timeSpentMs ?? current?.time_spent_ms ?? 0;
      // The same save twice (a retry after a lost response) changes nothing, not even the revision.
      const [saved] = (await tx.query(
        `INSERT INTO answers AS an (attempt_id, position, response, flagged, time_spent_ms, saved_at, revision)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, 1)
         ON CONFLICT (attempt_id, position) DO UPDATE
            SET response = EXCLUDED.response, flagged = EXCLUDED.flagged, time_spent_ms = EXCLUDED.time_spent_ms,
                saved_at = EXCLUDED.saved_at, revision = an.revision + 1
          WHERE (an.response, an.flagged, an.time_spent_ms) IS DISTINCT FROM (EXCLUDED.response, EXCLUDED.flagged, EXCLUDED.time_spent_ms)
            AND ($7::int IS NULL OR an.revision = $7)
         RETURNING revision, saved_at, flagged, time_spent_ms, response IS NOT NULL AS answered`,
        [id, position, response === null ? null : JSON.stringify(response), flagged, timeSpentMs, now, body.ifRevision ?? null],
      )) as Array<{ revision: number; saved_at: Date; flagged: boolean; time_spent_ms: number; answered: boolean }>;
      if (saved) {
        return { position, revision: saved.revision, savedAt: saved.saved_at.toISOString(), flagged: saved.flagged, timeSpentMs: saved.time_spent_ms, answered: saved.answered };
      }
      if (!current) throw new AppError(ErrorCode.ANSWER_REVISION_CONFLICT, 'The answer was changed elsewhere; reload it first.');
      return {
        position,
        revision: current.revision,
        savedAt: current.saved_at.toISOString(),
        flagged: current.flagged,
        timeSpentMs: current.time_spent_ms,
        answered: current.response !== null,
      };
    });
  }

  /**
   * Grades the attempt exactly once. The row lock serialises concurrent submits (and the sweep);
   * whoever comes second finds it submitted and gets the stored result.
   */
  async submit(owner: AttemptOwner, id: string): Promise<AttemptSummaryDto> {
    const abandoned = await this.db.transaction(async (tx) => {
      const attempt = await this.attempt(tx, owner, id, 'FOR UPDATE OF a');
      const now = this.clock.now();
      const decision = submitDecision(now, clockOf(attempt), this.graceMs);
      switch (decision.action) {
        case 'already-submitted':
          return false;
        case 'refuse':
          throw new AppError(ErrorCode.ATTEMPT_CLOSED, 'This attempt was closed without a score and cannot be submitted.');
        case 'submit':
          await this.finalizer.close(tx, attempt, decision, now);
          return false;
        case 'abandon':
          await this.finalizer.close(tx, attempt, decision, now);
          return true;
      }
    });
    // Thrown after the commit: the attempt stays abandoned and the client learns why.
    if (abandoned) {
      throw new AppError(ErrorCode.ATTEMPT_DEADLINE_PASSED, 'The attempt was submitted after its deadline and is not counted.');
    }
    return mapSummary(await this.attempt(this.db, owner, id));
  }

  /**
   * Gives up an open attempt: it is closed as `abandoned`, never graded, and left out of scores,
   * trends and statistics like one the sweep abandoned. Repeating it is harmless; a submitted
   * attempt cannot be abandoned (409 ATTEMPT_CLOSED).
   */
  async abandon(owner: AttemptOwner, id: string): Promise<AttemptSummaryDto> {
    await this.db.transaction(async (tx) => {
      const attempt = await this.attempt(tx, owner, id, 'FOR UPDATE OF a');
      if (attempt.state === 'abandoned') return;
      if (attempt.state !== 'in_progress') throw new AppError(ErrorCode.ATTEMPT_CLOSED, 'This attempt is already submitted.');
      const now = this.clock.now();
      await this.finalizer.close(tx, attempt, { action: 'abandon', finishedAt: now }, now);
    });
    return mapSummary(await this.attempt(this.db, owner, id));
  }

  async review(owner: AttemptOwner, id: string, contentLocale?: ContentLocale): Promise<AttemptReviewDto> {
    const attempt = await this.attempt(this.db, owner, id);
    if (attempt.state !== 'submitted') {
      throw new AppError(ErrorCode.ATTEMPT_NOT_SUBMITTED, 'The review opens once the attempt is submitted.');
    }
    if (!reviewAccess(attempt.review_policy, attempt.state).keys) {
      throw new AppError(ErrorCode.REVIEW_NOT_ALLOWED, 'The review policy of this attempt does not show answers.');
    }
    const locale = contentLocale ?? attempt.content_locale;
    const items: ReviewItemRow[] = await this.db.query(
      `SELECT ${ITEM_COLUMNS}, v.answer_key, v.explanation, v."references", an.score, an.status, ${TRANSLATION_COLUMNS}, ${TRANSLATION_REVIEW_COLUMNS}
         FROM ${ITEMS_WITH_ANSWERS}
         ${translationJoin('$2')}
        WHERE i.attempt_id = $1 ORDER BY i.position`,
      [id, locale],
    );
    return { attempt: mapSummary(attempt), items: items.map((item) => mapReviewItem(item, locale)) };
  }

  async summary(owner: AttemptOwner, id: string): Promise<AttemptSummaryDto> {
    return mapSummary(await this.attempt(this.db, owner, id));
  }

  /** Per-item outcome without keys, when the attempt's review policy shows correctness. */
  async outcomes(owner: AttemptOwner, id: string): Promise<{ attempt: AttemptSummaryDto; items: ItemOutcome[] }> {
    const attempt = await this.attempt(this.db, owner, id);
    if (attempt.state !== 'submitted') {
      throw new AppError(ErrorCode.ATTEMPT_NOT_SUBMITTED, 'The review opens once the attempt is submitted.');
    }
    if (!reviewAccess(attempt.review_policy, attempt.state).correctness) {
      throw new AppError(ErrorCode.REVIEW_NOT_ALLOWED, 'The review policy of this attempt does not show which answers were right.');
    }
    const rows: Array<{ position: number; question_id: string; title: string; topic_id: string; type: string; points: string; score: string | null; status: string | null }> =
      await this.db.query(
        `SELECT i.position, v.question_id, v.title, v.topic_id, v.type, i.points, an.score, an.status
           FROM ${ITEMS_WITH_ANSWERS}
          WHERE i.attempt_id = $1 ORDER BY i.position`,
        [id],
      );
    return {
      attempt: mapSummary(attempt),
      items: rows.map((r) => ({
        position: r.position,
        questionId: r.question_id,
        title: r.title,
        topic: r.topic_id,
        type: r.type,
        points: Number(r.points),
        score: r.score === null ? null : Number(r.score),
        status: r.status ?? 'unanswered',
      })),
    };
  }

  /**
   * The questions of a submitted attempt of this user, for the drills deck: with `onlyMissed`, the
   * items that were not fully correct (as its review marks them).
   */
  async questionIdsOf(owner: AttemptOwner, id: string, onlyMissed: boolean): Promise<string[]> {
    const attempt = await this.attempt(this.db, owner, id);
    if (attempt.state !== 'submitted') {
      throw new AppError(ErrorCode.ATTEMPT_NOT_SUBMITTED, 'Questions can be taken from an attempt once it is submitted.');
    }
    if (onlyMissed && !reviewAccess(attempt.review_policy, attempt.state).keys) {
      throw new AppError(ErrorCode.REVIEW_NOT_ALLOWED, 'The review policy of this attempt does not show which answers were wrong.');
    }
    const rows: Array<{ question_id: string }> = await this.db.query(
      `SELECT DISTINCT v.question_id
         FROM ${ITEMS_WITH_ANSWERS}
        WHERE i.attempt_id = $1 AND (NOT $2::boolean OR an.status IS DISTINCT FROM 'correct')
        ORDER BY v.question_id`,
      [id, onlyMissed],
    );
    return rows.map((r) => r.question_id);
  }

  async history(userId: string): Promise<AttemptHistoryDto> {
    const rows: AttemptRow[] = await this.db.query(
      `SELECT ${ATTEMPT_COLUMNS} FROM attempts a WHERE a.user_id = $1 ORDER BY a.started_at DESC, a.id LIMIT ${HISTORY_LIMIT}`,
      [userId],
    );
    return { attempts: rows.map(mapSummary), topicTrend: topicTrend(rows) };
  }
}

/** Per topic, the score of each scored attempt, oldest first. */
function topicTrend(rows: readonly AttemptRow[]): TopicTrendDto[] {
  const byTopic = new Map<string, TopicTrendDto>();
  const scored = rows
    .filter((r): r is AttemptRow & { result: AttemptResult; finished_at: Date } => {
      return r.result !== null && r.finished_at !== null && reviewAccess(r.review_policy, r.state).score;
    })
    .sort((a, b) => a.finished_at.getTime() - b.finished_at.getTime());
  for (const row of scored) {
    for (const t of row.result.byTopic) {
      const trend = byTopic.get(t.topic) ?? { topic: t.topic, points: [] };
      trend.points.push({ attemptId: row.id, finishedAt: row.finished_at.toISOString(), score: t.score, maxScore: t.maxScore, percent: t.percent });
      byTopic.set(t.topic, trend);
    }
  }
  return [...byTopic.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}
