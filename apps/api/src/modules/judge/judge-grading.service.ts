import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { gradeFromJudge, itemPoints } from '@goprep/domain';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import { AppConfigService } from '../../config/app-config.service';
import { JudgeEventsService } from './judge-events.service';
import { JudgeRepository, type JudgedRun } from './judge.repository';
import { WebhooksService } from '../webhooks/webhooks.service';

const BATCH = 50;

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
    private readonly repo: JudgeRepository,
    private readonly events: JudgeEventsService,
    private readonly webhooks: WebhooksService,
    config: AppConfigService,
  ) {
    this.job = new PeriodicJob({
      intervalMs: config.get('JUDGE_APPLY_INTERVAL_MS'),
      logger: this.logger,
      ready: () => repo.isReady,
      run: () => this.applyJudged(),
      report: (n) => {
        if (n > 0) this.logger.log(`applied ${n} judge verdict(s) to attempt grades`);
      },
      failureMessage: 'applying judge verdicts failed; retrying next round',
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
    if (this.repo.isReady) {
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
      const n = await this.repo.transaction((tx) => this.applyBatch(tx));
      total += n;
      if (n < BATCH) return total;
    }
  }

  private async applyBatch(tx: EntityManager): Promise<number> {
    const runs = await this.repo.judgedUnapplied(tx, BATCH);
    for (const run of runs) await this.applyOne(tx, run);
    if (runs.length > 0) await this.repo.markApplied(tx, runs.map((r) => r.id));
    return runs.length;
  }

  private async applyOne(tx: EntityManager, run: JudgedRun): Promise<void> {
    const attempt = await this.repo.lockedAttempt(tx, run.attempt_id);
    if (!attempt || attempt.state !== 'submitted' || !attempt.finished_at) return;
    // Only the item's newest final run counts (a re-judged item supersedes the earlier verdict).
    if ((await this.repo.newestHiddenRunId(tx, run.attempt_id, run.position)) !== run.id) return;
    const item = await this.repo.itemKey(tx, run.attempt_id, run.position);
    if (!item || item.answer_key.type !== 'code-task') return;
    const grade = gradeFromJudge(item.answer_key, { verdict: run.verdict, score: Number(run.score) });
    const points = Number(item.points);
    await this.repo.gradeItem(tx, run.attempt_id, run.position, itemPoints({ points, score: grade.score }), grade.status);
    if (await this.repo.retotalAttempt(tx, { id: run.attempt_id, started_at: attempt.started_at, finished_at: attempt.finished_at })) {
      await this.webhooks.emitAttemptGraded(tx, run.attempt_id);
    }
  }
}
