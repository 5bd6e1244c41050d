import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CurrentUser } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { AcceptOrgInviteDto, CreateOrganizationDto, CreateOrgInviteDto, OrganizationDto, OrgInviteCreatedDto } from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Controller()
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get('orgs')
  @ApiOperation({ summary: 'Organizations I belong to' })
  @ApiOkResponse({ type: [OrganizationDto] })
  list(@CurrentUser() user: AuthUser): Promise<OrganizationDto[]> {
    return this.organizations.listForUser(user.id);
  }

  @Post('orgs')
  @ApiOperation({ summary: 'Create an organization (its creator becomes owner and manager)' })
  @ApiCreatedResponse({ type: OrganizationDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateOrganizationDto): Promise<OrganizationDto> {
    return this.organizations.create(user.id, body.name);
  }

  @Post('orgs/:id/invites')
  @ApiOperation({ summary: 'Invite a member by link (shown once; valid 7 days, single use)' })
  @ApiCreatedResponse({ type: OrgInviteCreatedDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ORGANIZATION_NOT_FOUND' })
  invite(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Body() body: CreateOrgInviteDto,
  ): Promise<OrgInviteCreatedDto> {
    return this.organizations.invite(user.id, id, body.email);
  }

  @Post('org-invites/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Join the organization of an invite link' })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'INVITE_INVALID' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ALREADY_MEMBER' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED after too many invalid links from one address' })
  accept(@CurrentUser() user: AuthUser, @Body() body: AcceptOrgInviteDto): Promise<OrganizationDto> {
    return this.organizations.accept(user.id, body.token);
  }
}
