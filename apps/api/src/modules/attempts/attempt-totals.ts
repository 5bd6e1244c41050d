import type { EntityManager } from 'typeorm';
import { aggregateResult, type GradeStatus } from '@goprep/domain';
import { ITEMS_WITH_ANSWERS } from './attempt-rows';

/**
 * Recomputes a closed attempt's totals from its answers after one item's score changed (a manual
 * grade, a judge's verdict), inside the caller's transaction, and marks the statistics snapshot of
 * its set version stale (bumping the generation, so a computation running meanwhile is not stored).
 */
export async function retotalAttempt(tx: EntityManager, attempt: { id: string; started_at: Date; finished_at: Date }): Promise<void> {
  const rows: Array<{ points: string; topic_id: string; difficulty: number; score: string | null; status: GradeStatus | null }> = await tx.query(
    `SELECT i.points, v.topic_id, v.difficulty, an.score, an.status FROM ${ITEMS_WITH_ANSWERS}
      WHERE i.attempt_id = $1 ORDER BY i.position`,
    [attempt.id],
  );
  const result = aggregateResult(
    rows.map((r) => ({
      topic: r.topic_id,
      difficulty: r.difficulty,
      points: Number(r.points),
      score: r.score === null ? null : Number(r.score) / Number(r.points),
      status: r.status ?? 'unanswered',
    })),
    attempt.started_at,
    attempt.finished_at,
  );
  await tx.query(`UPDATE attempts SET score = $2, max_score = $3, result = $4 WHERE id = $1`, [attempt.id, result.score, result.maxScore, JSON.stringify(result)]);
  await tx.query(
    `INSERT INTO set_version_statistics (set_version_id, fingerprint, generation, statistics)
     SELECT set_version_id, NULL, 1, 'null'::jsonb FROM attempts WHERE id = $1 AND set_version_id IS NOT NULL
     ON CONFLICT (set_version_id) DO UPDATE SET fingerprint = NULL, generation = set_version_statistics.generation + 1`,
    [attempt.id],
  );
}
