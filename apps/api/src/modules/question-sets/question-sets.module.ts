import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { QuestionSetsController, SetTemplatesController } from './question-sets.controller';
import { QuestionSetsService } from './question-sets.service';

@Module({
  imports: [OrganizationsModule, AuditModule],
  controllers: [SetTemplatesController, QuestionSetsController],
  providers: [QuestionSetsService],
  exports: [QuestionSetsService],
})
export class QuestionSetsModule {}
