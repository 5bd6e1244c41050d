import { Module } from '@nestjs/common';
import { AttemptsModule } from '../attempts/attempts.module';
import { AuditModule } from '../audit/audit.module';
import { InvitesModule } from '../invites/invites.module';
import { JudgeModule } from '../judge/judge.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { QuestionSetsModule } from '../question-sets/question-sets.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ResultsController } from './results.controller';
import { ResultsRepository } from './results.repository';
import { ResultsService } from './results.service';
import { SetStatisticsService } from './set-statistics.service';

@Module({
  imports: [OrganizationsModule, QuestionSetsModule, AuditModule, InvitesModule, AttemptsModule, JudgeModule, WebhooksModule],
  controllers: [ResultsController],
  providers: [ResultsRepository, ResultsService, SetStatisticsService],
})
export class ResultsModule {}
