import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { aggregateResult, grade, itemPoints, type AttemptResult, type Closing, type GradedItem } from '@goprep/domain';
import { JudgeService } from '../judge/judge.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import type { AttemptRow } from './attempt-rows';
import { AttemptsRepository } from './attempts.repository';

/**
 * Closes an open attempt: grades it (submit) or marks it abandoned, in the caller's transaction,
 * which must hold the attempt row FOR UPDATE. Used by submit and by the sweep, so both close an
 * attempt the same way.
 */
@Injectable()
export class AttemptFinalizer {
  constructor(
    private readonly repo: AttemptsRepository,
    private readonly judge: JudgeService,
    private readonly webhooks: WebhooksService,
  ) {}

  async close(tx: EntityManager, attempt: AttemptRow, closing: Closing, now: Date): Promise<AttemptResult | null> {
    if (closing.action === 'abandon') {
      await this.repo.markAbandoned(tx, attempt.id, closing.finishedAt);
      return null;
    }
    const rows = await this.repo.gradingItems(tx, attempt.id);
    const graded = rows.map((row) => {
      const g = grade(row.answer_key, row.response ?? undefined);
      const item: GradedItem = { topic: row.topic_id, difficulty: row.difficulty, points: Number(row.points), score: g.score, status: g.status };
      return { position: row.position, item };
    });
    // One statement for every item: unanswered items get an answer row too, so review is one join.
    await this.repo.storeGrades(
      tx,
      attempt.id,
      { positions: graded.map((g) => g.position), scores: graded.map((g) => itemPoints(g.item)), statuses: graded.map((g) => g.item.status) },
      now,
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
    await this.repo.markSubmitted(tx, attempt.id, now, closing.finishedAt, result);
    if (attempt.invite_id) {
      await this.webhooks.emitAttemptClosed(tx, {
        id: attempt.id,
        inviteId: attempt.invite_id,
        submittedAt: now,
        finishedAt: closing.finishedAt,
        score: result.score,
        maxScore: result.maxScore,
        pendingItems: result.pending,
      });
    }
    return result;
  }
}
