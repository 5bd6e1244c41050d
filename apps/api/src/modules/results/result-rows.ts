import { topicBreakdown, type AttemptResult, type GradeStatus } from '@goprep/domain';
import type { ResultTopicDto } from './dto/results.dto';

/** The per-topic breakdown of a stored result, as the results table and the report show it. */
export function topicsOf(result: Pick<AttemptResult, 'byTopic'> | null): ResultTopicDto[] {
  if (!result) return [];
  const items = new Map(result.byTopic.map((t) => [t.topic, t.items]));
  return topicBreakdown(result.byTopic.map((t) => ({ topic: t.topic, score: t.score, max: t.maxScore }))).map((t) => ({
    ...t,
    // topicBreakdown counts its input rows (one per topic here); the result knows the item count.
    items: items.get(t.topic) ?? t.items,
  }));
}

/** The status a hand-given score means for an item worth `points`. */
export function gradeStatus(score: number, points: number): GradeStatus {
  if (score >= points) return 'correct';
  return score <= 0 ? 'incorrect' : 'partial';
}
