import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AttemptsModule } from '../attempts/attempts.module';
import { InvitesModule } from '../invites/invites.module';
import { JudgeModule } from '../judge/judge.module';
import { QuestionSetsModule } from '../question-sets/question-sets.module';
import { CandidateController } from './candidate.controller';
import { CandidateRepository } from './candidate.repository';
import { CandidateService } from './candidate.service';

@Module({
  imports: [AccountsModule, AttemptsModule, InvitesModule, QuestionSetsModule, JudgeModule],
  controllers: [CandidateController],
  providers: [CandidateRepository, CandidateService],
})
export class CandidateModule {}
