import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttemptsModule } from '../attempts/attempts.module';
import { SrsCardEntity, SrsReviewEntity, SrsSettingsEntity } from './drill.entities';
import { DrillsClock } from './drills-clock';
import { DrillsController } from './drills.controller';
import { DrillsService } from './drills.service';

@Module({
  imports: [TypeOrmModule.forFeature([SrsSettingsEntity, SrsCardEntity, SrsReviewEntity]), AttemptsModule],
  controllers: [DrillsController],
  providers: [DrillsService, DrillsClock],
  exports: [DrillsService],
})
export class DrillsModule {}
