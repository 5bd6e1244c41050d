import { Module } from '@nestjs/common';
import { AttemptsModule } from '../attempts/attempts.module';
import { JudgeModule } from '../judge/judge.module';
import { DrillsClock } from './drills-clock';
import { DrillsAdminController } from './drills-admin.controller';
import { DrillsController } from './drills.controller';
import { DrillStatsService } from './drill-stats.service';
import { DrillsRepository } from './drills.repository';
import { DrillsService } from './drills.service';
import { SrsOptimizerService } from './srs-optimizer.service';

@Module({
  imports: [AttemptsModule, JudgeModule],
  controllers: [DrillsController, DrillsAdminController],
  providers: [DrillsRepository, DrillsService, DrillStatsService, DrillsClock, SrsOptimizerService],
  exports: [DrillsService],
})
export class DrillsModule {}
