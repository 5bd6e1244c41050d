import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import { AppConfigService } from '../../config/app-config.service';
import { ResultsRepository } from './results.repository';
import { SetStatisticsService } from './set-statistics.service';

export interface StatsRefreshSummary {
  refreshed: number;
  skipped: number;
}

/**
 * Keeps item-statistics snapshots fresh in the background, so the statistics page reads a stored
 * snapshot. Only versions that already have a snapshot (someone looked at them) and whose
 * fingerprint changed are recomputed; a transaction-scoped advisory lock per version makes
 * several API instances share the work instead of computing the same version twice.
 */
@Injectable()
export class StatsRefreshService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: PeriodicJob<StatsRefreshSummary>;

  constructor(
    private readonly repo: ResultsRepository,
    private readonly statistics: SetStatisticsService,
    config: AppConfigService,
  ) {
    const logger = new Logger('StatsRefresh');
    this.job = new PeriodicJob({
      intervalMs: config.get('STATS_REFRESH_INTERVAL_MS'),
      logger,
      ready: () => repo.ready,
      run: () => this.refreshOnce(),
      report: (s) => {
        if (s.refreshed > 0) logger.log(`refreshed ${s.refreshed} item-statistics snapshots`);
      },
      failureMessage: 'item-statistics refresh failed; retrying next round',
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** One pass over the stored snapshots; recomputes the stale ones another instance is not already on. */
  async refreshOnce(): Promise<StatsRefreshSummary> {
    const summary: StatsRefreshSummary = { refreshed: 0, skipped: 0 };
    const snapshots = await this.repo.snapshots();
    for (const snap of snapshots) {
      if (snap.fingerprint !== null && snap.fingerprint === (await this.statistics.statisticsFingerprint(this.repo.manager, snap.set_version_id))) continue;
      const done = await this.repo.transaction(async (tx) => {
        if (!(await this.repo.tryLockSnapshot(tx, snap.set_version_id))) return false;
        await this.statistics.snapshotOrCompute(tx, snap.set_version_id, snap.set_id, snap.version);
        return true;
      });
      summary[done ? 'refreshed' : 'skipped'] += 1;
    }
    return summary;
  }
}
