import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type * as express from 'express';
import { IntParam } from '../../common/http/int';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { CandidateSession, Public } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { RequestedContentLocale, type ContentLocale } from '../../common/i18n/content-locale';
import { AppConfigService } from '../../config/app-config.service';
import { AnswerSavedDto, AttemptDeliveryDto, AttemptSummaryDto, SaveAnswerDto } from '../attempts/dto/attempt.dto';
import { CreateCandidateJudgeRunDto, JudgeRunDto, JudgeStatusDto } from '../judge/dto/judge.dto';
import { JudgeStreamService } from '../judge/judge-stream.service';
import { CandidateService } from './candidate.service';
import { CandidateReviewDto, CandidateSessionDto, CandidateStatusDto, IntegritySignalsDto, StartCandidateDto } from './dto/candidate.dto';

export const CANDIDATE_COOKIE = 'goprep_candidate';
const COOKIE_PATH = '/api/candidate';

function cookieToken(req: express.Request): string | undefined {
  return (req.cookies as Record<string, string | undefined> | undefined)?.[CANDIDATE_COOKIE];
}

/**
 * The candidate's page, without an account. The invite token never appears in a URL (URLs are
 * logged): the page posts it once, and an httpOnly cookie carries it from then on.
 */
@ApiTags('candidate')
@Public()
@ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED after too many invalid tokens from one address' })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'CANDIDATE_INVITE_NOT_FOUND' })
@Controller('candidate')
export class CandidateController {
  constructor(
    private readonly candidate: CandidateService,
    private readonly config: AppConfigService,
    private readonly stream: JudgeStreamService,
  ) {}

  @Post('session')
  @HttpCode(200)
  @ApiOperation({ summary: "Open an invite link: checks the token, sets the candidate cookie, returns the page's state" })
  @ApiOkResponse({ type: CandidateStatusDto })
  async session(
    @Req() req: express.Request,
    @Res({ passthrough: true }) res: express.Response,
    @Body() body: CandidateSessionDto,
  ): Promise<CandidateStatusDto> {
    const invite = await this.candidate.resolve(body.token, req.ip ?? 'unknown');
    res.cookie(CANDIDATE_COOKIE, body.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.get('COOKIE_SECURE') || req.secure,
      path: COOKIE_PATH,
      maxAge: 30 * 86400_000,
    });
    return this.candidate.status(invite);
  }

  @Get('status')
  @CandidateSession()
  @ApiOperation({ summary: 'The state of the invite: not-started, in-progress, submitted, used, expired or revoked' })
  @ApiOkResponse({ type: CandidateStatusDto })
  async status(@Req() req: express.Request): Promise<CandidateStatusDto> {
    return this.candidate.status(await this.candidate.resolve(cookieToken(req), req.ip ?? 'unknown'));
  }

  @Post('start')
  @CandidateSession()
  @ApiOperation({ summary: 'Start the test (or continue the open attempt): fixed items and pool draws with a stored seed' })
  @ApiBody({ type: StartCandidateDto, required: false, description: 'Only for a set whose language is candidate-chooses; may be left out' })
  @ApiCreatedResponse({ type: AttemptDeliveryDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CANDIDATE_CANNOT_START (expired, used, revoked)' })
  async start(
    @Req() req: express.Request,
    @Body() body: StartCandidateDto,
    @RequestedContentLocale() interfaceLocale: ContentLocale,
  ): Promise<AttemptDeliveryDto> {
    return this.candidate.start(await this.candidate.resolve(cookieToken(req), req.ip ?? 'unknown'), body.language ?? interfaceLocale);
  }

  @Get('attempt')
  @CandidateSession()
  @ApiOperation({ summary: "The candidate's attempt as the runner shows it (resume after a refresh or a crash)" })
  @ApiOkResponse({ type: AttemptDeliveryDto })
  async attempt(@Req() req: express.Request): Promise<AttemptDeliveryDto> {
    return this.candidate.deliver(await this.candidate.resolve(cookieToken(req), req.ip ?? 'unknown'));
  }

  @Put('attempt/items/:position/answer')
  @CandidateSession()
  @ApiOperation({ summary: 'Save one answer (same rules as quizzes)' })
  @ApiOkResponse({ type: AnswerSavedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'RESPONSE_INVALID, VALIDATION_FAILED' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ATTEMPT_DEADLINE_PASSED, ATTEMPT_CLOSED, ANSWER_REVISION_CONFLICT' })
  async save(@Req() req: express.Request, @IntParam('position', { min: 1 }) position: number, @Body() body: SaveAnswerDto): Promise<AnswerSavedDto> {
    return this.candidate.save(await this.candidate.resolve(cookieToken(req), req.ip ?? 'unknown'), position, body);
  }

  @Post('attempt/submit')
  @CandidateSession()
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the test, exactly once' })
  @ApiOkResponse({ type: AttemptSummaryDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ATTEMPT_CLOSED, ATTEMPT_DEADLINE_PASSED' })
  async submit(@Req() req: express.Request): Promise<AttemptSummaryDto> {
    return this.candidate.submit(await this.candidate.resolve(cookieToken(req), req.ip ?? 'unknown'));
  }

  @Get('attempt/review')
  @CandidateSession()
  @ApiOperation({ summary: "After submitting: what the set's review policy allows (nothing, score, correctness, or full review)" })
  @ApiOkResponse({ type: CandidateReviewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ATTEMPT_NOT_SUBMITTED' })
  async review(@Req() req: express.Request): Promise<CandidateReviewDto> {
    return this.candidate.review(await this.candidate.resolve(cookieToken(req), req.ip ?? 'unknown'));
  }

  @Post('attempt/signals')
  @CandidateSession()
  @HttpCode(204)
  @ApiOperation({ summary: 'Record integrity signals (paste, focus lost, tab hidden) while the attempt is open' })
  @ApiNoContentResponse({ description: 'Recorded' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ATTEMPT_CLOSED' })
  async signals(@Req() req: express.Request, @Body() body: IntegritySignalsDto): Promise<void> {
    await this.candidate.signals(await this.candidate.resolve(cookieToken(req), req.ip ?? 'unknown'), body);
  }

  @Get('judge/status')
  @CandidateSession()
  @ApiOperation({ summary: 'Whether the judge is available (task screens say so honestly)' })
  @ApiOkResponse({ type: JudgeStatusDto })
  async judgeStatus(@Req() req: express.Request): Promise<JudgeStatusDto> {
    await this.candidate.resolve(cookieToken(req), req.ip ?? 'unknown');
    return this.candidate.judgeStatus();
  }

  @Post('attempt/judge/runs')
  @CandidateSession()
  @HttpCode(201)
  @ApiOperation({ summary: "Run a code task's visible tests in your open attempt (never the hidden tests); rate-limited per attempt" })
  @ApiCreatedResponse({ type: JudgeRunDto, description: 'The queued run; follow it with GET /candidate/attempt/judge/runs/{id}/events' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, JUDGE_FILES_INVALID' })
  async createRun(@Req() req: express.Request, @Body() body: CreateCandidateJudgeRunDto): Promise<JudgeRunDto> {
    return this.candidate.createRun(await this.candidate.resolve(cookieToken(req), req.ip ?? 'unknown'), body);
  }

  @Get('attempt/judge/runs/:id')
  @CandidateSession()
  @ApiOperation({ summary: 'One of your runs with its verdict and per-test results' })
  @ApiOkResponse({ type: JudgeRunDto })
  async run(@Req() req: express.Request, @Param('id', uuidPipe) id: string): Promise<JudgeRunDto> {
    return this.candidate.run(await this.candidate.resolve(cookieToken(req), req.ip ?? 'unknown'), id);
  }

  @Get('attempt/judge/runs/:id/events')
  @CandidateSession()
  @ApiOperation({ summary: 'Server-sent events for one of your runs: a `run` event now and on every state change; ends after the verdict' })
  @ApiOkResponse({ description: 'text/event-stream of `run` events', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  async runEvents(@Req() req: express.Request, @Res() res: express.Response, @Param('id', uuidPipe) id: string): Promise<void> {
    const invite = await this.candidate.resolve(cookieToken(req), req.ip ?? 'unknown');
    await this.candidate.run(invite, id);
    await this.stream.follow(id, () => this.candidate.run(invite, id), req, res);
  }
}
