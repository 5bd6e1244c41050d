import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { MeController } from './me.controller';

@Module({ imports: [OrganizationsModule], controllers: [MeController] })
export class MeModule {}
