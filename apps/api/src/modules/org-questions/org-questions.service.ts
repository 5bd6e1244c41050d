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
import { importQuestions, type TopicId } from '@goprep/question-bank';
import type { FieldError } from '../../common/errors/app-error';
import {
  ORG_IMPORT_MAX_QUESTIONS,
  type OrgQuestionDto,
  type OrgQuestionImportDto,
  type OrgQuestionImportResultDto,
  type OrgQuestionInputDto,
  type OrgQuestionSummaryDto,
} from './dto/org-question.dto';
import { mapOrgQuestion, mapOrgQuestionSummary } from './dto/org-question.mapper';
import { baseIdFromTitle, firstFreeId, inputFromImport, validateOrgQuestion, type OrgQuestionInput, type ValidatedQuestion } from './org-question-input';
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
      const id = await this.insertNew(tx, orgId, input, base, validated);
      const question = await this.findQuestion(tx, orgId, id, false);
      return mapOrgQuestion(question, await this.repo.currentVersion(tx, question));
    });
  }

  /**
   * GIFT or Moodle XML into the organization, all or nothing: a question the importer refuses or
   * cannot express, or one the bank rules refuse, stops the import with its line or index.
   */
  async import(userId: string, orgId: string, body: OrgQuestionImportDto): Promise<OrgQuestionImportResultDto> {
    await this.organizations.requireMembership(userId, orgId);
    const read = importQuestions(body.text, body.format, { ...(body.topic !== undefined ? { topic: body.topic as TopicId } : {}), sourceName: 'text' });
    const blocking = read.problems.filter((p) => p.severity === 'error' || p.effect === 'skipped');
    const at = (line: number | undefined) => (line !== undefined ? `line ${line}: ` : '');
    if (blocking.length > 0) throw invalid(blocking.map((p) => ({ field: 'text', message: `${at(p.line)}${p.message}` })));
    if (read.questions.length === 0) throw invalid([{ field: 'text', message: 'no questions found' }]);
    if (read.questions.length > ORG_IMPORT_MAX_QUESTIONS) throw invalid([{ field: 'text', message: `at most ${ORG_IMPORT_MAX_QUESTIONS} questions per import (found ${read.questions.length})` }]);

    const fields: FieldError[] = [];
    const ready: Array<{ input: OrgQuestionInput; base: string; validated: Extract<ValidatedQuestion, { ok: true }> }> = [];
    read.questions.forEach((question, index) => {
      const named = (message: string) => `"${question.title}": ${message}`;
      const mapped = inputFromImport(question, body.references);
      if ('unsupported' in mapped) {
        fields.push({ field: `questions.${index}`, message: named(mapped.unsupported) });
        return;
      }
      const base = baseIdFromTitle(question.title);
      const validated = validateOrgQuestion(mapped.input, base);
      if (!validated.ok) {
        fields.push(...validated.fields.map((f) => ({ field: `questions.${index}.${f.field}`, message: named(f.message) })));
        return;
      }
      ready.push({ input: mapped.input, base, validated });
    });
    if (fields.length > 0) throw invalid(fields);

    const questions = await this.repo.transaction(async (tx) => {
      const created: OrgQuestionImportResultDto['questions'] = [];
      for (const { input, base, validated } of ready) {
        await this.requireTopic(tx, validated.question.topic);
        const id = await this.insertNew(tx, orgId, input, base, validated);
        created.push({ id, title: validated.question.title, type: validated.question.type, version: 1 });
      }
      return created;
    });
    // The manager gave the references, so the importer's "no references" to-do does not apply here.
    const warnings = read.problems.filter((p) => !blocking.includes(p) && !/: no references;/.test(p.message)).map((p) => ({ ...(p.line !== undefined ? { line: p.line } : {}), message: p.message }));
    return { questions, warnings };
  }

  /**
   * Ids are global (the bank shares the table): takes the first free `org-<slug>[-n]`. A
   * concurrent insert of the same id makes ON CONFLICT skip ours, and we try the next one.
   */
  private async insertNew(tx: EntityManager, orgId: string, input: OrgQuestionInputDto | OrgQuestionInput, base: string, validated: Extract<ValidatedQuestion, { ok: true }>): Promise<string> {
    for (;;) {
      const id = firstFreeId(base, await this.repo.takenIds(tx, base));
      if (!(await this.repo.insertQuestion(tx, id, validated.question.topic, orgId))) continue;
      // The id is part of the hashed content, so the model is rebuilt with the final id.
      const final = id === base ? validated : this.validate(input as OrgQuestionInputDto, id);
      await this.repo.insertVersion(tx, versionRow(final.question, 1, final.verification));
      return id;
    }
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

function invalid(fields: FieldError[]): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, 'The questions cannot be imported.', fields);
}

function notFound(id: string): AppError {
  return new AppError(ErrorCode.ORG_QUESTION_NOT_FOUND, `No question with id "${id.slice(0, 80)}" in this organization.`);
}
