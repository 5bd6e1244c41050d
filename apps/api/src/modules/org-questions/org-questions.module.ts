import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { OrgQuestionsController } from './org-questions.controller';
import { OrgQuestionsService } from './org-questions.service';

@Module({
  imports: [OrganizationsModule],
  controllers: [OrgQuestionsController],
  providers: [OrgQuestionsService],
})
export class OrgQuestionsModule {}
