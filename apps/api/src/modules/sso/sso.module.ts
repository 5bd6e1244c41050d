import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SsoAdminController } from './sso-admin.controller';
import { DnsTxtLookup } from './sso-domain-proof';
import { SsoController } from './sso.controller';
import { SsoRepository } from './sso.repository';
import { SsoService } from './sso.service';

/** OpenID Connect sign-in per organization (issue 19). */
@Module({
  imports: [AccountsModule, OrganizationsModule, AuditModule],
  controllers: [SsoController, SsoAdminController],
  providers: [SsoRepository, SsoService, DnsTxtLookup],
})
export class SsoModule {}
