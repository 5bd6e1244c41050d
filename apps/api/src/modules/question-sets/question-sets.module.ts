import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { QuestionSetsController, SetTemplatesController } from './question-sets.controller';
import { QuestionSetsRepository } from './question-sets.repository';
import { QuestionSetsService } from './question-sets.service';
import { SetInterchangeService } from './set-interchange.service';
import { SetPublishingService } from './set-publishing.service';

@Module({
  imports: [OrganizationsModule, AuditModule, WebhooksModule],
  controllers: [SetTemplatesController, QuestionSetsController],
  providers: [QuestionSetsRepository, QuestionSetsService, SetPublishingService, SetInterchangeService],
  exports: [QuestionSetsService],
})
export class QuestionSetsModule {}
