import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { CreateJudgeRunDto, CreatePlaygroundRunDto, JudgeRunDto, JudgeStatusDto } from './dto/judge.dto';
import { JudgeStreamService } from './judge-stream.service';
import { JudgeService } from './judge.service';

@ApiTags('judge')
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'UNAUTHENTICATED' })
@Controller('judge')
export class JudgeController {
  constructor(
    private readonly judge: JudgeService,
    private readonly stream: JudgeStreamService,
  ) {}

  @Post('runs')
  @HttpCode(201)
  @ApiOperation({ summary: "Run a code task's visible tests against the given files; the run is queued and judged by a runner" })
  @ApiCreatedResponse({ type: JudgeRunDto, description: 'The queued run; follow it with GET /judge/runs/{id}/events' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, JUDGE_FILES_INVALID (wrong file names, too many or too large)' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'JUDGE_TASK_NOT_FOUND' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateJudgeRunDto): Promise<JudgeRunDto> {
    return this.judge.createVisibleRun(user.id, dto);
  }

  @Post('playground')
  @HttpCode(201)
  @ApiOperation({
    summary: "Run a final item's program (code-output, code-lines) or task files, edited: an item of your submitted attempt whose review shows answers, or a drill card you answered",
  })
  @ApiCreatedResponse({ type: JudgeRunDto, description: 'The queued playground run; follow it with GET /judge/runs/{id}/events' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, JUDGE_FILES_INVALID' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'JUDGE_TASK_NOT_FOUND (no program at that item, or not yours)' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'PLAYGROUND_NOT_FINAL' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED' })
  playground(@CurrentUser() user: AuthUser, @Body() dto: CreatePlaygroundRunDto): Promise<JudgeRunDto> {
    return this.judge.createPlaygroundRun(user.id, dto);
  }

  @Get('status')
  @ApiOperation({ summary: 'Whether the judge is available: live runners, their cache warming, and the queue depth' })
  @ApiOkResponse({ type: JudgeStatusDto })
  status(): Promise<JudgeStatusDto> {
    return this.judge.status();
  }

  @Get('runs/:id')
  @ApiOperation({ summary: 'One of your runs with its verdict and per-test results (never the hidden test sources)' })
  @ApiOkResponse({ type: JudgeRunDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'JUDGE_RUN_NOT_FOUND' })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<JudgeRunDto> {
    return this.judge.get(user.id, id);
  }

  @Get('runs/:id/events')
  @ApiOperation({
    summary: 'Server-sent events for one of your runs: a `run` event (a JudgeRunDto as JSON) now and on every state change; the stream ends after the verdict',
  })
  @ApiOkResponse({ description: 'text/event-stream of `run` events', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'JUDGE_RUN_NOT_FOUND' })
  async events(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.judge.ownRun(user.id, id);
    await this.stream.follow(id, () => this.judge.get(user.id, id), req, res);
  }
}
