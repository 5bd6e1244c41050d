import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, TokenScope } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { ApiNotFoundFor } from '../../common/http/api-not-found-for';
import { PagedQuery, pageOf, pageWindow, sendPage, totalHeaderDoc } from '../../common/http/paging';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { AUDIT_PAGE, AuditEventDto, AuditQueryDto } from '../audit/dto/audit-event.dto';
import { CreateInvitesDto, InviteCreatedDto, InviteDto, InviteOverrideDto, InvitesCreatedDto, ReissueInviteDto } from './dto/invite.dto';
import { InvitesService } from './invites.service';

const INVITES_PAGE = { default: 100, max: 500 };
class InvitesQueryDto extends PagedQuery(INVITES_PAGE.default, INVITES_PAGE.max) {}

@ApiTags('invites')
@Roles('manager', 'admin')
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'FORBIDDEN for learners' })
@ApiNotFoundFor({ orgId: 'ORGANIZATION_NOT_FOUND for non-members', setId: 'QUESTION_SET_NOT_FOUND', inviteId: 'INVITE_NOT_FOUND' })
@TokenScope('invites:manage')
@Controller('orgs/:orgId')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Post('sets/:setId/invites')
  @ApiOperation({ summary: 'Invite candidates in bulk to a published set version; the response is the only place the links appear' })
  @ApiCreatedResponse({ type: InvitesCreatedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED (with the list\'s line numbers)' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'SET_ARCHIVED' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'SET_VERSION_NOT_FOUND (no such published version)' })
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
  @ApiOkResponse({ type: [InviteDto], headers: totalHeaderDoc })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: `VALIDATION_FAILED (limit above ${INVITES_PAGE.max})` })
  async list(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('setId', uuidPipe) setId: string,
    @Query() query: InvitesQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InviteDto[]> {
    return sendPage(res, await this.invites.list(user.id, orgId, setId, pageWindow(query, INVITES_PAGE.default)));
  }

  @Post('invites/:inviteId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an invite (an open attempt is closed unscored); idempotent' })
  @ApiOkResponse({ type: InviteDto })
  revoke(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('inviteId', uuidPipe) inviteId: string): Promise<InviteDto> {
    return this.invites.revoke(user.id, orgId, inviteId);
  }

  @Post('invites/:inviteId/reissue')
  @HttpCode(200)
  @ApiOperation({ summary: 'A fresh link for the same invite (mailed when SMTP is configured); the old link stops working' })
  @ApiOkResponse({ type: InviteCreatedDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'INVITE_REVOKED' })
  reissue(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('inviteId', uuidPipe) inviteId: string,
    @Body() body: ReissueInviteDto,
  ): Promise<InviteCreatedDto> {
    return this.invites.reissue(user.id, orgId, inviteId, body.locale);
  }

  @Get('invites/:inviteId/audit')
  @ApiOperation({ summary: "The invite's audit trail (created, revoked, overrides) and its attempts' manual grades, newest first" })
  @ApiOkResponse({ type: [AuditEventDto], headers: totalHeaderDoc })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: `VALIDATION_FAILED (limit above ${AUDIT_PAGE.max})` })
  async audit(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('inviteId', uuidPipe) inviteId: string,
    @Query() query: AuditQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditEventDto[]> {
    return sendPage(res, pageOf(await this.invites.auditTrail(user.id, orgId, inviteId), query, AUDIT_PAGE.default));
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
