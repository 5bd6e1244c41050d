import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { OrgQuestionsController } from './org-questions.controller';
import { OrgQuestionsRepository } from './org-questions.repository';
import { OrgQuestionsService } from './org-questions.service';

@Module({
  imports: [OrganizationsModule],
  controllers: [OrgQuestionsController],
  providers: [OrgQuestionsRepository, OrgQuestionsService],
})
export class OrgQuestionsModule {}
