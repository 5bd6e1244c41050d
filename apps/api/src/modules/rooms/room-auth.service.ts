import { Injectable } from '@nestjs/common';
import type { AuthedRequest, AuthUser } from '../../common/auth/decorators';
import { ROOM_TOKEN_HEADER, SESSION_COOKIE } from '../../common/auth/cookies';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccountsService, hashToken } from '../accounts/accounts.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { RoomsRepository, type MemberRow, type RoomMember, type RoomRow } from './rooms.repository';

/** Who is calling a room route or opening its WebSocket: a user, or a guest by member token. */
export type RoomCaller = { kind: 'user'; userId: string } | { kind: 'guest'; memberToken: string };

/** A caller allowed to read a room's record, and whether they see it as its interviewer does (notes, the whole card). */
export interface RoomReader {
  room: RoomRow;
  interviewerView: boolean;
}

/** The value of one cookie in a Cookie header (the WebSocket upgrade has no cookie-parser). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Resolves a caller to a seat. A request with X-Room-Token is a guest's and is judged by that
 * token alone (the CSRF middleware let it pass without the CSRF header, so a session cookie on
 * it must not count). A member token that seats nobody is 401; anyone not seated in the room gets
 * the same 404 as for a missing room.
 */
@Injectable()
export class RoomAuthService {
  constructor(
    private readonly repo: RoomsRepository,
    private readonly accounts: AccountsService,
    private readonly orgs: OrganizationsService,
  ) {}

  callerOf(req: AuthedRequest): RoomCaller {
    const header = req.header(ROOM_TOKEN_HEADER);
    if (header) return { kind: 'guest', memberToken: header };
    if (req.user) return { kind: 'user', userId: req.user.id };
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'Log in, or send your room member token in X-Room-Token.');
  }

  async member(req: AuthedRequest, roomId: string): Promise<RoomMember> {
    return this.memberOf(this.callerOf(req), roomId);
  }

  /**
   * Who may read what a room left behind (its replay and scorecard): its members as their seat
   * sees it, and for a hiring round also the organization's managers and owners, who review rounds
   * they did not run from the candidate's report (they read it as the interviewer does). Everyone
   * else gets the same 404 as a stranger.
   */
  async reader(req: AuthedRequest, roomId: string): Promise<RoomReader> {
    const caller = this.callerOf(req);
    try {
      const member = await this.memberOf(caller, roomId);
      return { room: member.room, interviewerView: member.role === 'interviewer' };
    } catch (err) {
      if (caller.kind !== 'user' || !(err instanceof AppError) || err.code !== ErrorCode.ROOM_NOT_FOUND) throw err;
      const room = await this.repo.room(roomId);
      if (!room?.organization_id) throw err;
      // Managers and owners only (plain members of an organization are rejected like strangers).
      await this.orgs.requireMembership(caller.userId, room.organization_id).catch(() => {
        throw err;
      });
      return { room, interviewerView: true };
    }
  }

  async memberOf(caller: RoomCaller, roomId: string): Promise<RoomMember> {
    let seat: MemberRow | undefined;
    if (caller.kind === 'user') seat = await this.repo.memberByUser(roomId, caller.userId);
    else {
      const bySeat = caller.memberToken.length <= 200 ? await this.repo.memberByToken(hashToken(caller.memberToken)) : undefined;
      // A token that seats nobody is a failed authentication (401); a real seat in another room
      // is "not a member" like any stranger (404).
      if (!bySeat) throw new AppError(ErrorCode.UNAUTHENTICATED, 'This room member token is not valid; join the room by its link again.');
      seat = bySeat.room_id === roomId ? bySeat : undefined;
    }
    const room = seat ? await this.repo.room(roomId) : undefined;
    if (!seat || !room) throw new AppError(ErrorCode.ROOM_NOT_FOUND, 'No such room (or you are not a member of it).');
    return { ...seat, room };
  }

  /**
   * The WebSocket's caller: the provider's token is 'cookie' (then the upgrade request's session
   * cookie counts) or a guest's member token.
   */
  async websocketCaller(token: string, cookieHeader: string | undefined): Promise<{ caller: RoomCaller; user: AuthUser | null } | null> {
    if (token === 'cookie') {
      const session = cookieValue(cookieHeader, SESSION_COOKIE);
      const user = session ? await this.accounts.resolveSession(session) : null;
      return user ? { caller: { kind: 'user', userId: user.id }, user } : null;
    }
    return token ? { caller: { kind: 'guest', memberToken: token }, user: null } : null;
  }
}
