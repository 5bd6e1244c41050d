import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { AuditEventDto } from '../audit/dto/audit-event.dto';
import { CreateInvitesDto, InviteDto, InviteOverrideDto, InvitesCreatedDto } from './dto/invite.dto';
import { InvitesService } from './invites.service';

@ApiTags('invites')
@Roles('manager', 'admin')
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'FORBIDDEN for learners' })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ORGANIZATION_NOT_FOUND for non-members, QUESTION_SET_NOT_FOUND, SET_VERSION_NOT_FOUND, INVITE_NOT_FOUND' })
@Controller('orgs/:orgId')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Post('sets/:setId/invites')
  @ApiOperation({ summary: 'Invite candidates in bulk to a published set version; the response is the only place the links appear' })
  @ApiCreatedResponse({ type: InvitesCreatedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED (with the list\'s line numbers)' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'SET_ARCHIVED' })
  create(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('setId', uuidPipe) setId: string,
    @Body() body: CreateInvitesDto,
  ): Promise<InvitesCreatedDto> {
    return this.invites.create(user.id, orgId, setId, body);
  }

  @Get('sets/:setId/invites')
  @ApiOperation({ summary: "A set's invites with their status (invited, started, submitted, expired, revoked), newest first" })
  @ApiOkResponse({ type: [InviteDto] })
  list(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('setId', uuidPipe) setId: string): Promise<InviteDto[]> {
    return this.invites.list(user.id, orgId, setId);
  }

  @Post('invites/:inviteId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an invite (an open attempt is closed unscored); idempotent' })
  @ApiOkResponse({ type: InviteDto })
  revoke(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('inviteId', uuidPipe) inviteId: string): Promise<InviteDto> {
    return this.invites.revoke(user.id, orgId, inviteId);
  }

  @Get('invites/:inviteId/audit')
  @ApiOperation({ summary: "The invite's audit trail (created, revoked, overrides) and its attempts' manual grades, newest first" })
  @ApiOkResponse({ type: [AuditEventDto] })
  audit(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('inviteId', uuidPipe) inviteId: string): Promise<AuditEventDto[]> {
    return this.invites.auditTrail(user.id, orgId, inviteId);
  }

  @Put('invites/:inviteId/override')
  @ApiOperation({ summary: "Per-candidate override: extra minutes (also for the open attempt) and extra attempts; audited" })
  @ApiOkResponse({ type: InviteDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  override(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('inviteId', uuidPipe) inviteId: string,
    @Body() body: InviteOverrideDto,
  ): Promise<InviteDto> {
    return this.invites.override(user.id, orgId, inviteId, body);
  }
}
