import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  computeDeadline,
  drawFromPools,
  itemSeed,
  optionOrder,
  saveDecision,
  structuredOptionOrder,
  submitDecision,
  validateResponse,
  type OverduePolicy,
  type QuestionPool,
  type ReviewPolicy,
} from '@goprep/domain';
import { DEFAULT_POOL_TYPES, loadTemplates, type RoleTemplate } from '@goprep/question-bank';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AppConfigService } from '../../config/app-config.service';
import type { ContentLocale } from '../../common/i18n/content-locale';
import type { DrawableQuestion } from '../questions/questions.repository';
import { QuestionsService } from '../questions/questions.service';
import { AttemptFinalizer } from './attempt-finalizer.service';
import { clockOf, type AttemptConfig, type AttemptOwner, type AttemptRow } from './attempt-rows';
import { mapDeliveryItem, mapSummary } from './attempt.mappers';
import { AttemptsRepository, type AttemptLock, type Db } from './attempts.repository';
import { Clock } from './clock';
import {
  AnswerSavedDto,
  AttemptDeliveryDto,
  AttemptSummaryDto,
  SaveAnswerDto,
  StartAttemptDto,
} from './dto/attempt.dto';

/** A bank question that can be drawn: its current, non-retired, public version. */
interface Candidate extends DrawableQuestion {
  realTopic: string;
}

const DEFAULT_GRACE_PERIOD_MINUTES = 10;
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

@Injectable()
export class AttemptsService {
  private templates?: RoleTemplate[];

  constructor(
    private readonly repo: AttemptsRepository,
    private readonly questions: QuestionsService,
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
    const practised = body.mode === 'quick' ? plan.candidates.find((c) => c.id === body.questionId) : undefined;
    if (practised) {
      // A practised question's attempt is named after it (the English title: attempt titles are stored once).
      const title = await this.repo.versionTitle(practised.versionId);
      if (title !== undefined) plan.config.title = `Practice: ${title}`;
    }
    const draw = drawFromPools(plan.pools, plan.candidates, seed);
    if (draw.shortfalls.length > 0) {
      const short = draw.shortfalls.map((s) => `${s.topic === QUICK_POOL_TOPIC ? 'the chosen topics' : s.topic}: ${s.drawn} of ${s.wanted}`);
      throw new AppError(ErrorCode.NOT_ENOUGH_QUESTIONS, `The bank has too few matching questions (${short.join('; ')}).`);
    }
    const overduePolicy: OverduePolicy = body.overduePolicy ?? 'auto-submit';
    const submitGraceSeconds = overduePolicy === 'grace-period' ? (body.overdueGraceMinutes ?? DEFAULT_GRACE_PERIOD_MINUTES) * 60 : 0;
    const deadlineAt = computeDeadline(now, plan.config.timeLimitSeconds);
    const owner: AttemptOwner = { kind: 'learner', userId };
    const id = await this.repo.transaction((tx) =>
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
    const structured = await this.repo.structuredOptions(tx, plan.items.map((c) => c.versionId));
    const items = plan.items.map((c, index) => {
      const position = index + 1;
      const placed = structured.get(c.versionId);
      return {
        position,
        versionId: c.versionId,
        order: placed
          ? structuredOptionOrder(placed.type, placed.options, itemSeed(plan.seed, position))
          : c.optionIds
            ? optionOrder(c.optionIds, plan.seed, position, plan.config.shuffleOptions)
            : null,
        points: c.points,
      };
    });
    return this.repo.insert(
      tx,
      {
        owner: plan.owner,
        mode: plan.mode,
        config: plan.config,
        seed: plan.seed,
        startedAt: plan.startedAt,
        deadlineAt: plan.deadlineAt,
        overduePolicy: plan.overduePolicy,
        submitGraceSeconds: plan.submitGraceSeconds,
        reviewPolicy: plan.reviewPolicy,
        setVersionId: plan.setVersionId ?? null,
        contentLocale: plan.contentLocale ?? 'en',
      },
      items,
    );
  }

  private quickPlan(body: StartAttemptDto, all: Candidate[]): { pools: QuestionPool[]; candidates: Candidate[]; config: AttemptConfig } {
    if (body.questionId !== undefined) return this.practicePlan(body, body.questionId, all);
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
      pools: [
        {
          topic: QUICK_POOL_TOPIC,
          count,
          difficulty: [difficulty.min, difficulty.max],
          types: body.includeCodeTasks === true ? [...DEFAULT_POOL_TYPES, 'code-task'] : DEFAULT_POOL_TYPES,
        },
      ],
      candidates: all.filter((c) => chosen.has(c.realTopic)).map((c) => ({ ...c, topic: QUICK_POOL_TOPIC })),
      config: {
        title: `Quick quiz: ${topics.join(', ')}`,
        timeLimitSeconds: (body.timeLimitMinutes ?? 20) * 60,
        shuffleOptions: body.shuffleOptions ?? true,
        quick: { topics, difficulty, count },
      },
    };
  }

  /** One bank question practised on its own (the bank page's "Practise this task"): untimed in practice, 180 minutes. */
  private practicePlan(body: StartAttemptDto, questionId: string, all: Candidate[]): { pools: QuestionPool[]; candidates: Candidate[]; config: AttemptConfig } {
    const question = all.find((c) => c.id === questionId && c.type !== 'flashcard');
    if (!question) throw new AppError(ErrorCode.QUESTION_NOT_FOUND, `No practisable bank question "${questionId.slice(0, 60)}".`);
    const difficulty = { min: question.difficulty, max: question.difficulty };
    return {
      pools: [{ topic: QUICK_POOL_TOPIC, count: 1, difficulty: [difficulty.min, difficulty.max], types: [question.type] }],
      candidates: [{ ...question, topic: QUICK_POOL_TOPIC }],
      config: {
        title: `Practice: ${questionId}`,
        timeLimitSeconds: (body.timeLimitMinutes ?? 180) * 60,
        shuffleOptions: body.shuffleOptions ?? true,
        quick: { topics: [question.realTopic], difficulty, count: 1 },
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
    const drawable = await this.questions.drawable();
    return drawable.map((q) => ({ ...q, realTopic: q.topic }));
  }

  /** The attempt of this owner, or 404 for anyone else: others cannot learn that it exists. */
  private async attempt(owner: AttemptOwner, id: string, q?: Db, lock: AttemptLock = 'none'): Promise<AttemptRow> {
    const row = await this.repo.attempt(owner, id, q, lock);
    if (!row) throw new AppError(ErrorCode.ATTEMPT_NOT_FOUND, 'No attempt with that id.');
    return row;
  }

  /**
   * `contentLocale`: the language a learner reads now (their setting); without it (candidates) the
   * attempt's own language. Per question, English when the translation is missing or stale.
   */
  async deliver(owner: AttemptOwner, id: string, contentLocale?: ContentLocale): Promise<AttemptDeliveryDto> {
    const row = await this.attempt(owner, id);
    const locale = contentLocale ?? row.content_locale;
    const items = await this.repo.deliveryItems(id, locale);
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
   *
   * The common case (the attempt open and in time, the response valid, the answer changed) costs two
   * statements: one read, then one statement that locks, re-checks and writes (see
   * AttemptsRepository.writeAnswerIfOpen). Whenever that statement writes nothing, or the read
   * already says no, the locked transaction below decides, so every refusal, conflict and unchanged
   * save is answered exactly as before.
   */
  async saveAnswer(owner: AttemptOwner, id: string, position: number, body: SaveAnswerDto): Promise<AnswerSavedDto> {
    const fast = await this.saveInOneStatement(owner, id, position, body);
    return fast ?? this.saveLocked(owner, id, position, body);
  }

  /** The save when the read and the single write both go through; undefined means "ask the locked path". */
  private async saveInOneStatement(owner: AttemptOwner, id: string, position: number, body: SaveAnswerDto): Promise<AnswerSavedDto | undefined> {
    const context = await this.repo.saveContext(owner, id, position);
    if (!context || context.item_type === null) return undefined;
    const now = this.clock.now();
    if (!saveDecision(now, { state: context.state, deadlineAt: context.deadline_at }, this.graceMs).allowed) return undefined;
    let response: object | null = null;
    if (body.response !== null) {
      const validation = validateResponse(context.item_type, body.response);
      if (!validation.ok) return undefined;
      response = validation.response;
    }
    const saved = await this.repo.writeAnswerIfOpen(
      owner,
      { attemptId: id, position, response, flagged: body.flagged ?? null, timeSpentMs: body.timeSpentMs ?? null, savedAt: now, ifRevision: body.ifRevision ?? null },
      this.graceMs,
    );
    if (!saved) return undefined;
    return { position, revision: saved.revision, savedAt: saved.saved_at.toISOString(), flagged: saved.flagged, timeSpentMs: saved.time_spent_ms, answered: saved.answered };
  }

  /** The save in a transaction holding the attempt FOR SHARE and the answer FOR UPDATE: every case decided here. */
  private saveLocked(owner: AttemptOwner, id: string, position: number, body: SaveAnswerDto): Promise<AnswerSavedDto> {
    return this.repo.transaction(async (tx) => {
      const attempt = await this.attempt(owner, id, tx, 'share');
      const now = this.clock.now();
      const decision = saveDecision(now, clockOf(attempt), this.graceMs);
      if (!decision.allowed) {
        throw decision.reason === 'ATTEMPT_CLOSED'
          ? new AppError(ErrorCode.ATTEMPT_CLOSED, 'This attempt is closed; answers can no longer be changed.')
          : new AppError(ErrorCode.ATTEMPT_DEADLINE_PASSED, `The time for this attempt ran out at ${attempt.deadline_at.toISOString()}.`);
      }
      const type = await this.repo.itemType(tx, id, position);
      if (type === undefined) throw new AppError(ErrorCode.ATTEMPT_ITEM_NOT_FOUND, `This attempt has no item ${position}.`);
      let response: object | null = null;
      if (body.response !== null) {
        const validation = validateResponse(type, body.response);
        if (!validation.ok) throw new AppError(ErrorCode.RESPONSE_INVALID, `Not a valid ${type} response: ${validation.message}`);
        response = validation.response;
      }
      const current = await this.repo.lockedAnswer(tx, id, position);
      if (body.ifRevision !== undefined && body.ifRevision !== (current?.revision ?? 0)) {
        throw new AppError(
          ErrorCode.ANSWER_REVISION_CONFLICT,
          `The answer was changed elsewhere (revision ${current?.revision ?? 0}, not ${body.ifRevision}); reload it first.`,
        );
      }
      const flagged = body.flagged ?? current?.flagged ?? false;
      const timeSpentMs = body.timeSpentMs ?? current?.time_spent_ms ?? 0;
      const saved = await this.repo.writeAnswer(tx, {
        attemptId: id,
        position,
        response,
        flagged,
        timeSpentMs,
        savedAt: now,
        ifRevision: body.ifRevision ?? null,
      });
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
    const abandoned = await this.repo.transaction(async (tx) => {
      const attempt = await this.attempt(owner, id, tx, 'update');
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
    return mapSummary(await this.attempt(owner, id));
  }

  /**
   * Gives up an open attempt: it is closed as `abandoned`, never graded, and left out of scores,
   * trends and statistics like one the sweep abandoned. Repeating it is harmless; a submitted
   * attempt cannot be abandoned (409 ATTEMPT_CLOSED).
   */
  async abandon(owner: AttemptOwner, id: string): Promise<AttemptSummaryDto> {
    await this.repo.transaction(async (tx) => {
      const attempt = await this.attempt(owner, id, tx, 'update');
      if (attempt.state === 'abandoned') return;
      if (attempt.state !== 'in_progress') throw new AppError(ErrorCode.ATTEMPT_CLOSED, 'This attempt is already submitted.');
      const now = this.clock.now();
      await this.finalizer.close(tx, attempt, { action: 'abandon', finishedAt: now }, now);
    });
    return mapSummary(await this.attempt(owner, id));
  }

  async summary(owner: AttemptOwner, id: string): Promise<AttemptSummaryDto> {
    return mapSummary(await this.attempt(owner, id));
  }
}
