import type { PoolCandidate } from '@goprep/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** A question that can be drawn into an attempt: its current version's facts. */
export interface DrawableQuestion extends PoolCandidate {
  versionId: string;
  /** Option ids in authored order (choice questions), for shuffling per attempt. */
  optionIds: string[] | null;
}

export interface DrawableScope {
  /** Also draw from this organization's own questions (otherwise the public bank only). */
  orgId?: string;
  /** Hiring sets leave self-graded flashcards out. */
  excludeFlashcards?: boolean;
}

/** The current version of every non-retired question in scope (quick and mock attempts, question-set pools). */
export async function loadDrawableQuestions(db: EntityManager | DataSource, scope: DrawableScope = {}): Promise<DrawableQuestion[]> {
  const params: string[] = [];
  const conditions = ['q.retired_at IS NULL'];
  if (scope.orgId === undefined) conditions.push('q.organization_id IS NULL');
  else {
    params.push(scope.orgId);
    conditions.push(`(q.organization_id IS NULL OR q.organization_id = $${params.length})`);
  }
  if (scope.excludeFlashcards) conditions.push(`v.type <> 'flashcard'`);
  const rows: Array<{
    id: string;
    version_id: string;
    topic_id: string;
    type: string;
    difficulty: number;
    tags: string[];
    expected_seconds: number;
    option_ids: string[] | null;
  }> = await db.query(
    `SELECT q.id, v.id AS version_id, v.topic_id, v.type, v.difficulty, v.tags, v.expected_seconds,
            (SELECT array_agg(o->>'id' ORDER BY n) FROM jsonb_array_elements(v.options) WITH ORDINALITY AS e(o, n)) AS option_ids
       FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
      WHERE ${conditions.join(' AND ')}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    versionId: r.version_id,
    topic: r.topic_id,
    type: r.type,
    difficulty: r.difficulty,
    tags: r.tags,
    expectedSeconds: r.expected_seconds,
    optionIds: r.option_ids,
  }));
}
