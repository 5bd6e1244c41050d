import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { aggregateResult, grade, itemPoints, type AttemptResult, type Closing, type GradedItem, type QuestionResponse } from '@goprep/domain';
import { GRADING_COLUMNS_SQL, gradingKey, type GradingColumns } from '../questions/translated-text';
import { JudgeService } from '../judge/judge.service';
import { ITEMS_WITH_ANSWERS, type AttemptRow } from './attempt-rows';

interface GradingRow extends GradingColumns {
  position: number;
  question_version_id: string;
  points: string;
  topic_id: string;
  difficulty: number;
  response: QuestionResponse | null;
}

/**
 * Closes an open attempt: grades it (submit) or marks it abandoned, in the caller's transaction,
 * which must hold the attempt row FOR UPDATE. Used by submit and by the sweep, so both close an
 * attempt the same way.
 */
@Injectable()
export class AttemptFinalizer {
  constructor(private readonly judge: JudgeService) {}

  async close(tx: EntityManager, attempt: AttemptRow, closing: Closing, now: Date): Promise<AttemptResult | null> {
    if (closing.action === 'abandon') {
      await tx.query(`UPDATE attempts SET state = 'abandoned', finished_at = $2 WHERE id = $1 AND state = 'in_progress'`, [
        attempt.id,
        closing.finishedAt,
      ]);
      return null;
    }
    const rows: GradingRow[] = await tx.query(
      `SELECT i.position, i.question_version_id, i.points, v.topic_id, v.difficulty, ${GRADING_COLUMNS_SQL}, an.response
         FROM ${ITEMS_WITH_ANSWERS}
        WHERE i.attempt_id = $1
        ORDER BY i.position`,
      [attempt.id],
    );
    const graded = rows.map((row) => {
      const g = grade(gradingKey(row), row.response ?? undefined);
      const item: GradedItem = { topic: row.topic_id, difficulty: row.difficulty, points: Number(row.points), score: g.score, status: g.status };
      return { position: row.position, item };
    });
    // One statement for every item: unanswered items get an answer row too, so review is one join.
    await tx.query(
      `INSERT INTO answers (attempt_id, position, response, revision, saved_at, score, status)
       SELECT $1, t.position, NULL, 0, $5, t.score, t.status
         FROM unnest($2::int[], $3::numeric[], $4::text[]) AS t(position, score, status)
       ON CONFLICT (attempt_id, position) DO UPDATE SET score = EXCLUDED.score, status = EXCLUDED.status`,
      [attempt.id, graded.map((g) => g.position), graded.map((g) => itemPoints(g.item)), graded.map((g) => g.item.status), now],
    );
    // Code tasks stay pending until the runner judges the last saved code with the hidden tests
    // (JudgeGradingService applies the verdict); the run is queued with this transaction.
    for (const row of rows) {
      const pending = graded.find((g) => g.position === row.position)?.item.status === 'pending';
      if (row.answer_key.type !== 'code-task' || !pending || row.response?.type !== 'code-task') continue;
      await this.judge.enqueueHiddenRun(tx, {
        userId: attempt.user_id,
        attemptId: attempt.id,
        position: row.position,
        questionVersionId: row.question_version_id,
        files: row.response.files,
      });
    }
    const result = aggregateResult(
      graded.map((g) => g.item),
      attempt.started_at,
      closing.finishedAt,
    );
    await tx.query(
      `UPDATE attempts SET state = 'submitted', submitted_at = $2, finished_at = $3, score = $4, max_score = $5, result = $6
        WHERE id = $1 AND state = 'in_progress'`,
      [attempt.id, now, closing.finishedAt, result.score, result.maxScore, JSON.stringify(result)],
    );
    return result;
  }
}
