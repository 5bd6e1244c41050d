import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { AccountsModule } from '../accounts/accounts.module';
import { JudgeModule } from '../judge/judge.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { RoomAuthService } from './room-auth.service';
import { RoomDocService } from './room-doc.service';
import { RoomOutcomesController } from './room-outcomes.controller';
import { RoomOutcomesService } from './room-outcomes.service';
import { RoomsController } from './rooms.controller';
import { RoomsRepository } from './rooms.repository';
import { RoomsService } from './rooms.service';

/** Live interview rooms: REST here, the shared document over Hocuspocus on the same server (RoomDocService). */
@Module({
  imports: [AccountsModule, JudgeModule, WebhooksModule, OrganizationsModule],
  controllers: [RoomsController, RoomOutcomesController],
  providers: [RoomsRepository, RoomAuthService, RoomDocService, RoomsService, RoomOutcomesService],
  exports: [RoomDocService],
})
export class RoomsModule {}
