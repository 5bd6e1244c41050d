import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SsoController } from './sso.controller';
import { SsoRepository } from './sso.repository';
import { SsoService } from './sso.service';

/** OpenID Connect sign-in per organization (issue 19). */
@Module({
  imports: [AccountsModule, OrganizationsModule],
  controllers: [SsoController],
  providers: [SsoRepository, SsoService],
})
export class SsoModule {}
