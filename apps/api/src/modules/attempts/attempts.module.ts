import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttemptFinalizer } from './attempt-finalizer.service';
import { AttemptReviewService } from './attempt-review.service';
import { AttemptSweepService } from './attempt-sweep.service';
import { AnswerEntity, AttemptEntity, AttemptItemEntity } from './attempt.entities';
import { AttemptsController } from './attempts.controller';
import { AttemptsRepository } from './attempts.repository';
import { AttemptsService } from './attempts.service';
import { Clock } from './clock';
import { JudgeModule } from '../judge/judge.module';
import { QuestionsModule } from '../questions/questions.module';

@Module({
  imports: [TypeOrmModule.forFeature([AttemptEntity, AttemptItemEntity, AnswerEntity]), JudgeModule, QuestionsModule],
  controllers: [AttemptsController],
  providers: [AttemptsRepository, AttemptsService, AttemptReviewService, AttemptFinalizer, AttemptSweepService, Clock],
  exports: [AttemptsService, AttemptReviewService, AttemptSweepService, AttemptFinalizer, Clock],
})
export class AttemptsModule {}
