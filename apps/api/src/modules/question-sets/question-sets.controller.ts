import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, TokenScope } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { ApiNotFoundFor } from '../../common/http/api-not-found-for';
import { pageOf, pageWindow, sendPage, totalHeaderDoc } from '../../common/http/paging';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { IntParam } from '../../common/http/int';
import { AUDIT_PAGE, AuditEventDto, AuditQueryDto } from '../audit/dto/audit-event.dto';
import {
  CreateQuestionSetDto,
  ExportQuestionSetQueryDto,
  ListQuestionSetsQueryDto,
  SETS_PAGE,
  QuestionSetDto,
  QuestionSetExportDto,
  QuestionSetListItemDto,
  QuestionSetVersionDto,
  SetDraftInputDto,
  SetTemplateDto,
} from './dto/question-set.dto';
import { QuestionSetsService } from './question-sets.service';
import { SetInterchangeService } from './set-interchange.service';
import { SetPublishingService } from './set-publishing.service';

@ApiTags('question-sets')
@Roles('manager', 'admin')
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'FORBIDDEN for learners' })
@TokenScope('sets:manage')
@Controller()
export class SetTemplatesController {
  constructor(private readonly sets: QuestionSetsService) {}

  @Get('set-templates')
  @ApiOperation({ summary: 'Role templates (libs/question-bank/templates) a set can start from, per level' })
  @ApiOkResponse({ type: [SetTemplateDto] })
  templates(): SetTemplateDto[] {
    return this.sets.templates();
  }
}

@ApiTags('question-sets')
@Roles('manager', 'admin')
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'FORBIDDEN for learners' })
@ApiNotFoundFor({ orgId: 'ORGANIZATION_NOT_FOUND for non-members', setId: 'QUESTION_SET_NOT_FOUND' })
@TokenScope('sets:manage')
@Controller('orgs/:orgId/sets')
export class QuestionSetsController {
  constructor(
    private readonly sets: QuestionSetsService,
    private readonly publishing: SetPublishingService,
    private readonly interchange: SetInterchangeService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The organization's question sets (active by default, or the archived ones)" })
  @ApiOkResponse({ type: [QuestionSetListItemDto], headers: totalHeaderDoc })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: `VALIDATION_FAILED (limit above ${SETS_PAGE.max})` })
  async list(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Query() query: ListQuestionSetsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QuestionSetListItemDto[]> {
    return sendPage(res, await this.sets.list(user.id, orgId, query.archived === 'true', pageWindow(query, SETS_PAGE.default)));
  }

  @Post()
  @ApiOperation({ summary: 'Create a set with a draft v1, blank or from a role template level' })
  @ApiCreatedResponse({ type: QuestionSetDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  create(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Body() body: CreateQuestionSetDto): Promise<QuestionSetDto> {
    return this.sets.create(user.id, orgId, body);
  }

  @Post('import')
  @ApiOperation({ summary: 'Import a set from its JSON export (all or nothing): a new set with a draft v1' })
  @ApiCreatedResponse({ type: QuestionSetDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED with field paths (items.N.questionId ...)' })
  import(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Body() body: QuestionSetExportDto): Promise<QuestionSetDto> {
    return this.interchange.import(user.id, orgId, body);
  }

  @Get(':setId')
  @ApiOperation({ summary: 'A set: its versions, the draft (or latest) content and its summary' })
  @ApiOkResponse({ type: QuestionSetDto })
  get(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('setId', uuidPipe) setId: string): Promise<QuestionSetDto> {
    return this.sets.get(user.id, orgId, setId);
  }

  @Put(':setId/draft')
  @ApiOperation({ summary: "Replace the draft's settings and items; when the latest version is published this creates the next draft" })
  @ApiOkResponse({ type: QuestionSetDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED with field paths' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'SET_ARCHIVED' })
  saveDraft(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('setId', uuidPipe) setId: string,
    @Body() body: SetDraftInputDto,
  ): Promise<QuestionSetDto> {
    return this.publishing.saveDraft(user.id, orgId, setId, body);
  }

  @Post(':setId/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Freeze the draft as a published version' })
  @ApiOkResponse({ type: QuestionSetDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'SET_NO_DRAFT, SET_ARCHIVED' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'SET_EMPTY, SET_POOL_SHORT (fields name the pools)' })
  publish(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('setId', uuidPipe) setId: string): Promise<QuestionSetDto> {
    return this.publishing.publish(user.id, orgId, setId);
  }

  @Get(':setId/versions/:version')
  @ApiOperation({ summary: 'One version of a set (published versions never change)' })
  @ApiOkResponse({ type: QuestionSetVersionDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'SET_VERSION_NOT_FOUND' })
  version(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('setId', uuidPipe) setId: string,
    @IntParam('version', { min: 1 }) version: number,
  ): Promise<QuestionSetVersionDto> {
    return this.sets.version(user.id, orgId, setId, version);
  }

  @Post(':setId/duplicate')
  @ApiOperation({ summary: 'Copy the current content into a new set (draft v1)' })
  @ApiCreatedResponse({ type: QuestionSetDto })
  duplicate(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('setId', uuidPipe) setId: string): Promise<QuestionSetDto> {
    return this.sets.duplicate(user.id, orgId, setId);
  }

  @Post(':setId/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive a set (hidden from the default list; no edits until unarchived)' })
  @ApiOkResponse({ type: QuestionSetDto })
  archive(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('setId', uuidPipe) setId: string): Promise<QuestionSetDto> {
    return this.sets.setArchived(user.id, orgId, setId, true);
  }

  @Post(':setId/unarchive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring an archived set back' })
  @ApiOkResponse({ type: QuestionSetDto })
  unarchive(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('setId', uuidPipe) setId: string): Promise<QuestionSetDto> {
    return this.sets.setArchived(user.id, orgId, setId, false);
  }

  @Get(':setId/export')
  @ApiOperation({
    summary: 'Export a version: JSON (goprep set format, importable) or GIFT (the pinned questions; pools as comments)',
  })
  @ApiProduces('application/json', 'text/plain')
  @ApiOkResponse({ type: QuestionSetExportDto, description: 'format=json; format=gift answers text/plain' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'SET_VERSION_NOT_FOUND' })
  async export(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('setId', uuidPipe) setId: string,
    @Query() query: ExportQuestionSetQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QuestionSetExportDto | string> {
    const result = await this.interchange.export(user.id, orgId, setId, query.format ?? 'json', query.version, query.locale);
    if (result.gift !== undefined) {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${result.filename}"`);
      return result.gift;
    }
    return result.json;
  }

  @Get(':setId/audit')
  @ApiOperation({ summary: 'Who changed the set, what and when (newest first)' })
  @ApiOkResponse({ type: [AuditEventDto], headers: totalHeaderDoc })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: `VALIDATION_FAILED (limit above ${AUDIT_PAGE.max})` })
  async audit(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('setId', uuidPipe) setId: string,
    @Query() query: AuditQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditEventDto[]> {
    return sendPage(res, pageOf(await this.sets.auditTrail(user.id, orgId, setId), query, AUDIT_PAGE.default));
  }
}
