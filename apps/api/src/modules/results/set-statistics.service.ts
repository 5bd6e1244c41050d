import { Injectable } from '@nestjs/common';
import { itemStatistics, setStatistics, type StatsAttempt } from '@goprep/domain';
import type { EntityManager } from 'typeorm';
import { OrganizationsService } from '../organizations/organizations.service';
import { QuestionSetsService } from '../question-sets/question-sets.service';
import type { SetVersionStatisticsDto } from './dto/results.dto';
import { ResultsRepository } from './results.repository';

/**
 * Moodle's item analysis of a published set version, kept as a snapshot per version (see the
 * migration 1764400000000-SetVersionStatistics) that StatsRefreshService keeps fresh.
 */
@Injectable()
export class SetStatisticsService {
  constructor(
    private readonly repo: ResultsRepository,
    private readonly orgs: OrganizationsService,
    private readonly sets: QuestionSetsService,
  ) {}

  /**
   * Over the submitted attempts of one published version (fully graded ones), answered from the
   * stored snapshot while its fingerprint still matches, else computed and stored.
   */
  async statistics(userId: string, orgId: string, setId: string, version: number): Promise<SetVersionStatisticsDto> {
    await this.orgs.requireMembership(userId, orgId);
    const published = await this.sets.loadPublishedVersion(orgId, setId, version);
    return this.snapshotOrCompute(this.repo.manager, published.id, setId, published.version);
  }

  /** What changes when a submission arrives or a score changes. */
  statisticsFingerprint(db: EntityManager, versionId: string): Promise<string> {
    return this.repo.statisticsFingerprint(db, versionId);
  }

  /**
   * The stored snapshot if its fingerprint matches; else computes, stores and returns. The
   * generation is read before anything is computed and the snapshot is only written over that
   * generation, so a grade committed meanwhile (which bumps it) wins.
   */
  async snapshotOrCompute(db: EntityManager, versionId: string, setId: string, version: number): Promise<SetVersionStatisticsDto> {
    const stored = await this.repo.storedStatistics(db, versionId);
    const fingerprint = await this.repo.statisticsFingerprint(db, versionId);
    if (stored && stored.fingerprint === fingerprint) return stored.statistics;
    const computed = await this.computeStatistics(db, versionId, setId, version);
    await this.repo.storeStatistics(db, versionId, fingerprint, stored?.generation ?? '0', computed);
    return computed;
  }

  /** The item analysis computed from the attempts, as before snapshots existed. */
  async computeStatistics(db: EntityManager, versionId: string, setId: string, version: number): Promise<SetVersionStatisticsDto> {
    const rows = await this.repo.statisticsSource(db, versionId);
    const attempts = new Map<string, StatsAttempt & { items: StatsAttempt['items'][number][] }>();
    const pending = new Set<string>();
    for (const r of rows) {
      if (r.pending) {
        pending.add(r.attempt_id);
        continue;
      }
      const a = attempts.get(r.attempt_id) ?? { attemptId: r.attempt_id, score: Number(r.total), maxScore: Number(r.max_total), items: [] };
      a.items.push({ slot: r.position, questionKey: r.version_id, score: r.score === null ? 0 : Number(r.score), max: Number(r.points) });
      attempts.set(r.attempt_id, a);
    }
    const input = { attempts: [...attempts.values()] };
    const items = itemStatistics(input);
    const meta = items.length ? await this.repo.questionVersionFacts(db, items.map((i) => i.key)) : [];
    return {
      setId,
      version,
      excludedPending: pending.size,
      set: setStatistics(input),
      items: items.map((i) => {
        const m = meta.find((x) => x.id === i.key);
        return { ...i, questionId: m?.question_id ?? '', title: m?.title ?? '', topic: m?.topic_id ?? '' };
      }),
    };
  }
}
