import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { AccountsModule } from '../accounts/accounts.module';
import { JudgeModule } from '../judge/judge.module';
import { RoomAuthService } from './room-auth.service';
import { RoomDocService } from './room-doc.service';
import { RoomsController } from './rooms.controller';
import { RoomsRepository } from './rooms.repository';
import { RoomsService } from './rooms.service';

/** Live interview rooms: REST here, the shared document over Hocuspocus on the same server (RoomDocService). */
@Module({
  imports: [AccountsModule, JudgeModule, WebhooksModule],
  controllers: [RoomsController],
  providers: [RoomsRepository, RoomAuthService, RoomDocService, RoomsService],
  exports: [RoomDocService],
})
export class RoomsModule {}
