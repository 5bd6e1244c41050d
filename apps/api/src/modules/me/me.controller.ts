import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentUser } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { AccountsService } from '../accounts/accounts.service';
import { mapMe, MeDto, UpdateMeSettingsDto } from '../accounts/dto/auth.dto';
import { OrganizationsService } from '../organizations/organizations.service';

@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly accounts: AccountsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The logged-in user with their organizations' })
  @ApiOkResponse({ type: MeDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'UNAUTHENTICATED' })
  async me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return mapMe(user, await this.organizations.listForUser(user.id));
  }

  @Patch('settings')
  @ApiOperation({ summary: 'Change my settings: the content language questions are delivered in' })
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'UNAUTHENTICATED' })
  async updateSettings(@CurrentUser() user: AuthUser, @Body() body: UpdateMeSettingsDto): Promise<MeDto> {
    await this.accounts.setContentLanguage(user.id, body.contentLanguage);
    return this.me({ ...user, contentLanguage: body.contentLanguage });
  }
}
