import { Module } from '@nestjs/common';
import { DeckExportController } from './deck-export.controller';
import { DeckExportRepository } from './deck-export.repository';
import { DeckExportService } from './deck-export.service';

/** Drill deck exports (Anki package, CSV): reads the learner's cards, writes nothing. */
@Module({
  controllers: [DeckExportController],
  providers: [DeckExportService, DeckExportRepository],
})
export class DeckExportModule {}
