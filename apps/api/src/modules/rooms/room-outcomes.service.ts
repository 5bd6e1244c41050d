import { Injectable } from '@nestjs/common';
import { OrganizationsService } from '../organizations/organizations.service';
import type { InviteRoomListDto } from './dto/room.dto';
import { RoomsRepository } from './rooms.repository';
import { mapScorecard } from './rooms.service';

/** What rooms leave behind outside the room: a candidate's live rounds in their report. */
@Injectable()
export class RoomOutcomesService {
  constructor(
    private readonly repo: RoomsRepository,
    private readonly orgs: OrganizationsService,
  ) {}

  /**
   * The manager rooms held for one candidate invite, each with its scorecard as its interviewer
   * sees it (the organization's managers read the whole card; the candidate never does).
   */
  async inviteRooms(userId: string, organizationId: string, inviteId: string): Promise<InviteRoomListDto> {
    await this.orgs.requireMembership(userId, organizationId);
    const rows = await this.repo.inviteRooms(organizationId, inviteId);
    const items = [];
    for (const r of rows) {
      items.push({
        roomId: r.id,
        title: r.title,
        status: r.status,
        interviewer: r.interviewer,
        createdAt: r.created_at.toISOString(),
        endedAt: r.ended_at ? r.ended_at.toISOString() : null,
        replayPath: `/rooms/${r.id}/replay`,
        scorecard: r.card ? mapScorecard(r.id, r.card, await this.repo.asked(r.id), true) : null,
      });
    }
    return { items };
  }
}
