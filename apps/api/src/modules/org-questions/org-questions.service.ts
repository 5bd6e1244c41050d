import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { OrganizationsService } from '../organizations/organizations.service';
import { QuestionVersionEntity, type QuestionVerification } from '../questions/question.entities';
import { versionRow } from '../questions/question-version-row';
import { mapPreview } from '../questions/questions.service';
import type { OrgQuestionDto, OrgQuestionInputDto, OrgQuestionSummaryDto } from './dto/org-question.dto';
import { baseIdFromTitle, firstFreeId, toInput, validateOrgQuestion, type OrgQuestionInput } from './org-question-input';

interface QuestionRow {
  id: string;
  organization_id: string;
  current_version: number;
  created_at: Date;
  updated_at: Date;
}

export function mapOrgQuestion(q: QuestionRow, v: QuestionVersionEntity): OrgQuestionDto {
  return {
    ...mapPreview(v),
    organizationId: q.organization_id,
    createdAt: q.created_at.toISOString(),
    updatedAt: q.updated_at.toISOString(),
    source: toInput(v) as unknown as OrgQuestionInputDto,
  };
}

/**
 * An organization's private questions: the same types and rules as the bank, stored beside it in
 * `questions` (with organization_id) and `question_versions`, never shown by the public bank
 * endpoints. Every call first proves membership, so an outsider gets the same 404 for every route.
 */
@Injectable()
export class OrgQuestionsService {
  constructor(
    private readonly db: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  async list(userId: string, orgId: string): Promise<OrgQuestionSummaryDto[]> {
    await this.organizations.requireMembership(userId, orgId);
    const rows: Array<{
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
    }> = await this.db.query(
      `SELECT q.id, v.version, v.title, v.topic_id, v.type, v.difficulty, v.tags, (v.code IS NOT NULL) AS has_code,
              v.verification, q.updated_at
         FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.organization_id = $1 AND q.retired_at IS NULL
        ORDER BY q.updated_at DESC, q.id`,
      [orgId],
    );
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      title: r.title,
      topic: r.topic_id,
      type: r.type,
      difficulty: r.difficulty,
      tags: r.tags,
      hasCode: r.has_code,
      verification: r.verification,
      updatedAt: r.updated_at.toISOString(),
    }));
  }

  async get(userId: string, orgId: string, id: string): Promise<OrgQuestionDto> {
    await this.organizations.requireMembership(userId, orgId);
    return this.db.transaction(async (tx) => {
      const question = await this.findQuestion(tx, orgId, id, false);
      return mapOrgQuestion(question, await this.version(tx, question));
    });
  }

  async create(userId: string, orgId: string, input: OrgQuestionInputDto): Promise<OrgQuestionDto> {
    await this.organizations.requireMembership(userId, orgId);
    const base = baseIdFromTitle(typeof input.title === 'string' ? input.title : '');
    const validated = this.validate(input, base);
    return this.db.transaction(async (tx) => {
      await this.requireTopic(tx, validated.question.topic);
      // Ids are global (the bank shares the table): take the first free `org-<slug>[-n]`. A
      // concurrent insert of the same id makes ON CONFLICT skip ours, and we try the next one.
      for (;;) {
        const taken: Array<{ id: string }> = await tx.query(`SELECT id FROM questions WHERE id = $1 OR id LIKE $2`, [
          base,
          `${base.replace(/[%_\\]/g, '\\$&')}-%`,
        ]);
        const id = firstFreeId(base, new Set(taken.map((r) => r.id)));
        const inserted: Array<{ id: string }> = await tx.query(
          `WITH ins AS (INSERT INTO questions (id, topic_id, organization_id, current_version)
                        VALUES ($1, $2, $3, 1) ON CONFLICT (id) DO NOTHING RETURNING id)
           SELECT id FROM ins`,
          [id, validated.question.topic, orgId],
        );
        if (inserted.length === 0) continue;
        // The id is part of the hashed content, so the model is rebuilt with the final id.
        const final = id === base ? validated : this.validate(input, id);
        await tx.insert(QuestionVersionEntity, versionRow(final.question, 1, final.verification));
        const question = await this.findQuestion(tx, orgId, id, false);
        return mapOrgQuestion(question, await this.version(tx, question));
      }
    });
  }

  /** An edit is a new immutable version; sending the same content again changes nothing. */
  async update(userId: string, orgId: string, id: string, input: OrgQuestionInputDto): Promise<OrgQuestionDto> {
    await this.organizations.requireMembership(userId, orgId);
    return this.db.transaction(async (tx) => {
      const question = await this.findQuestion(tx, orgId, id, true);
      const current = await this.version(tx, question);
      const validated = this.validate(input, question.id);
      if (validated.question.contentHash === current.contentHash) return mapOrgQuestion(question, current);
      await this.requireTopic(tx, validated.question.topic);
      const next = question.current_version + 1;
      await tx.insert(QuestionVersionEntity, versionRow(validated.question, next, validated.verification));
      await tx.query(`UPDATE questions SET current_version = $2, topic_id = $3, updated_at = now() WHERE id = $1`, [
        question.id,
        next,
        validated.question.topic,
      ]);
      const updated = await this.findQuestion(tx, orgId, id, false);
      return mapOrgQuestion(updated, await this.version(tx, updated));
    });
  }

  /** Retired, never deleted: attempts and sets keep pointing at its versions. */
  async retire(userId: string, orgId: string, id: string): Promise<void> {
    await this.organizations.requireMembership(userId, orgId);
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH r AS (UPDATE questions SET retired_at = now(), updated_at = now()
                   WHERE id = $1 AND organization_id = $2 AND retired_at IS NULL RETURNING id)
       SELECT id FROM r`,
      [id, orgId],
    );
    if (rows.length === 0) throw notFound(id);
  }

  private validate(input: OrgQuestionInputDto, id: string) {
    const result = validateOrgQuestion({ ...input } as OrgQuestionInput, id);
    if (!result.ok) throw new AppError(ErrorCode.VALIDATION_FAILED, 'The question has invalid fields.', result.fields);
    return result;
  }

  private async findQuestion(tx: EntityManager, orgId: string, id: string, lock: boolean): Promise<QuestionRow> {
    const rows: QuestionRow[] = await tx.query(
      `SELECT id, organization_id, current_version, created_at, updated_at FROM questions
        WHERE id = $1 AND organization_id = $2 AND retired_at IS NULL${lock ? ' FOR UPDATE' : ''}`,
      [id, orgId],
    );
    const row = rows[0];
    if (!row) throw notFound(id);
    return row;
  }

  private version(tx: EntityManager, q: QuestionRow): Promise<QuestionVersionEntity> {
    return tx.findOneByOrFail(QuestionVersionEntity, { questionId: q.id, version: q.current_version });
  }

  /** Topics come from the bank; a database the bank was never loaded into has none yet. */
  private async requireTopic(tx: EntityManager, topic: string): Promise<void> {
    const rows: unknown[] = await tx.query('SELECT 1 FROM topics WHERE id = $1', [topic]);
    if (rows.length === 0) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'The question has invalid fields.', [
        { field: 'topic', message: 'this topic is not loaded on this server yet' },
      ]);
    }
  }
}

function notFound(id: string): AppError {
  return new AppError(ErrorCode.ORG_QUESTION_NOT_FOUND, `No question with id "${id.slice(0, 80)}" in this organization.`);
}
