import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sweepDecision } from '@goprep/domain';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import { AppConfigService } from '../../config/app-config.service';
import { AttemptFinalizer } from './attempt-finalizer.service';
import { clockOf } from './attempt-rows';
import { lockOverdueAttempts } from './attempts.repository';
import { Clock } from './clock';

export interface SweepSummary {
  submitted: number;
  abandoned: number;
}

const BATCH_SIZE = 50;

/**
 * Closes attempts left open past their deadline, per their overdue policy. Every API instance runs
 * it; `FOR UPDATE SKIP LOCKED` hands each overdue attempt to exactly one of them, and skips
 * attempts a learner is saving or submitting right now (the next round gets them).
 */
@Injectable()
export class AttemptSweepService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: PeriodicJob<SweepSummary>;

  constructor(
    private readonly db: DataSource,
    private readonly finalizer: AttemptFinalizer,
    private readonly config: AppConfigService,
    private readonly clock: Clock,
  ) {
    const logger = new Logger('AttemptSweep');
    this.job = new PeriodicJob({
      intervalMs: config.get('ATTEMPT_SWEEP_INTERVAL_MS'),
      logger,
      ready: () => db.isInitialized,
      run: () => this.sweepOnce(),
      report: (s) => {
        if (s.submitted + s.abandoned > 0) logger.log(`closed overdue attempts: ${s.submitted} submitted, ${s.abandoned} abandoned`);
      },
      failureMessage: 'attempt sweep failed; retrying next round',
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** One full pass, batch by batch (a transaction each), until no overdue attempt is left. */
  async sweepOnce(now: Date = this.clock.now()): Promise<SweepSummary> {
    const summary: SweepSummary = { submitted: 0, abandoned: 0 };
    const graceMs = this.config.get('ATTEMPT_GRACE_MS');
    for (;;) {
      const { seen, closed } = await this.db.transaction(async (tx) => {
        const rows = await lockOverdueAttempts(tx, now, graceMs / 1000, BATCH_SIZE);
        let closedHere = 0;
        for (const row of rows) {
          const decision = sweepDecision(now, clockOf(row), graceMs);
          if (decision.action === 'none') continue;
          await this.finalizer.close(tx, row, decision, now);
          summary[decision.action === 'submit' ? 'submitted' : 'abandoned'] += 1;
          closedHere += 1;
        }
        return { seen: rows.length, closed: closedHere };
      });
      // A full batch that closed nothing would come back unchanged: stop rather than spin.
      if (seen < BATCH_SIZE || closed === 0) return summary;
    }
  }
}
