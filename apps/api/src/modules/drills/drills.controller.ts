import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { RequestedContentLocale, type ContentLocale } from '../../common/i18n/content-locale';
import { CurrentUser } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { ErrorCode } from '../../common/errors/error-codes';
import { pageWindow } from '../../common/http/paging';
import { DrillStatsService } from './drill-stats.service';
import { JudgeRunDto } from '../judge/dto/judge.dto';
import { DrillsService } from './drills.service';
import {
  AddToDeckDto,
  DeckChangeDto,
  DECK_PAGE,
  DeckPageDto,
  DeckPageQueryDto,
  DrillCardStateDto,
  DrillSettingsDto,
  DrillStatsDto,
  DueQueueDto,
  JudgeCardDto,
  ReviewResultDto,
  SubmitReviewDto,
  UndoResultDto,
  UpdateDrillSettingsDto,
} from './dto/drills.dto';

const reviewIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new AppError(ErrorCode.DRILL_REVIEW_NOT_FOUND, 'No review with that id.'),
});

@ApiTags('drills')
@Controller('drills')
export class DrillsController {
  constructor(
    private readonly drills: DrillsService,
    private readonly drillStats: DrillStatsService,
  ) {}

  @Get('settings')
  @ApiOperation({ summary: 'My drill settings (defaults until I change them)' })
  @ApiOkResponse({ type: DrillSettingsDto })
  settings(@CurrentUser() user: AuthUser): Promise<DrillSettingsDto> {
    return this.drills.getSettings(user.id);
  }

  @Put('settings')
  @ApiOperation({ summary: 'Change my drill settings (absent fields keep their value)' })
  @ApiOkResponse({ type: DrillSettingsDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED with a problem per field' })
  updateSettings(@CurrentUser() user: AuthUser, @Body() body: UpdateDrillSettingsDto): Promise<DrillSettingsDto> {
    return this.drills.updateSettings(user.id, body);
  }

  @Post('deck')
  @ApiOperation({ summary: 'Add cards: a topic, questions, the missed items of an attempt, or a role template level (existing cards are kept)' })
  @ApiCreatedResponse({ type: DeckChangeDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'QUESTION_NOT_FOUND, ATTEMPT_NOT_FOUND, TEMPLATE_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ATTEMPT_NOT_SUBMITTED' })
  addToDeck(@CurrentUser() user: AuthUser, @Body() body: AddToDeckDto): Promise<DeckChangeDto> {
    return this.drills.addToDeck(user.id, body);
  }

  @Get('deck')
  @ApiOperation({ summary: 'My cards with their state: all, or only the suspended ones (leeches first)' })
  @ApiOkResponse({ type: DeckPageDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: `VALIDATION_FAILED (also limit above ${DECK_PAGE.max})` })
  deck(@CurrentUser() user: AuthUser, @Query() query: DeckPageQueryDto): Promise<DeckPageDto> {
    const { limit, offset, ...filter } = query;
    return this.drills.deck(user.id, filter, pageWindow({ limit, offset }, DECK_PAGE.default));
  }

  @Delete('deck/:questionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a question from my drills (its review history is kept)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'DRILL_CARD_NOT_FOUND' })
  removeFromDeck(@CurrentUser() user: AuthUser, @Param('questionId') questionId: string): Promise<void> {
    return this.drills.removeFromDeck(user.id, questionId);
  }

  @Post('cards/:questionId/suspend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend a card: it leaves the queue until unsuspended' })
  @ApiOkResponse({ type: DrillCardStateDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'DRILL_CARD_NOT_FOUND' })
  suspend(@CurrentUser() user: AuthUser, @Param('questionId') questionId: string): Promise<DrillCardStateDto> {
    return this.drills.setSuspended(user.id, questionId, true);
  }

  @Post('cards/:questionId/unsuspend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a suspended card (a leech, say) back into the queue' })
  @ApiOkResponse({ type: DrillCardStateDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'DRILL_CARD_NOT_FOUND' })
  unsuspend(@CurrentUser() user: AuthUser, @Param('questionId') questionId: string): Promise<DrillCardStateDto> {
    return this.drills.setSuspended(user.id, questionId, false);
  }

  @Post('cards/:questionId/judge')
  @HttpCode(201)
  @ApiOperation({
    summary: "A code-task card: judge your files by the task's hidden tests (names and pass/fail shown, logs not); review the card with the run's id once it has its verdict",
  })
  @ApiCreatedResponse({ type: JudgeRunDto, description: 'The queued run; follow it with GET /judge/runs/{id}/events' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, JUDGE_FILES_INVALID' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'JUDGE_TASK_NOT_FOUND (no such code task among your unsuspended cards)' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED' })
  judgeCard(@CurrentUser() user: AuthUser, @Param('questionId') questionId: string, @Body() body: JudgeCardDto): Promise<JudgeRunDto> {
    return this.drills.judgeCard(user.id, questionId, body.files);
  }

  @Get('due')
  @ApiOperation({ summary: "Today's queue in my time zone: due cards, then new cards within the daily limit (no keys)" })
  @ApiOkResponse({ type: DueQueueDto })
  due(@CurrentUser() user: AuthUser, @RequestedContentLocale() locale: ContentLocale): Promise<DueQueueDto> {
    return this.drills.due(user.id, locale);
  }

  @Post('reviews')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer a card: graded on the server, rated, rescheduled; the same reviewId again returns the same result' })
  @ApiOkResponse({ type: ReviewResultDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, RESPONSE_INVALID' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'DRILL_CARD_NOT_FOUND (also for other learners)' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'DRILL_CARD_SUSPENDED, DRILL_REVIEW_ID_CONFLICT, DRILL_REVIEW_REFUSED, DRILL_JUDGE_RUN_INVALID (code task: no finished judge run of this card)' })
  review(@CurrentUser() user: AuthUser, @Body() body: SubmitReviewDto, @RequestedContentLocale() locale: ContentLocale): Promise<ReviewResultDto> {
    return this.drills.review(user.id, body, locale);
  }

  @Post('reviews/:reviewId/undo')
  @HttpCode(200)
  @ApiOperation({ summary: "Undo a card's latest review (Ctrl+Z): the card goes back to how it was" })
  @ApiOkResponse({ type: UndoResultDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'DRILL_REVIEW_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'DRILL_UNDO_REFUSED (not the latest, already undone, card changed)' })
  undo(@CurrentUser() user: AuthUser, @Param('reviewId', reviewIdPipe) reviewId: string): Promise<UndoResultDto> {
    return this.drills.undo(user.id, reviewId);
  }

  @Get('stats')
  @ApiOperation({ summary: 'Reviews per day, true retention vs desired, a 30-day forecast and per-topic retention' })
  @ApiOkResponse({ type: DrillStatsDto })
  stats(@CurrentUser() user: AuthUser): Promise<DrillStatsDto> {
    return this.drillStats.stats(user.id);
  }
}
