import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { ApiTokensService } from './api-tokens.service';
import { ApiTokenCreatedDto, ApiTokenDto, CreateApiTokenDto } from './dto/api-token.dto';

/** Token management is for sessions only: no @TokenScope here, so a token cannot mint or revoke tokens. */
@ApiTags('api-tokens')
@Controller()
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get('me/tokens')
  @ApiOperation({ summary: 'My personal API tokens (never their secrets)' })
  @ApiOkResponse({ type: [ApiTokenDto] })
  listPersonal(@CurrentUser() user: AuthUser): Promise<ApiTokenDto[]> {
    return this.tokens.listPersonal(user);
  }

  @Post('me/tokens')
  @ApiOperation({ summary: 'Create a personal API token; the secret is in this answer only' })
  @ApiCreatedResponse({ type: ApiTokenCreatedDto })
  @ApiForbiddenResponse({
    type: ErrorBodyDto,
    description: "API_TOKEN_SCOPE_NOT_ALLOWED (organization scopes on a learner's token)",
  })
  createPersonal(@CurrentUser() user: AuthUser, @Body() body: CreateApiTokenDto): Promise<ApiTokenCreatedDto> {
    return this.tokens.createPersonal(user, body);
  }

  @Delete('me/tokens/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a personal API token (at once)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'API_TOKEN_NOT_FOUND' })
  async revokePersonal(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<void> {
    await this.tokens.revokePersonal(user, id);
  }

  @Get('orgs/:orgId/tokens')
  @ApiOperation({ summary: "The organization's API tokens (never their secrets)" })
  @ApiOkResponse({ type: [ApiTokenDto] })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ORGANIZATION_NOT_FOUND for non-members' })
  listOrganization(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string): Promise<ApiTokenDto[]> {
    return this.tokens.listOrganization(user, orgId);
  }

  @Post('orgs/:orgId/tokens')
  @ApiOperation({
    summary:
      "Create an organization API token: it belongs to the organization, acts only within it, and outlives its creator's membership",
  })
  @ApiCreatedResponse({ type: ApiTokenCreatedDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ORGANIZATION_NOT_FOUND for non-members' })
  createOrganization(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Body() body: CreateApiTokenDto,
  ): Promise<ApiTokenCreatedDto> {
    return this.tokens.createOrganization(user, orgId, body);
  }

  @Delete('orgs/:orgId/tokens/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an organization API token (at once)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'ORGANIZATION_NOT_FOUND for non-members, API_TOKEN_NOT_FOUND',
  })
  async revokeOrganization(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('id', uuidPipe) id: string,
  ): Promise<void> {
    await this.tokens.revokeOrganization(user, orgId, id);
  }
}
