import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttemptsModule } from '../attempts/attempts.module';
import { JudgeModule } from '../judge/judge.module';
import { SrsCardEntity, SrsOptimizationEntity, SrsReviewEntity, SrsSettingsEntity } from './drill.entities';
import { DrillsClock } from './drills-clock';
import { DrillsAdminController } from './drills-admin.controller';
import { DrillsController } from './drills.controller';
import { DrillsService } from './drills.service';
import { SrsOptimizerService } from './srs-optimizer.service';

@Module({
  imports: [TypeOrmModule.forFeature([SrsSettingsEntity, SrsCardEntity, SrsReviewEntity, SrsOptimizationEntity]), AttemptsModule, JudgeModule],
  controllers: [DrillsController, DrillsAdminController],
  providers: [DrillsService, DrillsClock, SrsOptimizerService],
  exports: [DrillsService],
})
export class DrillsModule {}
