import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttemptFinalizer } from './attempt-finalizer.service';
import { AttemptSweepService } from './attempt-sweep.service';
import { AnswerEntity, AttemptEntity, AttemptItemEntity } from './attempt.entities';
import { AttemptsController } from './attempts.controller';
import { AttemptsService } from './attempts.service';
import { Clock } from './clock';
import { JudgeModule } from '../judge/judge.module';

@Module({
  imports: [TypeOrmModule.forFeature([AttemptEntity, AttemptItemEntity, AnswerEntity]), JudgeModule],
  controllers: [AttemptsController],
  providers: [AttemptsService, AttemptFinalizer, AttemptSweepService, Clock],
  exports: [AttemptsService, AttemptSweepService, AttemptFinalizer, Clock],
})
export class AttemptsModule {}
