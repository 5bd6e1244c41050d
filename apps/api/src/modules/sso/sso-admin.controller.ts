import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { SsoDomainDto } from './dto/sso.dto';
import { SsoService } from './sso.service';

@ApiTags('sso')
@Controller('admin/orgs')
export class SsoAdminController {
  constructor(private readonly sso: SsoService) {}

  @Post(':id/sso/domains/:domain/verify')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: "Mark an organization's listed email domain verified by hand, without DNS (site admins; written to the organization's audit trail)" })
  @ApiOkResponse({ type: SsoDomainDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'FORBIDDEN for anyone but a site admin' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'SSO_DOMAIN_NOT_FOUND: the organization does not list it' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'SSO_DOMAIN_TAKEN: another organization verified it' })
  verify(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Param('domain') domain: string): Promise<SsoDomainDto> {
    return this.sso.adminVerifyDomain(user.id, id, domain);
  }
}
