import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export const ROOM_KINDS = ['peer', 'manager'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];
export const ROOM_LEVELS = ['junior', 'mid', 'senior', 'staff'] as const;
export type RoomLevel = (typeof ROOM_LEVELS)[number];
export const ROOM_STATUSES = ['open', 'ended'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];
export const MEMBER_ROLES = ['interviewer', 'candidate'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const COMPETENCIES = ['language', 'concurrency', 'runtime-gc', 'observability', 'cloud-native'] as const;
export type Competency = (typeof COMPETENCIES)[number];
export const RECOMMENDATIONS = ['hire', 'no-hire'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export class CreateRoomDto {
  @ApiProperty({ enum: ROOM_KINDS, description: "'peer': practice between two learners; 'manager': an org manager's live round with a candidate" })
  @IsIn(ROOM_KINDS)
  kind!: RoomKind;

  @ApiPropertyOptional({ maxLength: 120, description: 'Default: "Mock interview"' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  title?: string;

  @ApiProperty({ description: "A seed role id, as the mock templates use (e.g. 'backend', 'sre')", example: 'backend' })
  @IsString()
  @MaxLength(40)
  @Matches(/^[a-z][a-z0-9-]*$/, { message: 'role must be a role id' })
  role!: string;

  @ApiProperty({ enum: ROOM_LEVELS })
  @IsIn(ROOM_LEVELS)
  level!: RoomLevel;

  @ApiPropertyOptional({ minimum: 5, maximum: 240, description: 'The shared timer, default 45' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(240)
  durationMinutes?: number;

  @ApiPropertyOptional({ format: 'uuid', description: "Manager rooms: the candidate's invite this round belongs to" })
  @IsOptional()
  @IsUUID()
  inviteId?: string;
}

export class JoinRoomDto {
  @ApiProperty({ description: 'The token of a join link (`rj_…`)' })
  @IsString()
  @MaxLength(100)
  @Matches(/^rj_[A-Za-z0-9_-]{43}$/, { message: 'joinToken must be a room join token' })
  joinToken!: string;

  @ApiPropertyOptional({ maxLength: 80, description: 'The name others see (guests; default "Guest")' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  displayName?: string;
}

export class RoomMemberDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: MEMBER_ROLES }) role!: MemberRole;
  @ApiProperty({ description: 'Whether this seat has been taken by someone' }) joined!: boolean;
}

export class AskedDto {
  @ApiProperty() questionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class JoinLinksDto {
  @ApiPropertyOptional({ description: 'Path `/rooms/join/<joinToken>` for the interviewer seat (while open)' }) interviewer?: string;
  @ApiPropertyOptional({ description: 'Path `/rooms/join/<joinToken>` for the candidate seat (while open)' }) candidate?: string;
}

export class RoomDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROOM_KINDS }) kind!: RoomKind;
  @ApiProperty() title!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ enum: ROOM_LEVELS }) level!: RoomLevel;
  @ApiProperty({ enum: ROOM_STATUSES }) status!: RoomStatus;
  @ApiProperty({ enum: MEMBER_ROLES, description: "The caller's role in the room" }) myRole!: MemberRole;
  @ApiProperty({ type: [RoomMemberDto] }) members!: RoomMemberDto[];
  @ApiProperty() durationMinutes!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) timerStartedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt!: string | null;
  @ApiPropertyOptional({ type: JoinLinksDto, description: "Only to the room's creator: the links of the seats still open" }) joinLinks?: JoinLinksDto;
  @ApiProperty({ type: [AskedDto] }) asked!: AskedDto[];
}

export class RoomSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROOM_KINDS }) kind!: RoomKind;
  @ApiProperty() title!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ enum: ROOM_LEVELS }) level!: RoomLevel;
  @ApiProperty({ enum: ROOM_STATUSES }) status!: RoomStatus;
  @ApiProperty({ enum: MEMBER_ROLES }) myRole!: MemberRole;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt!: string | null;
  @ApiProperty({ description: 'Whether a scorecard has been saved' }) scored!: boolean;
  @ApiProperty({ nullable: true, type: String, description: "Peer rooms: the scorecard's strengths (null before scoring and for manager rooms)" }) strengths!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "Peer rooms: the scorecard's next steps (null before scoring and for manager rooms)" }) nextSteps!: string | null;
  @ApiProperty({ description: 'Peer rooms: how many asked questions the scorecard marks as struggled with' }) struggledCount!: number;
}

export class RoomListDto {
  @ApiProperty({ type: [RoomSummaryDto] }) items!: RoomSummaryDto[];
}

export class JoinedRoomDto {
  @ApiProperty({ type: RoomDto }) room!: RoomDto;
  @ApiPropertyOptional({ description: 'Only for a guest without a session: send it as X-Room-Token and as the WebSocket token' }) memberToken?: string;
}

export class PanelQueryDto {
  @ApiPropertyOptional({ description: 'A topic id to narrow to' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  topic?: string;

  @ApiPropertyOptional({ description: 'Words to search titles and prompts for' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class TaskFileDto {
  @ApiProperty() name!: string;
  @ApiProperty() content!: string;
}

export class CodeTaskDto {
  @ApiProperty({ type: [TaskFileDto], description: 'The starter files the push loads into the shared editor' }) files!: TaskFileDto[];
}

/** One bank question as the interviewer's private panel shows it: never sent to a candidate. */
export class PanelQuestionDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() topic!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ description: 'Markdown' }) prompt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The answer key, type-specific (as a review shows it)" }) key!: Record<string, unknown>;
  @ApiProperty({ description: 'Markdown' }) explanation!: string;
  @ApiPropertyOptional({ type: [String] }) rubric?: string[];
  @ApiPropertyOptional({
    type: [String],
    description: "Suggested follow-up questions from the bank, in the reader's content language where a current translation has them; absent when the bank has none",
  })
  followUps?: string[];
  @ApiPropertyOptional({ type: CodeTaskDto }) codeTask?: CodeTaskDto;
}

export class PanelDto {
  @ApiProperty({ type: [PanelQuestionDto] }) items!: PanelQuestionDto[];
}

export class PushDto {
  @ApiProperty({ example: 'gl-task-fanout-early-return' })
  @IsString()
  @MaxLength(200)
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'questionId must be a question id' })
  questionId!: string;
}

export class PushedDto {
  @ApiProperty({ type: AskedDto }) asked!: AskedDto;
}

export class CreateNoteDto {
  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  body!: string;
}

export class NoteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() body!: string;
}

export class NoteListDto {
  @ApiProperty({ type: [NoteDto] }) items!: NoteDto[];
}

export class RoomRunDto {
  @ApiProperty({ format: 'uuid', description: "The judge run; its result is appended to the document's `runs` when done" }) runId!: string;
}

export class PutScorecardDto {
  @ApiProperty({
    type: 'object',
    description: `Competency -> 1..4 (${COMPETENCIES.join(', ')}); rate the ones the round covered`,
    additionalProperties: { type: 'integer', minimum: 1, maximum: 4 },
    example: { concurrency: 3, language: 4 },
  })
  @IsObject()
  ratings!: Partial<Record<Competency, number>>;

  @ApiPropertyOptional({ enum: RECOMMENDATIONS, description: 'Manager rooms only' })
  @IsOptional()
  @IsIn(RECOMMENDATIONS)
  recommendation?: Recommendation;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  strengths?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  nextSteps?: string;

  @ApiPropertyOptional({ maxLength: 8000 })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  comments?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 50,
    description: 'Ids of asked questions the candidate struggled with (each must have been pushed in this room); the learner can drill them',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[a-z0-9][a-z0-9-]{0,199}$/, { each: true, message: 'struggled must hold question ids' })
  struggled?: string[];
}

export class ScorecardAskedDto {
  @ApiProperty() questionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional({ type: [String], description: "The interviewer's only (an essay's rubric is its grading key): the question's rubric items (essay questions; [] otherwise)" }) rubric?: string[];
  @ApiProperty({ description: 'Marked by the interviewer as a question the candidate struggled with' }) struggled!: boolean;
}

export class ScorecardDto {
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) ratings!: Partial<Record<Competency, number>>;
  @ApiProperty({ enum: RECOMMENDATIONS, nullable: true, type: String }) recommendation!: Recommendation | null;
  @ApiProperty({ nullable: true, type: String }) strengths!: string | null;
  @ApiProperty({ nullable: true, type: String }) nextSteps!: string | null;
  @ApiProperty({ nullable: true, type: String }) comments!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: [ScorecardAskedDto] }) asked!: ScorecardAskedDto[];
}

export class ReplayUpdateDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'A Yjs update, base64' }) update!: string;
}

export class RoomRunResultTestDto {
  @ApiProperty() name!: string;
  @ApiProperty() passed!: boolean;
  @ApiProperty() output!: string;
}

export class RoomRunResultDto {
  @ApiProperty({ format: 'uuid' }) runId!: string;
  @ApiProperty() state!: string;
  @ApiProperty({ nullable: true, type: String }) verdict!: string | null;
  @ApiProperty({ type: [RoomRunResultTestDto] }) tests!: RoomRunResultTestDto[];
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ReplayDto {
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ type: [ReplayUpdateDto], description: 'Every document update in order' }) updates!: ReplayUpdateDto[];
  @ApiProperty({ type: [NoteDto], description: 'The interviewer\'s notes; [] for the candidate' }) notes!: NoteDto[];
  @ApiProperty({ type: [RoomRunResultDto] }) runs!: RoomRunResultDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'File name -> final content' }) finalFiles!: Record<string, string>;
}

/** A manager room held for a candidate's invite, as the candidate's report shows it (managers of the organization only). */
export class InviteRoomDto {
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ROOM_STATUSES }) status!: RoomStatus;
  @ApiProperty({ description: "The interviewer's name" }) interviewer!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt!: string | null;
  @ApiProperty({ description: 'Web path of the replay (`/rooms/<id>/replay`)' }) replayPath!: string;
  @ApiProperty({ type: ScorecardDto, nullable: true, description: 'Null until the interviewer saves one' }) scorecard!: ScorecardDto | null;
}

export class InviteRoomListDto {
  @ApiProperty({ type: [InviteRoomDto] }) items!: InviteRoomDto[];
}
