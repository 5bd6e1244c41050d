import { Injectable } from '@nestjs/common';
import { reviewAccess, type AttemptResult } from '@goprep/domain';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import type { ContentLocale } from '../../common/i18n/content-locale';
import type { AttemptOwner, AttemptRow } from './attempt-rows';
import { mapReviewItem, mapSummary } from './attempt.mappers';
import type { ReviewJudgeDto } from '../judge/dto/judge.dto';
import { JudgeService } from '../judge/judge.service';
import { AttemptsRepository } from './attempts.repository';
import { AttemptHistoryDto, AttemptReviewDto, AttemptSummaryDto, TopicTrendDto } from './dto/attempt.dto';

const HISTORY_LIMIT = 100;

/** Per item of a submitted attempt: how it went, without the key (the `correctness` review). */
export interface ItemOutcome {
  position: number;
  questionId: string;
  title: string;
  topic: string;
  type: string;
  points: number;
  score: number | null;
  status: string;
}

/**
 * After the attempt: its review (as far as its review policy allows), per-item outcomes, the
 * questions it drew (for the drills deck) and a learner's history with per-topic trends.
 */
@Injectable()
export class AttemptReviewService {
  constructor(
    private readonly repo: AttemptsRepository,
    private readonly judge: JudgeService,
  ) {}

  /** The attempt of this owner, or 404 for anyone else: others cannot learn that it exists. */
  private async attempt(owner: AttemptOwner, id: string): Promise<AttemptRow> {
    const row = await this.repo.attempt(owner, id);
    if (!row) throw new AppError(ErrorCode.ATTEMPT_NOT_FOUND, 'No attempt with that id.');
    return row;
  }

  async review(owner: AttemptOwner, id: string, contentLocale?: ContentLocale): Promise<AttemptReviewDto> {
    const attempt = await this.attempt(owner, id);
    if (attempt.state !== 'submitted') {
      throw new AppError(ErrorCode.ATTEMPT_NOT_SUBMITTED, 'The review opens once the attempt is submitted.');
    }
    if (!reviewAccess(attempt.review_policy, attempt.state).keys) {
      throw new AppError(ErrorCode.REVIEW_NOT_ALLOWED, 'The review policy of this attempt does not show answers.');
    }
    const locale = contentLocale ?? attempt.content_locale;
    const items = await this.repo.reviewItems(id, locale);
    // Code tasks: the final verdicts and the hidden tests (the policy shows keys); the reference
    // solution only in a learner's own review, never to a candidate.
    const judged = items.some((item) => item.type === 'code-task')
      ? await this.judge.reviewDetails(id, { hiddenTests: true, solution: owner.kind === 'learner' })
      : new Map<number, ReviewJudgeDto>();
    return {
      attempt: mapSummary(attempt),
      items: items.map((item) => {
        const reviewed = mapReviewItem(item, locale);
        const judge = judged.get(item.position);
        return item.type === 'code-task' && judge ? { ...reviewed, judge } : reviewed;
      }),
    };
  }

  /** Per-item outcome without keys, when the attempt's review policy shows correctness. */
  async outcomes(owner: AttemptOwner, id: string): Promise<{ attempt: AttemptSummaryDto; items: ItemOutcome[] }> {
    const attempt = await this.attempt(owner, id);
    if (attempt.state !== 'submitted') {
      throw new AppError(ErrorCode.ATTEMPT_NOT_SUBMITTED, 'The review opens once the attempt is submitted.');
    }
    if (!reviewAccess(attempt.review_policy, attempt.state).correctness) {
      throw new AppError(ErrorCode.REVIEW_NOT_ALLOWED, 'The review policy of this attempt does not show which answers were right.');
    }
    const rows = await this.repo.outcomes(id);
    return {
      attempt: mapSummary(attempt),
      items: rows.map((r) => ({
        position: r.position,
        questionId: r.question_id,
        title: r.title,
        topic: r.topic_id,
        type: r.type,
        points: Number(r.points),
        score: r.score === null ? null : Number(r.score),
        status: r.status ?? 'unanswered',
      })),
    };
  }

  /**
   * The questions of a submitted attempt of this user, for the drills deck: with `onlyMissed`, the
   * items that were not fully correct (as its review marks them).
   */
  async questionIdsOf(owner: AttemptOwner, id: string, onlyMissed: boolean): Promise<string[]> {
    const attempt = await this.attempt(owner, id);
    if (attempt.state !== 'submitted') {
      throw new AppError(ErrorCode.ATTEMPT_NOT_SUBMITTED, 'Questions can be taken from an attempt once it is submitted.');
    }
    if (onlyMissed && !reviewAccess(attempt.review_policy, attempt.state).keys) {
      throw new AppError(ErrorCode.REVIEW_NOT_ALLOWED, 'The review policy of this attempt does not show which answers were wrong.');
    }
    return this.repo.questionIds(id, onlyMissed);
  }

  async history(userId: string): Promise<AttemptHistoryDto> {
    const rows = await this.repo.history(userId, HISTORY_LIMIT);
    return { attempts: rows.map(mapSummary), topicTrend: topicTrend(rows) };
  }
}

/** Per topic, the score of each scored attempt, oldest first. */
function topicTrend(rows: readonly AttemptRow[]): TopicTrendDto[] {
  const byTopic = new Map<string, TopicTrendDto>();
  const scored = rows
    .filter((r): r is AttemptRow & { result: AttemptResult; finished_at: Date } => {
      return r.result !== null && r.finished_at !== null && reviewAccess(r.review_policy, r.state).score;
    })
    .sort((a, b) => a.finished_at.getTime() - b.finished_at.getTime());
  for (const row of scored) {
    for (const t of row.result.byTopic) {
      const trend = byTopic.get(t.topic) ?? { topic: t.topic, points: [] };
      trend.points.push({ attemptId: row.id, finishedAt: row.finished_at.toISOString(), score: t.score, maxScore: t.maxScore, percent: t.percent });
      byTopic.set(t.topic, trend);
    }
  }
  return [...byTopic.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}
