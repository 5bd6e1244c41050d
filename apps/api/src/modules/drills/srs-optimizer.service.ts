import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  buildTrainingItems,
  DEFAULT_FSRS_WEIGHTS,
  hasEnoughForFit,
  isUsableWeights,
  longTermItemCount,
  optimizationDue,
  OPTIMIZER_MIN_REVIEWS,
  type OptimizationReason,
} from '@goprep/domain';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import { AppConfigService } from '../../config/app-config.service';
import { DrillsClock } from './drills-clock';
import { DrillsRepository, type LearnerRow } from './drills.repository';
import { fitAndEvaluate } from './fsrs-optimizer';

export type OptimizationOutcome = 'switched' | 'kept' | 'not-enough-data' | 'failed';

export interface OptimizerSummary {
  /** Learners with enough reviews whose last evaluation made them due. */
  due: number;
  switched: number;
  kept: number;
  notEnoughData: number;
  failed: number;
  /** Due learners another instance was fitting at that moment (left to it). */
  busy: number;
}

/**
 * Per-learner FSRS parameters. Every API instance runs this job on a timer; a transaction-scoped
 * advisory lock per learner (tried, never waited for) hands each learner to one instance, which
 * re-checks under the lock that the learner is still due, so nobody is fitted twice for one trigger.
 * The fit runs on the binding's worker thread; the evaluation is stored whatever its outcome.
 */
@Injectable()
export class SrsOptimizerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SrsOptimizer');
  private readonly job: PeriodicJob<OptimizerSummary>;

  constructor(
    private readonly repo: DrillsRepository,
    config: AppConfigService,
    private readonly clock: DrillsClock,
  ) {
    this.job = new PeriodicJob({
      intervalMs: config.get('SRS_OPTIMIZER_INTERVAL_MS'),
      logger: this.logger,
      ready: () => repo.isReady,
      run: () => this.runOnce(),
      report: (s) => {
        if (s.due > 0) this.logger.log(`FSRS fits: ${s.switched} switched, ${s.kept} kept, ${s.notEnoughData} short of data, ${s.failed} failed, ${s.busy} busy`);
      },
      failureMessage: 'FSRS optimizer round failed; retrying next round',
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** One round: every learner due a fit, one after the other (the fit is CPU-bound). */
  async runOnce(now: Date = this.clock.now()): Promise<OptimizerSummary> {
    const summary: OptimizerSummary = { due: 0, switched: 0, kept: 0, notEnoughData: 0, failed: 0, busy: 0 };
    const learners = await this.repo.learners(now, OPTIMIZER_MIN_REVIEWS);
    for (const learner of learners) {
      if (!dueReason(learner, now)) continue;
      const outcome = await this.optimizeLearner(learner.user_id, now);
      // null: another instance finished this learner between the list and the lock.
      if (outcome === null) continue;
      summary.due += 1;
      if (outcome === 'busy') summary.busy += 1;
      else if (outcome === 'not-enough-data') summary.notEnoughData += 1;
      else summary[outcome] += 1;
    }
    return summary;
  }

  /**
   * Fits one learner if they are (still) due: null when they are not, 'busy' when another
   * instance holds them. The lock is transaction-scoped, so a crash mid-fit frees it.
   */
  async optimizeLearner(userId: string, now: Date = this.clock.now()): Promise<OptimizationOutcome | 'busy' | null> {
    return this.repo.transaction(async (tx) => {
      if (!(await this.repo.tryLearnerLock(tx, userId))) return 'busy';
      const learner = await this.repo.learner(tx, now, OPTIMIZER_MIN_REVIEWS, userId);
      const reason = learner ? dueReason(learner, now) : null;
      if (!learner || !reason) return null;
      return this.fit(tx, userId, learner.reviews, reason, now);
    });
  }

  private async fit(tx: EntityManager, userId: string, reviewCount: number, reason: OptimizationReason, now: Date): Promise<OptimizationOutcome> {
    const started = Date.now();
    const reviews = await this.repo.trainingReviews(tx, userId, now);
    const items = buildTrainingItems(
      reviews.map((r) => ({ cardKey: r.question_id, reviewedAt: r.reviewed_at, localDay: r.local_day, rating: r.rating, newCard: r.before_state === 'new' })),
    );
    const stored = await this.repo.weights(tx, userId);
    const currentWeights = stored && isUsableWeights(stored) ? stored : [...DEFAULT_FSRS_WEIGHTS];
    const record = {
      userId,
      now,
      reason,
      reviewCount,
      itemCount: longTermItemCount(items),
      currentWeights,
    };
    if (!hasEnoughForFit(items)) {
      await this.store(tx, { ...record, outcome: 'not-enough-data', durationMs: Date.now() - started });
      return 'not-enough-data';
    }
    try {
      const run = await fitAndEvaluate(items, currentWeights);
      const outcome: OptimizationOutcome = run.decision.switch ? 'switched' : 'kept';
      await this.store(tx, { ...record, outcome, run, durationMs: Date.now() - started });
      if (run.decision.switch) await this.repo.switchWeights(tx, userId, run.fittedWeights);
      return outcome;
    } catch (error) {
      // Bad data for the optimizer (e.g. NotEnoughData after its own filtering) must not retry every round.
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`FSRS fit for learner ${userId} failed: ${message}`);
      await this.store(tx, { ...record, outcome: 'failed', error: message.slice(0, 500), durationMs: Date.now() - started });
      return 'failed';
    }
  }

  private async store(
    tx: EntityManager,
    r: {
      userId: string;
      now: Date;
      reason: OptimizationReason;
      outcome: OptimizationOutcome;
      reviewCount: number;
      itemCount: number;
      currentWeights: readonly number[];
      durationMs: number;
      run?: Awaited<ReturnType<typeof fitAndEvaluate>>;
      error?: string;
    },
  ): Promise<void> {
    await this.repo.insertOptimization(tx, {
      userId: r.userId,
      now: r.now,
      reason: r.reason,
      outcome: r.outcome,
      reviewCount: r.reviewCount,
      itemCount: r.itemCount,
      currentLogLoss: r.run?.current.logLoss ?? null,
      currentRmse: r.run?.current.rmseBins ?? null,
      fittedLogLoss: r.run?.fitted.logLoss ?? null,
      fittedRmse: r.run?.fitted.rmseBins ?? null,
      currentWeights: r.currentWeights,
      fittedWeights: r.run ? r.run.fittedWeights : null,
      durationMs: r.durationMs,
      error: r.error ?? null,
    });
  }
}

function dueReason(row: LearnerRow, now: Date): OptimizationReason | null {
  const last = row.evaluated_at === null || row.review_count === null ? null : { evaluatedAt: row.evaluated_at, reviewCount: row.review_count };
  return optimizationDue(now, row.reviews, last);
}
