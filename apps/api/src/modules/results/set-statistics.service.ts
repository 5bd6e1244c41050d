import { Injectable } from '@nestjs/common';
import { breakdownCells, itemStatistics, itemStatisticsFromSums, setStatistics, setStatisticsFromSums, type ItemStatistics, type StatsAttempt } from '@goprep/domain';
import type { EntityManager } from 'typeorm';
import { OrganizationsService } from '../organizations/organizations.service';
import { QuestionSetsService } from '../question-sets/question-sets.service';
import type { ItemBreakdownDto, SetVersionStatisticsDto } from './dto/results.dto';
import { ResultsRepository, type StatisticsSumsRows } from './results.repository';

type QuestionFacts = Awaited<ReturnType<ResultsRepository['questionVersionFacts']>>[number];

/**
 * Moodle's item analysis of a published set version, read from the running sums the grading
 * transactions keep (migration 1764803000000, libs/domain hiring/item-sums.ts): a read costs the
 * number of distinct scores, never the number of attempts.
 */
@Injectable()
export class SetStatisticsService {
  constructor(
    private readonly repo: ResultsRepository,
    private readonly orgs: OrganizationsService,
    private readonly sets: QuestionSetsService,
  ) {}

  /** Over the submitted attempts of one published version (fully graded ones). */
  async statistics(userId: string, orgId: string, setId: string, version: number): Promise<SetVersionStatisticsDto> {
    await this.orgs.requireMembership(userId, orgId);
    const published = await this.sets.loadPublishedVersion(orgId, setId, version);
    return this.fromSums(this.repo.manager, published.id, setId, published.version);
  }

  /** The figures from the running sums (what the endpoint answers). */
  async fromSums(db: EntityManager, versionId: string, setId: string, version: number): Promise<SetVersionStatisticsDto> {
    const rows = await this.repo.statisticsSums(db, versionId);
    const sums = {
      cells: rows.cells.map((c) => ({ questionKey: c.question_version_id, slot: c.slot, points: c.points, n: c.n, sumScore: c.sum_score, sumRest: c.sum_rest, sumScoreRest: c.sum_score_rest })),
      values: rows.values.map((v) => ({ questionKey: v.question_version_id, slot: v.slot, points: v.points, kind: v.kind, value: v.value, count: v.count })),
      totals: rows.totals.filter((t) => !t.pending).map((t) => ({ total: t.total, maxTotal: t.max_total, count: t.count })),
    };
    const excludedPending = rows.totals.filter((t) => t.pending).reduce((acc, t) => acc + t.count, 0);
    return this.dto(db, setId, version, excludedPending, setStatisticsFromSums(sums), itemStatisticsFromSums(sums), rows.breakdown);
  }

  /**
   * The same figures computed from every attempt (the computation the sums replace): the oracle the
   * tests and the bench compare the sums with. Not used by any endpoint.
   */
  async fromScratch(db: EntityManager, versionId: string, setId: string, version: number): Promise<SetVersionStatisticsDto> {
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
    const tally = new Map<string, StatisticsSumsRows['breakdown'][number]>();
    for (const r of await this.repo.statisticsResponses(db, versionId)) {
      for (const cell of breakdownCells(r.answer_key, r.response)) {
        const id = `${r.version_id}|${cell.kind}|${cell.key}`;
        const row = tally.get(id) ?? { question_version_id: r.version_id, kind: cell.kind, key: cell.key, count: 0 };
        row.count += 1;
        tally.set(id, row);
      }
    }
    const breakdown = [...tally.values()];
    return this.dto(db, setId, version, pending.size, setStatistics(input), itemStatistics(input), breakdown);
  }

  private async dto(
    db: EntityManager,
    setId: string,
    version: number,
    excludedPending: number,
    set: SetVersionStatisticsDto['set'],
    items: ItemStatistics[],
    breakdown: StatisticsSumsRows['breakdown'],
  ): Promise<SetVersionStatisticsDto> {
    const meta = items.length ? await this.repo.questionVersionFacts(db, items.map((i) => i.key)) : [];
    return {
      setId,
      version,
      excludedPending,
      set,
      items: items.map((i) => {
        const m = meta.find((x) => x.id === i.key);
        return {
          ...i,
          questionId: m?.question_id ?? '',
          title: m?.title ?? '',
          topic: m?.topic_id ?? '',
          type: m?.type ?? '',
          breakdown: m ? itemBreakdown(m, i.attempts, breakdown.filter((b) => b.question_version_id === i.key)) : [],
        };
      }),
    };
  }
}

/**
 * One row per option (single, multi: how many chose it), per left item (matching: how many paired it
 * as the key does) or per key position (ordering: how many had its item in the longest ordered
 * subset, and exactly in place), in the question's own order; empty for the other types.
 */
export function itemBreakdown(question: QuestionFacts, attempts: number, counts: StatisticsSumsRows['breakdown']): ItemBreakdownDto[] {
  const count = (kind: string, key: string): number => counts.find((c) => c.kind === kind && c.key === key)?.count ?? 0;
  const options = question.options ?? [];
  const text = (id: string): string => options.find((o) => o.id === id)?.text ?? id;
  const key = question.answer_key;
  if (key.type === 'single' || key.type === 'multi') {
    const correct = key.type === 'single' ? [key.correct] : key.correct;
    return options.map((o) => ({ id: o.id, label: o.text, match: null, correct: correct.includes(o.id), count: count('option', o.id), exact: null, of: attempts }));
  }
  if (key.type === 'matching') {
    return key.pairs.map((p) => ({ id: p.left, label: text(p.left), match: text(p.right), correct: true, count: count('pair', p.left), exact: null, of: attempts }));
  }
  if (key.type === 'ordering') {
    return key.order.map((id, position) => ({
      id,
      label: text(id),
      match: null,
      correct: true,
      count: count('in-order', String(position)),
      exact: count('exact', String(position)),
      of: attempts,
    }));
  }
  return [];
}
