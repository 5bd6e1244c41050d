import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { gradeFromJudge, itemPoints, type AnswerKey } from '@goprep/domain';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import { retotalAttempt } from '../attempts/attempts.repository';
import { AppConfigService } from '../../config/app-config.service';
import { JudgeEventsService } from './judge-events.service';

const BATCH = 50;

interface JudgedRun {
  id: string;
  attempt_id: string;
  position: number;
  verdict: string;
  score: number;
}

/**
 * Turns the verdicts of final judging (hidden-mode runs, queued when an attempt with code tasks
 * is submitted) into the items' grades and re-totals the attempt. Woken by the runner's NOTIFY,
 * with a periodic round as the safety net (an API that was down when a verdict arrived). Each
 * run is applied once: rows are claimed FOR UPDATE SKIP LOCKED and marked applied in the same
 * transaction, so several API instances never apply one twice.
 */
@Injectable()
export class JudgeGradingService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('JudgeGrading');
  private readonly job: PeriodicJob<number>;
  private unsubscribe: (() => void) | undefined;
  private pending: Promise<unknown> = Promise.resolve();
  private queued = false;

  constructor(
    private readonly db: DataSource,
    private readonly events: JudgeEventsService,
    config: AppConfigService,
  ) {
    this.job = new PeriodicJob({
      intervalMs: config.get('JUDGE_APPLY_INTERVAL_MS'),
      logger: this.logger,
      ready: () => db.isInitialized,
      run: () => this.applyJudged(),
      report: (n) => {
        if (n > 0) this.logger.log(`applied ${n} judge verdict(s) to attempt grades`);
      },
      failureMessage: 'applying judge verdicts failed; retrying next round',
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
    if (this.db.isInitialized) {
      this.events
        .subscribeAll(() => this.wake())
        .then((off) => (this.unsubscribe = off))
        .catch((err: unknown) => this.logger.warn({ err }, 'cannot listen for judge verdicts; the periodic round applies them'));
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.job.stop();
    await this.pending.catch(() => undefined);
  }

  /** Coalesces a burst of notifications into one more round after the current one. */
  private wake(): void {
    if (this.queued) return;
    this.queued = true;
    this.pending = this.pending
      .catch(() => undefined)
      .then(() => {
        this.queued = false;
        return this.applyJudged();
      })
      .catch((err: unknown) => this.logger.warn({ err }, 'applying judge verdicts failed; the periodic round retries'));
  }

  /** Applies every judged, unapplied hidden run; returns how many. */
  async applyJudged(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.db.transaction((tx) => this.applyBatch(tx));
      total += n;
      if (n < BATCH) return total;
    }
  }

  private async applyBatch(tx: EntityManager): Promise<number> {
    const runs: JudgedRun[] = await tx.query(
      `SELECT id, attempt_id, position, verdict, score FROM judge_runs
        WHERE mode = 'hidden' AND state = 'done' AND applied_at IS NULL
        ORDER BY finished_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [BATCH],
    );
    for (const run of runs) await this.applyOne(tx, run);
    if (runs.length > 0) await tx.query('UPDATE judge_runs SET applied_at = now() WHERE id = ANY($1::uuid[])', [runs.map((r) => r.id)]);
    return runs.length;
  }

  private async applyOne(tx: EntityManager, run: JudgedRun): Promise<void> {
    const [attempt] = (await tx.query(`SELECT state, started_at, finished_at FROM attempts WHERE id = $1 FOR UPDATE`, [run.attempt_id])) as Array<{
      state: string;
      started_at: Date;
      finished_at: Date | null;
    }>;
    if (!attempt || attempt.state !== 'submitted' || !attempt.finished_at) return;
    // Only the item's newest final run counts (a re-judged item supersedes the earlier verdict).
    const [newest] = (await tx.query(
      `SELECT id FROM judge_runs WHERE attempt_id = $1 AND position = $2 AND mode = 'hidden' ORDER BY queued_at DESC, id DESC LIMIT 1`,
      [run.attempt_id, run.position],
    )) as Array<{ id: string }>;
    if (newest?.id !== run.id) return;
    const [item] = (await tx.query(
      `SELECT i.points, v.answer_key FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id
        WHERE i.attempt_id = $1 AND i.position = $2`,
      [run.attempt_id, run.position],
    )) as Array<{ points: string; answer_key: AnswerKey }>;
    if (!item || item.answer_key.type !== 'code-task') return;
    const grade = gradeFromJudge(item.answer_key, { verdict: run.verdict, score: Number(run.score) });
    const points = Number(item.points);
    await tx.query(`UPDATE answers SET score = $3, status = $4 WHERE attempt_id = $1 AND position = $2`, [
      run.attempt_id,
      run.position,
      itemPoints({ points, score: grade.score }),
      grade.status,
    ]);
    await retotalAttempt(tx, { id: run.attempt_id, started_at: attempt.started_at, finished_at: attempt.finished_at });
  }
}
