import { Module } from '@nestjs/common';
import { AttemptFinalizer } from './attempt-finalizer.service';
import { AttemptReviewService } from './attempt-review.service';
import { AttemptSweepService } from './attempt-sweep.service';
import { AttemptsController } from './attempts.controller';
import { AttemptsRepository } from './attempts.repository';
import { AttemptsService } from './attempts.service';
import { Clock } from './clock';
import { JudgeModule } from '../judge/judge.module';
import { QuestionsModule } from '../questions/questions.module';
import { WebhooksModule } from '../webhooks/webhooks.module';

@Module({
  imports: [JudgeModule, QuestionsModule, WebhooksModule],
  controllers: [AttemptsController],
  providers: [AttemptsRepository, AttemptsService, AttemptReviewService, AttemptFinalizer, AttemptSweepService, Clock],
  exports: [AttemptsService, AttemptReviewService, AttemptSweepService, AttemptFinalizer, Clock],
})
export class AttemptsModule {}
