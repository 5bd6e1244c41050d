import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { JudgeController } from './judge.controller';
import { JudgeEventsService } from './judge-events.service';
import { JudgeGradingService } from './judge-grading.service';
import { JudgeRepository } from './judge.repository';
import { JudgeStreamService } from './judge-stream.service';
import { JudgeService } from './judge.service';

/** Code-task runs: queued here, judged by the runner app (apps/runner), followed over SSE. */
@Module({
  imports: [AccountsModule, WebhooksModule],
  controllers: [JudgeController],
  providers: [JudgeService, JudgeRepository, JudgeEventsService, JudgeStreamService, JudgeGradingService],
  exports: [JudgeService, JudgeGradingService, JudgeStreamService, JudgeEventsService],
})
export class JudgeModule {}
