import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JudgeModule } from '../judge/judge.module';
import { BankLoaderService } from './bank-loader.service';
import { QuestionEntity, QuestionVersionEntity, TopicEntity } from './question.entities';
import { QuestionsController } from './questions.controller';
import { QuestionsRepository } from './questions.repository';
import { QuestionsService } from './questions.service';

@Module({
  imports: [TypeOrmModule.forFeature([TopicEntity, QuestionEntity, QuestionVersionEntity]), JudgeModule],
  controllers: [QuestionsController],
  providers: [QuestionsRepository, QuestionsService, BankLoaderService],
  exports: [QuestionsService, BankLoaderService],
})
export class QuestionsModule {}
