import { Controller, Get, Param } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, TokenScope } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { InviteRoomListDto } from './dto/room.dto';
import { RoomOutcomesService } from './room-outcomes.service';

@ApiTags('rooms')
@Roles('manager', 'admin')
@Controller('orgs/:orgId/invites/:inviteId/rooms')
export class RoomOutcomesController {
  constructor(private readonly outcomes: RoomOutcomesService) {}

  @Get()
  @TokenScope('results:read')
  @ApiOperation({ summary: "Managers: the live rounds held for a candidate's invite, each with its scorecard and the replay's path (for the candidate report)" })
  @ApiOkResponse({ type: InviteRoomListDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'FORBIDDEN for learners' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ORGANIZATION_NOT_FOUND for non-managers of the organization' })
  list(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('inviteId', uuidPipe) inviteId: string): Promise<InviteRoomListDto> {
    return this.outcomes.inviteRooms(user.id, orgId, inviteId);
  }
}
