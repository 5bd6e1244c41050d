import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  buildTrainingItems,
  DEFAULT_FSRS_WEIGHTS,
  DEFAULT_SRS_SETTINGS,
  hasEnoughForFit,
  isUsableWeights,
  longTermItemCount,
  optimizationDue,
  OPTIMIZER_MIN_REVIEWS,
  type OptimizationReason,
  type SrsRating,
} from '@goprep/domain';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import { AppConfigService } from '../../config/app-config.service';
import { DrillsClock } from './drills-clock';
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

interface LearnerRow {
  user_id: string;
  reviews: number;
  evaluated_at: Date | null;
  review_count: number | null;
}

/** Reviews counted toward "enough" and "doubled": the ones not undone, up to now. */
const LEARNERS_SQL = `
  SELECT r.user_id, count(*)::int AS reviews, o.evaluated_at, o.review_count
    FROM srs_reviews r
    LEFT JOIN LATERAL (SELECT evaluated_at, review_count FROM srs_optimizations
                        WHERE user_id = r.user_id ORDER BY evaluated_at DESC LIMIT 1) o ON true
   WHERE r.undone_at IS NULL AND r.reviewed_at <= $1 %USER%
   GROUP BY r.user_id, o.evaluated_at, o.review_count
  HAVING count(*) >= $2`;

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
    private readonly db: DataSource,
    config: AppConfigService,
    private readonly clock: DrillsClock,
  ) {
    this.job = new PeriodicJob({
      intervalMs: config.get('SRS_OPTIMIZER_INTERVAL_MS'),
      logger: this.logger,
      ready: () => db.isInitialized,
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
    const learners: LearnerRow[] = await this.db.query(LEARNERS_SQL.replace('%USER%', ''), [now, OPTIMIZER_MIN_REVIEWS]);
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
    return this.db.transaction(async (tx) => {
      const [lock] = (await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext('goprep:srs-optimizer'), hashtext($1)) AS locked`, [userId])) as Array<{
        locked: boolean;
      }>;
      if (!lock?.locked) return 'busy';
      const [learner] = (await tx.query(LEARNERS_SQL.replace('%USER%', 'AND r.user_id = $3'), [now, OPTIMIZER_MIN_REVIEWS, userId])) as LearnerRow[];
      const reason = learner ? dueReason(learner, now) : null;
      if (!learner || !reason) return null;
      return this.fit(tx, userId, learner.reviews, reason, now);
    });
  }

  private async fit(tx: EntityManager, userId: string, reviewCount: number, reason: OptimizationReason, now: Date): Promise<OptimizationOutcome> {
    const started = Date.now();
    const reviews: Array<{ question_id: string; reviewed_at: Date; local_day: string; rating: SrsRating; before_state: string }> = await tx.query(
      `SELECT question_id, reviewed_at, to_char(local_day, 'YYYY-MM-DD') AS local_day, rating, state_before->>'state' AS before_state
         FROM srs_reviews WHERE user_id = $1 AND undone_at IS NULL AND reviewed_at <= $2`,
      [userId, now],
    );
    const items = buildTrainingItems(
      reviews.map((r) => ({ cardKey: r.question_id, reviewedAt: r.reviewed_at, localDay: r.local_day, rating: r.rating, newCard: r.before_state === 'new' })),
    );
    const [settings] = (await tx.query(`SELECT weights FROM srs_settings WHERE user_id = $1`, [userId])) as Array<{ weights: number[] | null }>;
    const currentWeights = settings?.weights && isUsableWeights(settings.weights) ? settings.weights : [...DEFAULT_FSRS_WEIGHTS];
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
      if (run.decision.switch) await this.switchWeights(tx, userId, run.fittedWeights);
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
    await tx.query(
      `INSERT INTO srs_optimizations (user_id, evaluated_at, reason, outcome, review_count, item_count, current_log_loss, current_rmse,
          fitted_log_loss, fitted_rmse, current_weights, fitted_weights, duration_ms, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14)`,
      [
        r.userId,
        r.now,
        r.reason,
        r.outcome,
        r.reviewCount,
        r.itemCount,
        r.run?.current.logLoss ?? null,
        r.run?.current.rmseBins ?? null,
        r.run?.fitted.logLoss ?? null,
        r.run?.fitted.rmseBins ?? null,
        JSON.stringify(r.currentWeights),
        r.run ? JSON.stringify(r.run.fittedWeights) : null,
        r.durationMs,
        r.error ?? null,
      ],
    );
  }

  /** A learner without a settings row gets one with the defaults and the fitted weights. */
  private async switchWeights(tx: EntityManager, userId: string, weights: readonly number[]): Promise<void> {
    const d = DEFAULT_SRS_SETTINGS;
    await tx.query(
      `INSERT INTO srs_settings (user_id, timezone, day_start_hour, desired_retention, max_interval_days, new_per_day, learning_steps, relearning_steps, weights, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, now())
       ON CONFLICT (user_id) DO UPDATE SET weights = EXCLUDED.weights, updated_at = now()`,
      [userId, d.timezone, d.dayStartHour, d.desiredRetention, d.maximumIntervalDays, d.newCardsPerDay, [...d.learningSteps], [...d.relearningSteps], JSON.stringify(weights)],
    );
  }
}

function dueReason(row: LearnerRow, now: Date): OptimizationReason | null {
  const last = row.evaluated_at === null || row.review_count === null ? null : { evaluatedAt: row.evaluated_at, reviewCount: row.review_count };
  return optimizationDue(now, row.reviews, last);
}
