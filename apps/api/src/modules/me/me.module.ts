import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { MeController } from './me.controller';

@Module({ imports: [OrganizationsModule, AccountsModule], controllers: [MeController] })
export class MeModule {}
