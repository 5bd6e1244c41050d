import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentUser, Public, RoomAccess } from '../../common/auth/decorators';
import type { AuthedRequest, AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { uuidPipe } from '../../common/http/uuid.pipe';
import {
  CreateNoteDto,
  CreateRoomDto,
  JoinedRoomDto,
  JoinRoomDto,
  NoteDto,
  NoteListDto,
  PanelDto,
  PanelQueryDto,
  PushDto,
  PushedDto,
  PutScorecardDto,
  ReplayDto,
  RoomDto,
  RoomListDto,
  RoomRunDto,
  ScorecardDto,
} from './dto/room.dto';
import { RoomAuthService } from './room-auth.service';
import { RoomsService } from './rooms.service';
import { RequestedContentLocale, type ContentLocale } from '../../common/i18n/content-locale';

@ApiTags('rooms')
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ROOM_NOT_FOUND (also for rooms you are not a member of)' })
@Controller('rooms')
export class RoomsController {
  constructor(
    private readonly rooms: RoomsService,
    private readonly auth: RoomAuthService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Open a live interview room; you take the interviewer seat. The response carries the join links (only here and from POST /rooms/{id}/links)' })
  @ApiCreatedResponse({ type: RoomDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'FORBIDDEN (manager rooms need a manager of the invite\'s organization)' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateRoomDto): Promise<RoomDto> {
    return this.rooms.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Rooms you are a member of, newest first (ended ones too: your history)' })
  @ApiOkResponse({ type: RoomListDto })
  list(@CurrentUser() user: AuthUser): Promise<RoomListDto> {
    return this.rooms.list(user.id);
  }

  @Post('join')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take a seat by its join token: with a session you become the member; without one you are a guest and get a member token (send it as X-Room-Token and as the WebSocket token)',
  })
  @ApiOkResponse({ type: JoinedRoomDto })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'ROOM_JOIN_INVALID (unknown or used token), ROOM_EXPIRED, ROOM_ENDED' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ROOM_ALREADY_MEMBER (you hold the other seat)' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED' })
  join(@Req() req: AuthedRequest, @Body() dto: JoinRoomDto): Promise<JoinedRoomDto> {
    return this.rooms.join(req.user ?? null, dto, req.ip ?? 'unknown');
  }

  @Get(':id')
  @RoomAccess()
  @ApiOperation({ summary: 'A room you are a member of' })
  @ApiOkResponse({ type: RoomDto })
  async get(@Req() req: AuthedRequest, @Param('id', uuidPipe) id: string): Promise<RoomDto> {
    return this.rooms.get(await this.auth.member(req, id));
  }

  @Post(':id/links')
  @HttpCode(200)
  @ApiOperation({ summary: "Creator only: new join links for the seats still open (the old links stop working)" })
  @ApiOkResponse({ type: RoomDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'ROOM_FORBIDDEN (not the creator)' })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'ROOM_EXPIRED, ROOM_ENDED' })
  async links(@Req() req: AuthedRequest, @Param('id', uuidPipe) id: string): Promise<RoomDto> {
    return this.rooms.reissueLinks(await this.auth.member(req, id));
  }

  @Post(':id/start')
  @RoomAccess()
  @HttpCode(200)
  @ApiOperation({ summary: 'Interviewer: start the shared timer (idempotent)' })
  @ApiOkResponse({ type: RoomDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'ROOM_FORBIDDEN (not the interviewer)' })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'ROOM_EXPIRED, ROOM_ENDED' })
  async start(@Req() req: AuthedRequest, @Param('id', uuidPipe) id: string): Promise<RoomDto> {
    return this.rooms.start(await this.auth.member(req, id));
  }

  @Post(':id/swap')
  @RoomAccess()
  @HttpCode(200)
  @ApiOperation({ summary: 'Peer rooms: the two members exchange the interviewer and candidate roles (both must have joined)' })
  @ApiOkResponse({ type: RoomDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ROOM_SWAP_REFUSED (a manager room, or a seat still empty)' })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'ROOM_EXPIRED, ROOM_ENDED' })
  async swap(@Req() req: AuthedRequest, @Param('id', uuidPipe) id: string): Promise<RoomDto> {
    return this.rooms.swap(await this.auth.member(req, id));
  }

  @Get(':id/panel')
  @RoomAccess()
  @ApiOperation({ summary: "Interviewer's private panel: bank questions with keys, explanations, rubrics and suggested follow-ups (the reader's content language where translated; never to the candidate)" })
  @ApiOkResponse({ type: PanelDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'ROOM_FORBIDDEN (not the interviewer)' })
  async panel(
    @Req() req: AuthedRequest,
    @Param('id', uuidPipe) id: string,
    @Query() query: PanelQueryDto,
    @RequestedContentLocale() locale: ContentLocale,
  ): Promise<PanelDto> {
    return this.rooms.panel(await this.auth.member(req, id), query, locale);
  }

  @Post(':id/push')
  @RoomAccess()
  @HttpCode(200)
  @ApiOperation({ summary: "Interviewer: show a question's prompt to the candidate (a code task also loads its starter files into the shared editor); never its key" })
  @ApiOkResponse({ type: PushedDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'ROOM_FORBIDDEN (not the interviewer)' })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'ROOM_EXPIRED, ROOM_ENDED' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED' })
  async push(@Req() req: AuthedRequest, @Param('id', uuidPipe) id: string, @Body() dto: PushDto): Promise<PushedDto> {
    return this.rooms.push(await this.auth.member(req, id), dto.questionId);
  }

  @Get(':id/notes')
  @RoomAccess()
  @ApiOperation({ summary: "Interviewer: the room's private notes, oldest first" })
  @ApiOkResponse({ type: NoteListDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'ROOM_FORBIDDEN (not the interviewer)' })
  async notes(@Req() req: AuthedRequest, @Param('id', uuidPipe) id: string): Promise<NoteListDto> {
    return this.rooms.notes(await this.auth.member(req, id));
  }

  @Post(':id/notes')
  @RoomAccess()
  @HttpCode(201)
  @ApiOperation({ summary: 'Interviewer: add a private, timestamped note' })
  @ApiCreatedResponse({ type: NoteDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'ROOM_FORBIDDEN (not the interviewer)' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED' })
  async addNote(@Req() req: AuthedRequest, @Param('id', uuidPipe) id: string, @Body() dto: CreateNoteDto): Promise<NoteDto> {
    return this.rooms.addNote(await this.auth.member(req, id), dto.body);
  }

  @Post(':id/run')
  @RoomAccess()
  @HttpCode(201)
  @ApiOperation({ summary: "Any member: judge the shared editor's files against the pushed code task's visible tests; the result is appended to the document's `runs`" })
  @ApiCreatedResponse({ type: RoomRunDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'JUDGE_FILES_INVALID' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ROOM_NO_TASK (no code task pushed yet)' })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'ROOM_EXPIRED, ROOM_ENDED' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED' })
  async run(@Req() req: AuthedRequest, @Param('id', uuidPipe) id: string): Promise<RoomRunDto> {
    return this.rooms.run(await this.auth.member(req, id));
  }

  @Post(':id/end')
  @RoomAccess()
  @HttpCode(200)
  @ApiOperation({ summary: 'Interviewer: end the room (the editor turns read-only; idempotent)' })
  @ApiOkResponse({ type: RoomDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'ROOM_FORBIDDEN (not the interviewer)' })
  async end(@Req() req: AuthedRequest, @Param('id', uuidPipe) id: string): Promise<RoomDto> {
    return this.rooms.end(await this.auth.member(req, id));
  }

  @Get(':id/scorecard')
  @RoomAccess()
  @ApiOperation({ summary: "The room's scorecard with the rubric items of what was asked (members; a hiring round's also its organization's managers and owners)" })
  @ApiOkResponse({ type: ScorecardDto })
  async scorecard(@Req() req: AuthedRequest, @Param('id', uuidPipe) id: string): Promise<ScorecardDto> {
    return this.rooms.scorecard(await this.auth.reader(req, id));
  }

  @Put(':id/scorecard')
  @RoomAccess()
  @ApiOperation({ summary: 'Interviewer: save the scorecard (1-4 per competency; hire / no-hire for manager rooms)' })
  @ApiOkResponse({ type: ScorecardDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED (unknown competency, rating outside 1-4, recommendation in a peer room)' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'ROOM_FORBIDDEN (not the interviewer)' })
  async putScorecard(@Req() req: AuthedRequest, @Param('id', uuidPipe) id: string, @Body() dto: PutScorecardDto): Promise<ScorecardDto> {
    return this.rooms.saveScorecard(await this.auth.member(req, id), dto);
  }

  @Get(':id/replay')
  @RoomAccess()
  @ApiOperation({
    summary:
      "The session for playback: every document update in order with its time, the notes (interviewer only), the runs and the final files. Members read it; a hiring round's is also read by its organization's managers and owners",
  })
  @ApiOkResponse({ type: ReplayDto })
  async replay(@Req() req: AuthedRequest, @Param('id', uuidPipe) id: string): Promise<ReplayDto> {
    return this.rooms.replay(await this.auth.reader(req, id));
  }
}
