import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import { AppConfigService } from '../../config/app-config.service';
import { ResultsService } from './results.service';

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
    private readonly db: DataSource,
    private readonly results: ResultsService,
    config: AppConfigService,
  ) {
    const logger = new Logger('StatsRefresh');
    this.job = new PeriodicJob({
      intervalMs: config.get('STATS_REFRESH_INTERVAL_MS'),
      logger,
      ready: () => db.isInitialized,
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
    const snapshots: Array<{ set_version_id: string; fingerprint: string | null; set_id: string; version: number }> = await this.db.query(
      `SELECT s.set_version_id, s.fingerprint, v.set_id, v.version
         FROM set_version_statistics s JOIN question_set_versions v ON v.id = s.set_version_id
        ORDER BY s.computed_at`,
    );
    for (const snap of snapshots) {
      if (snap.fingerprint !== null && snap.fingerprint === (await this.results.statisticsFingerprint(this.db.manager, snap.set_version_id))) continue;
      const done = await this.db.transaction(async (tx) => {
        const [lock] = (await tx.query(`SELECT pg_try_advisory_xact_lock(hashtextextended('set-version-statistics:' || $1, 0)) AS ok`, [
          snap.set_version_id,
        ])) as Array<{ ok: boolean }>;
        if (!lock?.ok) return false;
        await this.results.snapshotOrCompute(tx, snap.set_version_id, snap.set_id, snap.version);
        return true;
      });
      summary[done ? 'refreshed' : 'skipped'] += 1;
    }
    return summary;
  }
}
