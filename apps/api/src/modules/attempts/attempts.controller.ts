import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser } from '../../common/auth/decorators';
import { RequestedContentLocale, type ContentLocale } from '../../common/i18n/content-locale';
import type { AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { IntParam } from '../../common/http/int';
import type { AttemptOwner } from './attempt-rows';
import { AttemptReviewService } from './attempt-review.service';
import { AttemptsService } from './attempts.service';
import {
  AnswerSavedDto,
  AttemptDeliveryDto,
  AttemptHistoryDto,
  AttemptReviewDto,
  AttemptSummaryDto,
  SaveAnswerDto,
  StartAttemptDto,
} from './dto/attempt.dto';

const learner = (user: AuthUser): AttemptOwner => ({ kind: 'learner', userId: user.id });

@ApiTags('attempts')
@Controller('attempts')
export class AttemptsController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly reviews: AttemptReviewService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Start a timed quick quiz or mock interview (the server draws, pins and times it)' })
  @ApiCreatedResponse({ type: AttemptDeliveryDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'TEMPLATE_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'NOT_ENOUGH_QUESTIONS' })
  start(@CurrentUser() user: AuthUser, @Body() body: StartAttemptDto, @RequestedContentLocale() locale: ContentLocale): Promise<AttemptDeliveryDto> {
    return this.attempts.start(user.id, body, locale);
  }

  @Get()
  @ApiOperation({ summary: 'My attempts, newest first, with scores and a per-topic trend' })
  @ApiOkResponse({ type: AttemptHistoryDto })
  history(@CurrentUser() user: AuthUser): Promise<AttemptHistoryDto> {
    return this.reviews.history(user.id);
  }

  @Get(':id')
  @ApiOperation({ summary: "An attempt as the runner shows it: items in order, saved answers, the server's now and deadline (no keys)" })
  @ApiOkResponse({ type: AttemptDeliveryDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ATTEMPT_NOT_FOUND (also for other users)' })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @RequestedContentLocale() locale: ContentLocale): Promise<AttemptDeliveryDto> {
    return this.attempts.deliver(learner(user), id, locale);
  }

  @Put(':id/items/:position/answer')
  @ApiOperation({ summary: 'Save the answer to one item (idempotent; last write wins while the attempt is open)' })
  @ApiOkResponse({ type: AnswerSavedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'RESPONSE_INVALID, VALIDATION_FAILED' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ATTEMPT_DEADLINE_PASSED, ATTEMPT_CLOSED, ANSWER_REVISION_CONFLICT' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ATTEMPT_NOT_FOUND, ATTEMPT_ITEM_NOT_FOUND' })
  save(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @IntParam('position', { min: 1 }) position: number,
    @Body() body: SaveAnswerDto,
  ): Promise<AnswerSavedDto> {
    return this.attempts.saveAnswer(learner(user), id, position, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit and grade, exactly once (a repeated submit returns the same result)' })
  @ApiOkResponse({ type: AttemptSummaryDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ATTEMPT_CLOSED (abandoned), ATTEMPT_DEADLINE_PASSED (late and not counted)' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ATTEMPT_NOT_FOUND' })
  submit(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<AttemptSummaryDto> {
    return this.attempts.submit(learner(user), id);
  }

  @Post(':id/abandon')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give up an open attempt: closed as abandoned, never graded, left out of scores and statistics (idempotent)' })
  @ApiOkResponse({ type: AttemptSummaryDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ATTEMPT_CLOSED (already submitted)' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ATTEMPT_NOT_FOUND' })
  abandon(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<AttemptSummaryDto> {
    return this.attempts.abandon(learner(user), id);
  }

  @Get(':id/review')
  @ApiOperation({ summary: 'After submission: each item with the answer given, the key, the explanation and references' })
  @ApiOkResponse({ type: AttemptReviewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ATTEMPT_NOT_SUBMITTED' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'REVIEW_NOT_ALLOWED' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ATTEMPT_NOT_FOUND' })
  review(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @RequestedContentLocale() locale: ContentLocale): Promise<AttemptReviewDto> {
    return this.reviews.review(learner(user), id, locale);
  }
}
