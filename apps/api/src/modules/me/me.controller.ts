import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentUser } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { MeDto } from '../accounts/dto/auth.dto';
import { OrganizationsService } from '../organizations/organizations.service';

@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({ summary: 'The logged-in user with their organizations' })
  @ApiOkResponse({ type: MeDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'UNAUTHENTICATED' })
  async me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      organizations: await this.organizations.listForUser(user.id),
    };
  }
}
