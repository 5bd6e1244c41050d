import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, TokenScope } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { RequestedContentLocale, type ContentLocale } from '../../common/i18n/content-locale';
import {
  CheckAnswerDto,
  CheckResultDto,
  ListQuestionsQueryDto,
  LocalizedQuestionDto,
  LocalizedQuestionPreviewDto,
  PreviewQueryDto,
  QuestionPageDto,
  TopicDto,
} from './dto/question.dto';
import { QuestionsService } from './questions.service';

@ApiTags('questions')
@Controller()
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Get('topics')
  @TokenScope('bank:read')
  @ApiOperation({ summary: 'Topics with their question counts' })
  @ApiOkResponse({ type: [TopicDto] })
  topics(): Promise<TopicDto[]> {
    return this.questions.topics();
  }

  @Get('questions')
  @TokenScope('bank:read')
  @ApiOperation({ summary: "Search the bank (delivery view: no keys); titles in the reader's content language or `locale`" })
  @ApiOkResponse({ type: QuestionPageDto })
  list(@Query() query: ListQuestionsQueryDto, @RequestedContentLocale() reader: ContentLocale): Promise<QuestionPageDto> {
    return this.questions.list(query, query.locale ?? reader);
  }

  @Get('questions/:id')
  @TokenScope('bank:read')
  @ApiOperation({ summary: "One question as a learner sees it, in their content language (no key, no explanation)" })
  @ApiOkResponse({ type: LocalizedQuestionDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'QUESTION_NOT_FOUND' })
  get(@Param('id') id: string, @RequestedContentLocale() locale: ContentLocale): Promise<LocalizedQuestionDto> {
    return this.questions.delivered(id, locale);
  }

  @Post('questions/:id/check')
  @HttpCode(200)
  @ApiOperation({ summary: '"Try it": grade one answer to a bank question now (untimed, not recorded); the key and explanation come back only with a verdict' })
  @ApiOkResponse({ type: CheckResultDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'RESPONSE_INVALID (also for essays, flashcards and code tasks), VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'QUESTION_NOT_FOUND' })
  check(@Param('id') id: string, @Body() body: CheckAnswerDto, @RequestedContentLocale() locale: ContentLocale): Promise<CheckResultDto> {
    return this.questions.check(id, body, locale);
  }

  @Get('questions/:id/preview')
  @TokenScope('bank:read')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: "One question with key and explanation (managers and admins), in `locale` or the reader's content language" })
  @ApiOkResponse({ type: LocalizedQuestionPreviewDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'FORBIDDEN for learners' })
  preview(@Param('id') id: string, @Query() query: PreviewQueryDto, @RequestedContentLocale() reader: ContentLocale): Promise<LocalizedQuestionPreviewDto> {
    return this.questions.preview(id, query.locale ?? reader);
  }
}
