import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, TokenScope } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { ApiNotFoundFor } from '../../common/http/api-not-found-for';
import { PagedQuery, pageWindow, sendPage, totalHeaderDoc } from '../../common/http/paging';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { QuestionDeliveryDto } from '../questions/dto/question.dto';
import { OrgQuestionDto, OrgQuestionImportDto, OrgQuestionImportResultDto, OrgQuestionInputDto, OrgQuestionSummaryDto } from './dto/org-question.dto';
import { OrgQuestionsService } from './org-questions.service';

const ORG_QUESTIONS_PAGE = { default: 100, max: 500 };
class OrgQuestionsQueryDto extends PagedQuery(ORG_QUESTIONS_PAGE.default, ORG_QUESTIONS_PAGE.max) {}

@ApiTags('org-questions')
@ApiNotFoundFor({ orgId: 'ORGANIZATION_NOT_FOUND for non-members', id: 'ORG_QUESTION_NOT_FOUND' })
@Controller('orgs/:orgId/questions')
export class OrgQuestionsController {
  constructor(private readonly questions: OrgQuestionsService) {}

  @Get()
  @TokenScope('bank:read')
  @ApiOperation({ summary: "The organization's private questions (current versions, not retired)" })
  @ApiOkResponse({ type: [OrgQuestionSummaryDto], headers: totalHeaderDoc })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: `VALIDATION_FAILED (limit above ${ORG_QUESTIONS_PAGE.max})` })
  async list(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Query() query: OrgQuestionsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrgQuestionSummaryDto[]> {
    return sendPage(res, await this.questions.list(user.id, orgId, pageWindow(query, ORG_QUESTIONS_PAGE.default)));
  }

  @Post()
  @ApiOperation({ summary: 'Author a private question (validated by the bank schema; id generated from the title)' })
  @ApiCreatedResponse({ type: OrgQuestionDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED with field errors' })
  create(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Body() body: OrgQuestionInputDto,
  ): Promise<OrgQuestionDto> {
    return this.questions.create(user.id, orgId, body);
  }

  @Post('import')
  @ApiOperation({ summary: 'Import GIFT or Moodle XML questions (all or nothing; every question checked by the bank rules first)' })
  @ApiCreatedResponse({ type: OrgQuestionImportResultDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED: `text` (a line the importer refused or cannot express) or `questions.N.field`' })
  import(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Body() body: OrgQuestionImportDto,
  ): Promise<OrgQuestionImportResultDto> {
    return this.questions.import(user.id, orgId, body);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'What a candidate would see for this input (validated like a create; nothing stored, no key)' })
  @ApiOkResponse({ type: QuestionDeliveryDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED with field errors' })
  preview(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Body() body: OrgQuestionInputDto,
  ): Promise<QuestionDeliveryDto> {
    return this.questions.preview(user.id, orgId, body);
  }

  @Get(':id')
  @TokenScope('bank:read')
  @ApiOperation({ summary: 'One private question with key, explanation and editable source (members only)' })
  @ApiOkResponse({ type: OrgQuestionDto })
  get(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('id') id: string): Promise<OrgQuestionDto> {
    return this.questions.get(user.id, orgId, id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Edit: a new immutable version (unchanged content keeps the current one)' })
  @ApiOkResponse({ type: OrgQuestionDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED with field errors' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('id') id: string,
    @Body() body: OrgQuestionInputDto,
  ): Promise<OrgQuestionDto> {
    return this.questions.update(user.id, orgId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retire a question (its versions stay for attempts that used them)' })
  @ApiNoContentResponse({ description: 'Retired' })
  retire(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('id') id: string): Promise<void> {
    return this.questions.retire(user.id, orgId, id);
  }
}
