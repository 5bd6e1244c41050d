import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { reviewAccess, submissionProblems, type AttemptState, type ReviewPolicy } from '@goprep/domain';
import type { BankQuestion } from '@goprep/question-bank';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AppConfigService } from '../../config/app-config.service';
import { RateLimiterService } from '../accounts/rate-limiter.service';
import {
  type CreateCandidateJudgeRunDto,
  type CreateJudgeRunDto,
  type CreatePlaygroundRunDto,
  type JudgeRunDto,
  type JudgeStatusDto,
  type ReviewJudgeDto,
} from './dto/judge.dto';
import { mapJudgeRun, mapReviewJudge, mapRunner } from './judge.mappers';
import { JudgeRepository, type JudgeRunRow, type PlaygroundTarget, type TaskTarget } from './judge.repository';

/** A runner is counted alive while its heartbeat is younger than this. */
export const RUNNER_ALIVE_SECONDS = 30;

/** sha256 over the files in name order, each as name, NUL, source, NUL. */
export function codeHash(files: Record<string, string>): string {
  const h = createHash('sha256');
  for (const name of Object.keys(files).sort()) h.update(name).update('\0').update(files[name] ?? '').update('\0');
  return h.digest('hex');
}

/** The files a playground run of this item takes: the task's editable files, or `main.go` for a program question. */
function playgroundFiles(target: PlaygroundTarget): string[] | undefined {
  if (target.type === 'code-task') return target.taskFiles ?? undefined;
  if ((target.type === 'code-output' || target.type === 'code-lines') && target.hasCode) return ['main.go'];
  return undefined;
}

@Injectable()
export class JudgeService {
  constructor(
    private readonly repo: JudgeRepository,
    private readonly limiter: RateLimiterService,
    private readonly config: AppConfigService,
  ) {}

  /** "Run": the visible tests against the learner's files. */
  async createVisibleRun(userId: string, dto: CreateJudgeRunDto): Promise<JudgeRunDto> {
    if ((dto.attemptId === undefined) !== (dto.position === undefined)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'attemptId and position go together.');
    }
    const target =
      dto.attemptId !== undefined && dto.position !== undefined
        ? await this.repo.attemptItemTask(userId, dto.attemptId, dto.position, dto.questionId)
        : await this.repo.currentBankTask(dto.questionId);
    if (!target) throw new AppError(ErrorCode.JUDGE_TASK_NOT_FOUND, 'No code task with this id (or not in that attempt).');
    const attempt = dto.attemptId !== undefined && dto.position !== undefined ? { attemptId: dto.attemptId, position: dto.position } : null;
    return mapJudgeRun(await this.queueVisible(`judge:user:${userId}`, { userId, attempt, target, files: dto.files }));
  }

  /**
   * A candidate's "Run" (no account): the visible tests of a code task in the candidate's own
   * open attempt. The run has no user; the attempt (owned by the invite) is what it belongs to.
   */
  async createCandidateRun(inviteId: string, attemptId: string, dto: CreateCandidateJudgeRunDto): Promise<JudgeRunDto> {
    const target = await this.repo.candidateItemTask(inviteId, attemptId, dto.position, dto.questionId);
    if (!target) throw new AppError(ErrorCode.JUDGE_TASK_NOT_FOUND, 'No code task at this position of your open attempt.');
    return mapJudgeRun(await this.queueVisible(`judge:attempt:${attemptId}`, { userId: null, attempt: { attemptId, position: dto.position }, target, files: dto.files }));
  }

  async getForCandidate(inviteId: string, id: string): Promise<JudgeRunDto> {
    return mapJudgeRun(await this.candidateRun(inviteId, id));
  }

  /** The run if it is a visible run of the invite's attempt; otherwise the same 404 as a missing one. */
  async candidateRun(inviteId: string, id: string): Promise<JudgeRunRow> {
    const row = await this.repo.candidateRun(id, inviteId);
    if (!row) throw new AppError(ErrorCode.JUDGE_RUN_NOT_FOUND, 'No such judge run.');
    return row;
  }

  /**
   * Playground: a final item's program (code-output, code-lines: `main.go`) or task files, edited
   * and run in the sandbox. Final means: an item of the learner's own submitted attempt whose review
   * policy shows answers, or a drill card the learner has answered. The server checks that; the
   * client never needs the key.
   */
  async createPlaygroundRun(userId: string, dto: CreatePlaygroundRunDto): Promise<JudgeRunDto> {
    const byAttempt = dto.attemptId !== undefined || dto.position !== undefined;
    if (byAttempt === (dto.drillQuestionId !== undefined) || (dto.attemptId === undefined) !== (dto.position === undefined)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Name either attemptId with position, or drillQuestionId.');
    }
    const target =
      dto.attemptId !== undefined && dto.position !== undefined
        ? await this.repo.playgroundAttemptItem(userId, dto.attemptId, dto.position)
        : await this.repo.playgroundDrillCard(userId, dto.drillQuestionId ?? '');
    const expected = target ? playgroundFiles(target) : undefined;
    if (!target || !expected) throw new AppError(ErrorCode.JUDGE_TASK_NOT_FOUND, 'No program to run at this item (or not yours).');
    const final =
      target.attemptState !== null
        ? reviewAccess(target.reviewPolicy as ReviewPolicy, target.attemptState as AttemptState).keys
        : target.answered;
    if (!final) {
      throw new AppError(ErrorCode.PLAYGROUND_NOT_FINAL, 'The playground opens once the item is final: the attempt submitted and its review showing answers, or the card answered.');
    }
    const taskTarget: TaskTarget = { questionId: target.questionId, versionId: target.versionId, version: target.version, files: expected };
    const attempt = dto.attemptId !== undefined && dto.position !== undefined ? { attemptId: dto.attemptId, position: dto.position } : null;
    return mapJudgeRun(await this.queueRun(`judge:user:${userId}`, 'playground', { userId, attempt, target: taskTarget, files: dto.files }));
  }

  /**
   * A code-task drill card's answer: the learner's files judged by the hidden tests (names and
   * pass/fail shown, logs not), queued like any run. The verdict then rates the card (see
   * `drillVerdict` and `judgeReviewOutcome` in libs/domain).
   */
  async createDrillRun(userId: string, questionId: string, files: Record<string, string>): Promise<JudgeRunDto> {
    const target = await this.repo.drillCardTask(userId, questionId);
    if (!target) throw new AppError(ErrorCode.JUDGE_TASK_NOT_FOUND, 'No code task among your (unsuspended) drill cards with this id.');
    return mapJudgeRun(await this.queueRun(`judge:user:${userId}`, 'hidden', { userId, attempt: null, target, files }));
  }

  /** The verdict of a finished drill run of this version, or 409 DRILL_JUDGE_RUN_INVALID. */
  async drillVerdict(userId: string, runId: string, versionId: string): Promise<{ verdict: string; score: number; files: Record<string, string> }> {
    const run = await this.repo.drillRun(userId, runId, versionId);
    if (!run) throw new AppError(ErrorCode.DRILL_JUDGE_RUN_INVALID, "judgeRunId names no judged run of your code for this card's current version.");
    if (run.state !== 'done' || run.verdict === null) throw new AppError(ErrorCode.DRILL_JUDGE_RUN_INVALID, 'The judge has not given its verdict yet; review the card once it has.');
    return { verdict: run.verdict, score: Number(run.score ?? 0), files: run.files };
  }

  /**
   * A live room's "Run" (rooms module): the visible tests of the task version the room pinned,
   * against the shared editor's files (only the task's editable files are taken). The run belongs
   * to the room's creator (a guest has no account); `link` records it for the room in the same
   * transaction. Rate limited per room.
   */
  async createRoomRun(
    roomId: string,
    ownerUserId: string,
    versionId: string,
    editorFiles: Record<string, string>,
    link: (tx: EntityManager, runId: string) => Promise<void>,
  ): Promise<string> {
    const target = await this.repo.transaction((tx) => this.repo.taskByVersion(tx, versionId));
    if (!target) throw new AppError(ErrorCode.JUDGE_TASK_NOT_FOUND, 'The pushed code task has no judge spec.');
    const files = Object.fromEntries(target.files.filter((name) => name in editorFiles).map((name) => [name, editorFiles[name] ?? '']));
    return (await this.queueRun(`judge:room:${roomId}`, 'visible', { userId: ownerUserId, attempt: null, target, files }, link)).id;
  }

  /** Checks the files and the rate limit (per `limitKey`), then queues a visible run. */
  private queueVisible(limitKey: string, run: Parameters<JudgeService['queueRun']>[2]): Promise<JudgeRunRow> {
    return this.queueRun(limitKey, 'visible', run);
  }

  private async queueRun(
    limitKey: string,
    mode: 'visible' | 'hidden' | 'playground',
    run: { userId: string | null; attempt: { attemptId: string; position: number } | null; target: TaskTarget; files: Record<string, string> },
    link?: (tx: EntityManager, runId: string) => Promise<void>,
  ): Promise<JudgeRunRow> {
    const problems = submissionProblems(run.files, run.target.files);
    if (problems.length > 0) throw new AppError(ErrorCode.JUDGE_FILES_INVALID, `The submission is not valid: ${problems.join('; ')}.`);
    const limit = await this.limiter.hit(limitKey, 60);
    if (limit.count > this.runsPerMinute()) {
      throw new AppError(ErrorCode.RATE_LIMITED, 'Too many runs; wait a moment.', undefined, { 'Retry-After': String(limit.retryAfter) });
    }
    const row = { ...run, mode, codeHash: codeHash(run.files) };
    // The run and its job are one statement; a transaction only when the caller records the run too.
    if (!link) return this.repo.insertRun(row);
    return this.repo.transaction(async (tx) => {
      const inserted = await this.repo.insertRun(row, tx);
      await link(tx, inserted.id);
      return inserted;
    });
  }

  /**
   * Final judging of a code-task answer by the hidden tests, queued inside the caller's
   * transaction (the attempt submission or the deadline finalizer): the run exists exactly when
   * that transaction commits. Returns undefined when the version is not a judge task.
   */
  async enqueueHiddenRun(
    tx: EntityManager,
    item: { userId: string | null; attemptId: string; position: number; questionVersionId: string; files: Record<string, string> },
  ): Promise<string | undefined> {
    const target: TaskTarget | undefined = await this.repo.taskByVersion(tx, item.questionVersionId);
    if (!target) return undefined;
    const inserted = await this.repo.insertRun(
      { userId: item.userId, attempt: { attemptId: item.attemptId, position: item.position }, target, mode: 'hidden', codeHash: codeHash(item.files), files: item.files },
      tx,
    );
    return inserted.id;
  }

  /**
   * Called by the bank loader in its transaction: what the runner needs to judge each code task
   * (the judge's TaskSpec, plus starter and solution), kept server-side in judge_task_specs.
   */
  async storeTaskSpecs(tx: EntityManager, questions: readonly BankQuestion[]): Promise<number> {
    const specs = questions.flatMap((q) =>
      q.type === 'code-task' && q.task
        ? [
            {
              questionId: q.id,
              spec: {
                id: q.id,
                package: q.task.package,
                files: q.task.files,
                imports: q.task.imports,
                checks: q.task.checks,
                limits: q.task.limits,
                scoring: q.task.scoring,
                visibleTests: q.task.visibleTests,
                hiddenTests: q.task.hiddenTests,
              },
              starter: q.task.starter,
              solution: q.task.solution,
            },
          ]
        : [],
    );
    return this.repo.storeTaskSpecs(tx, specs);
  }

  /**
   * What the review of a submitted attempt shows of each code task, by position: the final run's
   * verdict, per-test pass/fail (names only: a test's log can quote its expectations), race and
   * leak reports; the hidden tests when `hiddenTests` and the reference solution when `solution`.
   * The caller decides both from the review policy and who is asking.
   */
  async reviewDetails(attemptId: string, show: { hiddenTests: boolean; solution: boolean }): Promise<Map<number, ReviewJudgeDto>> {
    const [runs, keys] = await Promise.all([
      this.repo.finalRuns(attemptId),
      show.hiddenTests || show.solution ? this.repo.taskKeys(attemptId, show.solution) : Promise.resolve([]),
    ]);
    const byPosition = new Map<number, ReviewJudgeDto>();
    const keysAt = new Map(keys.map((k) => [k.position, k]));
    for (const k of keys) byPosition.set(k.position, mapReviewJudge(undefined, k, show));
    for (const run of runs) byPosition.set(run.position, mapReviewJudge(run, keysAt.get(run.position), show));
    return byPosition;
  }

  async get(userId: string, id: string): Promise<JudgeRunDto> {
    return mapJudgeRun(await this.ownRun(userId, id));
  }

  /** The run if it is the user's; otherwise the same 404 as a missing one. */
  async ownRun(userId: string, id: string): Promise<JudgeRunRow> {
    const row = await this.repo.run(id);
    if (!row || row.user_id !== userId) throw new AppError(ErrorCode.JUDGE_RUN_NOT_FOUND, 'No such judge run.');
    return row;
  }

  async status(): Promise<JudgeStatusDto> {
    const [runners, queueDepth] = await Promise.all([this.repo.liveRunners(RUNNER_ALIVE_SECONDS), this.repo.queueDepth()]);
    return { available: runners.some((r) => r.state === 'ready'), runners: runners.map(mapRunner), queueDepth };
  }

  private runsPerMinute(): number {
    return this.config.get('JUDGE_RUNS_PER_MINUTE');
  }
}
