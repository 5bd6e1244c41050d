import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { QuestionVersionEntity, type QuestionVerification } from '../questions/question.entities';
import type { VersionRow } from '../questions/question-version-row';

/** An organization's question row (the version lives in question_versions). */
export interface OrgQuestionRow {
  id: string;
  organization_id: string;
  current_version: number;
  created_at: Date;
  updated_at: Date;
}

/** The list view: a question with its current version's facts. */
export interface OrgQuestionSummaryRow {
  id: string;
  version: number;
  title: string;
  topic_id: string;
  type: string;
  difficulty: number;
  tags: string[];
  has_code: boolean;
  verification: QuestionVerification;
  updated_at: Date;
}

/** The SQL of an organization's private questions (rows in `questions` with organization_id set). */
@Injectable()
export class OrgQuestionsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** One page of the organization's current questions, newest change first, each row with the list's size. */
  listCurrent(orgId: string, page: { limit: number; offset: number }): Promise<Array<OrgQuestionSummaryRow & { total_rows: number }>> {
    return this.db.query(
      `SELECT q.id, v.version, v.title, v.topic_id, v.type, v.difficulty, v.tags, (v.code IS NOT NULL) AS has_code,
              v.verification, q.updated_at, count(*) OVER ()::int AS total_rows
         FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.organization_id = $1 AND q.retired_at IS NULL
        ORDER BY q.updated_at DESC, q.id
        LIMIT $2 OFFSET $3`,
      [orgId, page.limit, page.offset],
    );
  }

  async countCurrent(orgId: string): Promise<number> {
    const [row] = (await this.db.query(`SELECT count(*)::int AS n FROM questions WHERE organization_id = $1 AND retired_at IS NULL`, [orgId])) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  /** Ids taken by `base` or `base-<anything>` (ids are global: the bank shares the table). */
  async takenIds(tx: EntityManager, base: string): Promise<Set<string>> {
    const taken: Array<{ id: string }> = await tx.query(`SELECT id FROM questions WHERE id = $1 OR id LIKE $2`, [
      base,
      `${base.replace(/[%_\\]/g, '\\$&')}-%`,
    ]);
    return new Set(taken.map((r) => r.id));
  }

  /** Inserts the question at version 1; false when a concurrent insert took the id first. */
  async insertQuestion(tx: EntityManager, id: string, topic: string, orgId: string): Promise<boolean> {
    const inserted: Array<{ id: string }> = await tx.query(
      `WITH ins AS (INSERT INTO questions (id, topic_id, organization_id, current_version)
                    VALUES ($1, $2, $3, 1) ON CONFLICT (id) DO NOTHING RETURNING id)
       SELECT id FROM ins`,
      [id, topic, orgId],
    );
    return inserted.length > 0;
  }

  async insertVersion(tx: EntityManager, row: VersionRow): Promise<void> {
    await tx.insert(QuestionVersionEntity, row);
  }

  async setCurrentVersion(tx: EntityManager, id: string, version: number, topic: string): Promise<void> {
    await tx.query(`UPDATE questions SET current_version = $2, topic_id = $3, updated_at = now() WHERE id = $1`, [id, version, topic]);
  }

  /** Retires a live question of the organization; false when there was none. */
  async retire(id: string, orgId: string): Promise<boolean> {
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH r AS (UPDATE questions SET retired_at = now(), updated_at = now()
                   WHERE id = $1 AND organization_id = $2 AND retired_at IS NULL RETURNING id)
       SELECT id FROM r`,
      [id, orgId],
    );
    return rows.length > 0;
  }

  async findQuestion(tx: EntityManager, orgId: string, id: string, lock: boolean): Promise<OrgQuestionRow | null> {
    const rows: OrgQuestionRow[] = await tx.query(
      `SELECT id, organization_id, current_version, created_at, updated_at FROM questions
        WHERE id = $1 AND organization_id = $2 AND retired_at IS NULL${lock ? ' FOR UPDATE' : ''}`,
      [id, orgId],
    );
    return rows[0] ?? null;
  }

  currentVersion(tx: EntityManager, q: OrgQuestionRow): Promise<QuestionVersionEntity> {
    return tx.findOneByOrFail(QuestionVersionEntity, { questionId: q.id, version: q.current_version });
  }

  async topicExists(tx: EntityManager, topic: string): Promise<boolean> {
    const rows: unknown[] = await tx.query('SELECT 1 FROM topics WHERE id = $1', [topic]);
    return rows.length > 0;
  }
}
