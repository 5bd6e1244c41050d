import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { pageFromRows, type Page } from '../../common/http/paging';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { OrganizationsService } from '../organizations/organizations.service';
import type { QuestionDeliveryDto } from '../questions/dto/question.dto';
import type { QuestionVersionEntity } from '../questions/question.entities';
import { versionRow } from '../questions/question-version-row';
import { mapDelivery } from '../questions/questions.service';
import type { OrgQuestionDto, OrgQuestionInputDto, OrgQuestionSummaryDto } from './dto/org-question.dto';
import { mapOrgQuestion, mapOrgQuestionSummary } from './dto/org-question.mapper';
import { baseIdFromTitle, firstFreeId, validateOrgQuestion, type OrgQuestionInput } from './org-question-input';
import { OrgQuestionsRepository, type OrgQuestionRow } from './org-questions.repository';

/**
 * An organization's private questions: the same types and rules as the bank, stored beside it in
 * `questions` (with organization_id) and `question_versions`, never shown by the public bank
 * endpoints. Every call first proves membership, so an outsider gets the same 404 for every route.
 */
@Injectable()
export class OrgQuestionsService {
  constructor(
    private readonly repo: OrgQuestionsRepository,
    private readonly organizations: OrganizationsService,
  ) {}

  async list(userId: string, orgId: string, window: { limit: number; offset: number }): Promise<Page<OrgQuestionSummaryDto>> {
    await this.organizations.requireMembership(userId, orgId);
    return pageFromRows(await this.repo.listCurrent(orgId, window), window, mapOrgQuestionSummary, () => this.repo.countCurrent(orgId));
  }

  async get(userId: string, orgId: string, id: string): Promise<OrgQuestionDto> {
    await this.organizations.requireMembership(userId, orgId);
    return this.repo.transaction(async (tx) => {
      const question = await this.findQuestion(tx, orgId, id, false);
      return mapOrgQuestion(question, await this.repo.currentVersion(tx, question));
    });
  }

  async create(userId: string, orgId: string, input: OrgQuestionInputDto): Promise<OrgQuestionDto> {
    await this.organizations.requireMembership(userId, orgId);
    const base = baseIdFromTitle(typeof input.title === 'string' ? input.title : '');
    const validated = this.validate(input, base);
    return this.repo.transaction(async (tx) => {
      await this.requireTopic(tx, validated.question.topic);
      // Ids are global (the bank shares the table): take the first free `org-<slug>[-n]`. A
      // concurrent insert of the same id makes ON CONFLICT skip ours, and we try the next one.
      for (;;) {
        const id = firstFreeId(base, await this.repo.takenIds(tx, base));
        if (!(await this.repo.insertQuestion(tx, id, validated.question.topic, orgId))) continue;
        // The id is part of the hashed content, so the model is rebuilt with the final id.
        const final = id === base ? validated : this.validate(input, id);
        await this.repo.insertVersion(tx, versionRow(final.question, 1, final.verification));
        const question = await this.findQuestion(tx, orgId, id, false);
        return mapOrgQuestion(question, await this.repo.currentVersion(tx, question));
      }
    });
  }

  /**
   * What a candidate would be shown for this input, without storing anything: the same validation
   * as create, then the delivery view (never the key: ordering items and matching choices shuffled).
   */
  async preview(userId: string, orgId: string, input: OrgQuestionInputDto): Promise<QuestionDeliveryDto> {
    await this.organizations.requireMembership(userId, orgId);
    const validated = this.validate(input, baseIdFromTitle(typeof input.title === 'string' ? input.title : ''));
    return mapDelivery(versionRow(validated.question, 0, validated.verification) as QuestionVersionEntity);
  }

  /** An edit is a new immutable version; sending the same content again changes nothing. */
  async update(userId: string, orgId: string, id: string, input: OrgQuestionInputDto): Promise<OrgQuestionDto> {
    await this.organizations.requireMembership(userId, orgId);
    return this.repo.transaction(async (tx) => {
      const question = await this.findQuestion(tx, orgId, id, true);
      const current = await this.repo.currentVersion(tx, question);
      const validated = this.validate(input, question.id);
      if (validated.question.contentHash === current.contentHash) return mapOrgQuestion(question, current);
      await this.requireTopic(tx, validated.question.topic);
      const next = question.current_version + 1;
      await this.repo.insertVersion(tx, versionRow(validated.question, next, validated.verification));
      await this.repo.setCurrentVersion(tx, question.id, next, validated.question.topic);
      const updated = await this.findQuestion(tx, orgId, id, false);
      return mapOrgQuestion(updated, await this.repo.currentVersion(tx, updated));
    });
  }

  /** Retired, never deleted: attempts and sets keep pointing at its versions. */
  async retire(userId: string, orgId: string, id: string): Promise<void> {
    await this.organizations.requireMembership(userId, orgId);
    if (!(await this.repo.retire(id, orgId))) throw notFound(id);
  }

  private validate(input: OrgQuestionInputDto, id: string) {
    const result = validateOrgQuestion({ ...input } as OrgQuestionInput, id);
    if (!result.ok) throw new AppError(ErrorCode.VALIDATION_FAILED, 'The question has invalid fields.', result.fields);
    return result;
  }

  private async findQuestion(tx: EntityManager, orgId: string, id: string, lock: boolean): Promise<OrgQuestionRow> {
    const row = await this.repo.findQuestion(tx, orgId, id, lock);
    if (!row) throw notFound(id);
    return row;
  }

  /** Topics come from the bank; a database the bank was never loaded into has none yet. */
  private async requireTopic(tx: EntityManager, topic: string): Promise<void> {
    if (!(await this.repo.topicExists(tx, topic))) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'The question has invalid fields.', [
        { field: 'topic', message: 'this topic is not loaded on this server yet' },
      ]);
    }
  }
}

function notFound(id: string): AppError {
  return new AppError(ErrorCode.ORG_QUESTION_NOT_FOUND, `No question with id "${id.slice(0, 80)}" in this organization.`);
}
