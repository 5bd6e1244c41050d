import { Injectable } from '@nestjs/common';
import { countDueToday, DAY_MS, localDayNumber, localDayStart, reviewStreak } from '@goprep/domain';
import { cardFrom, dayString, mapOptimization } from './drill-rows';
import { DrillsClock } from './drills-clock';
import { DrillsRepository } from './drills.repository';
import { DrillOptimizationDto, DrillStatsDto, LapseHeavyListDto, LapseHeavyQueryDto, TopicRetentionDto } from './dto/drills.dto';

const STATS_DAYS = 30;

/** A learner's drill statistics (reviews per day, retention, forecast, streak) and the admins' lapse-heavy list. */
@Injectable()
export class DrillStatsService {
  constructor(
    private readonly repo: DrillsRepository,
    private readonly clock: DrillsClock,
  ) {}

  async stats(userId: string): Promise<DrillStatsDto> {
    const now = this.clock.now();
    const { settings, weights } = await this.repo.settings(userId);
    const today = localDayNumber(now, settings);
    const from = localDayStart(dayString(today - STATS_DAYS + 1), settings);
    const reviews = await this.repo.reviewsBetween(userId, from, now);
    const cards = await this.repo.cardsWithTopic(userId);
    // The streak looks at every day, not only the last 30: each review keeps the local day it was made on.
    const reviewDays = await this.repo.reviewDays(userId, now);
    const optimization = await this.latestOptimization(userId);
    const perDay = new Map<number, { count: number; again: number }>();
    const topics = new Map<string, TopicRetentionDto>();
    const topicOf = (topic: string): TopicRetentionDto => {
      let t = topics.get(topic);
      if (!t) topics.set(topic, (t = { topic, cards: 0, reviews: 0, trueRetention: null }));
      return t;
    };
    const passed = new Map<string, number>();
    let matureReviews = 0;
    let matureRecalled = 0;
    for (const r of reviews) {
      const day = localDayNumber(r.reviewed_at, settings);
      const entry = perDay.get(day) ?? { count: 0, again: 0 };
      entry.count += 1;
      if (r.rating === 'again') entry.again += 1;
      perDay.set(day, entry);
      // True retention counts reviews of cards that had graduated: learning steps say nothing about memory.
      if (r.before_state !== 'review') continue;
      matureReviews += 1;
      const recalled = r.rating !== 'again' ? 1 : 0;
      matureRecalled += recalled;
      topicOf(r.topic_id).reviews += 1;
      passed.set(r.topic_id, (passed.get(r.topic_id) ?? 0) + recalled);
    }
    const forecast = new Map<number, number>();
    for (const c of cards) {
      topicOf(c.topic_id).cards += 1;
      if (c.suspended || c.state === 'new') continue;
      const day = Math.max(today, localDayNumber(c.due, settings));
      forecast.set(day, (forecast.get(day) ?? 0) + 1);
    }
    for (const t of topics.values()) t.trueRetention = t.reviews > 0 ? (passed.get(t.topic) ?? 0) / t.reviews : null;
    const days = Array.from({ length: STATS_DAYS }, (_, i) => i);
    return {
      day: dayString(today),
      timezone: settings.timezone,
      // The queue's definition (GET /drills/due counts live cards the same way), not the forecast's
      // today bucket, which also holds learning steps that end later today.
      dueToday: countDueToday(
        cards.filter((c) => c.live).map(cardFrom),
        now,
        settings,
      ),
      streak: reviewStreak(
        reviewDays.map((day) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS)),
        today,
      ),
      suspendedCount: cards.filter((c) => c.suspended).length,
      leechCount: cards.filter((c) => c.leech).length,
      personalWeights: weights !== undefined,
      optimization,
      reviewsPerDay: days.map((i) => {
        const day = today - STATS_DAYS + 1 + i;
        const entry = perDay.get(day);
        return { day: dayString(day), count: entry?.count ?? 0, again: entry?.again ?? 0 };
      }),
      retention: { trueRetention: matureReviews > 0 ? matureRecalled / matureReviews : null, desiredRetention: settings.desiredRetention, reviews: matureReviews },
      forecast: days.map((i) => ({ day: dayString(today + i), count: forecast.get(today + i) ?? 0 })),
      byTopic: [...topics.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0)),
    };
  }

  private async latestOptimization(userId: string): Promise<DrillOptimizationDto | null> {
    const row = await this.repo.latestOptimization(userId);
    return row ? mapOptimization(row) : null;
  }


  /**
   * Questions learners keep forgetting, across all learners: lapses (Again on a graduated card) per
   * review of a graduated card. Learning-step reviews say nothing about a question, so they are left out.
   */
  async lapseHeavy(query: LapseHeavyQueryDto): Promise<LapseHeavyListDto> {
    const minReviews = query.minReviews ?? 5;
    const rows = await this.repo.lapseHeavy(minReviews, query.limit ?? 50);
    return {
      minReviews,
      questions: rows.map((r) => ({
        questionId: r.question_id,
        title: r.title,
        topic: r.topic_id,
        learners: r.learners,
        reviews: r.reviews,
        lapses: r.lapses,
        lapseRate: r.reviews > 0 ? r.lapses / r.reviews : 0,
        leeches: r.leeches,
      })),
    };
  }
}
