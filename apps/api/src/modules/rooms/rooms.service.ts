import { randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { loadTemplates, type RoleTemplate } from '@goprep/question-bank';
import type { AuthUser } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { hashToken } from '../accounts/accounts.service';
import { RateLimiterService } from '../accounts/rate-limiter.service';
import { JudgeEventsService } from '../judge/judge-events.service';
import { JudgeService } from '../judge/judge.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import type { RoomReader } from './room-auth.service';
import type { EntityManager } from 'typeorm';
import {
  COMPETENCIES,
  type JoinedRoomDto,
  type JoinRoomDto,
  type MemberRole,
  type NoteDto,
  type NoteListDto,
  type PanelDto,
  type PanelQueryDto,
  type PushedDto,
  type PutScorecardDto,
  type ReplayDto,
  type RoomDto,
  type RoomListDto,
  type RoomRunDto,
  type ScorecardDto,
  type CreateRoomDto,
  type RoomLevel,
  type RoomRunResultDto,
} from './dto/room.dto';
import { Y, type YDoc, type YText } from './esm-deps';
import { RoomDocService, filesOf } from './room-doc.service';
import type { ContentLocale } from '../../common/i18n/content-locale';
import { RoomsRepository, type AskedRow, type MemberRow, type PanelRow, type PendingRunRow, type PushRow, type RoomMember, type RoomRow, type ScorecardRow } from './rooms.repository';

/** How long a room can be joined after it is opened. */
export const ROOM_TTL_HOURS = 24;
const ROOMS_PER_HOUR = 30;
const JOINS_PER_MINUTE = 30;
const WRITES_PER_MINUTE = 60;
const PANEL_LIMIT = 100;

/** `rj_` join tokens and `rm_` member tokens: 32 random bytes, base64url. */
function newToken(prefix: 'rj_' | 'rm_'): string {
  return prefix + randomBytes(32).toString('base64url');
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A panel question's follow-ups: the fresh translation's when it has the English count, else the English; none when the bank has none. */
export function panelFollowUps(r: Pick<PanelRow, 'follow_ups' | 'tr_follow_ups'>): string[] | undefined {
  const english = r.follow_ups;
  if (!english || english.length === 0) return undefined;
  return r.tr_follow_ups && r.tr_follow_ups.length === english.length ? r.tr_follow_ups : english;
}

/** The prompt Markdown a push shows: the question's prompt and its program (never the key). */
export function promptMarkdown(q: Pick<PushRow, 'title' | 'prompt' | 'code'>): string {
  const parts = [`## ${q.title}`, q.prompt.trim()];
  if (q.code) parts.push('```go\n' + q.code.replace(/\n$/, '') + '\n```');
  return parts.join('\n\n') + '\n';
}

/** The role template's topics and difficulty range for a level (`mid` spans junior and senior). */
export function panelScope(template: RoleTemplate | undefined, level: RoomLevel): { topics: string[]; maxDifficulty: number } {
  if (!template) return { topics: [], maxDifficulty: 5 };
  const levels = level === 'mid' ? (['junior', 'senior'] as const) : ([level] as const);
  const pools = levels.flatMap((l) => template.levels[l]?.pools ?? []);
  return { topics: [...new Set(pools.map((p) => p.topic))], maxDifficulty: Math.max(1, ...pools.map((p) => p.difficulty[1])) };
}

/**
 * A scorecard as a reader sees it: the rubric items (an essay's grading key) go to the interviewer
 * only; the candidate sees what was asked and which questions were marked as struggled with.
 */
export function mapScorecard(roomId: string, card: ScorecardRow, asked: AskedRow[], forInterviewer: boolean): ScorecardDto {
  const struggled = new Set(card.struggled ?? []);
  return {
    roomId,
    ratings: card.ratings,
    recommendation: card.recommendation,
    strengths: card.strengths,
    nextSteps: card.next_steps,
    comments: card.comments,
    updatedAt: card.updated_at.toISOString(),
    asked: asked.map((a) => ({
      questionId: a.question_id,
      title: a.title,
      at: a.at.toISOString(),
      ...(forInterviewer ? { rubric: Array.isArray(a.answer_key?.rubric) ? a.answer_key.rubric : [] } : {}),
      struggled: struggled.has(a.question_id),
    })),
  };
}

@Injectable()
export class RoomsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Rooms');
  private templates: RoleTemplate[] | undefined;
  private readonly watching = new Set<string>();

  constructor(
    private readonly repo: RoomsRepository,
    private readonly docs: RoomDocService,
    private readonly limiter: RateLimiterService,
    private readonly judge: JudgeService,
    private readonly judgeEvents: JudgeEventsService,
    private readonly webhooks: WebhooksService,
  ) {}

  /** Runs judged while this process was down are written into their documents now. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      for (const run of await this.repo.pendingRuns()) void this.watchRun(run.run_id);
    } catch (err) {
      // Not migrated yet (OpenAPI generation, a CLI): nothing to resume.
      this.logger.debug({ err }, 'no pending room runs read');
    }
  }

  private roleTemplate(role: string): RoleTemplate | undefined {
    this.templates ??= loadTemplates().templates;
    return this.templates.find((t) => t.id === role);
  }

  async create(user: AuthUser, dto: CreateRoomDto): Promise<RoomDto> {
    if (!this.roleTemplate(dto.role)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, `No role "${dto.role}"; use a mock template id.`, [{ field: 'role', message: 'unknown role' }]);
    }
    let organizationId: string | null = null;
    if (dto.kind === 'manager') {
      if (user.role === 'learner') throw new AppError(ErrorCode.FORBIDDEN, 'Manager rooms are for organization managers.');
      if (dto.inviteId) {
        organizationId = (await this.repo.inviteOrgManaged(user.id, dto.inviteId)) ?? null;
        if (!organizationId) throw new AppError(ErrorCode.FORBIDDEN, 'That invite is not in an organization you manage.');
      }
    } else if (dto.inviteId) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'inviteId belongs to manager rooms.', [{ field: 'inviteId', message: 'manager rooms only' }]);
    }
    await this.limit(`rooms:create:${user.id}`, 3600, ROOMS_PER_HOUR);
    const candidateToken = newToken('rj_');
    const roomId = await this.repo.transaction(async (tx) => {
      const id = await this.repo.insertRoom(tx, {
        kind: dto.kind,
        title: dto.title?.trim() || 'Mock interview',
        role: dto.role,
        level: dto.level,
        createdBy: user.id,
        organizationId,
        inviteId: dto.inviteId ?? null,
        durationMinutes: dto.durationMinutes ?? 45,
        ttlHours: ROOM_TTL_HOURS,
      });
      await this.repo.insertMember(tx, { roomId: id, role: 'interviewer', userId: user.id, displayName: user.displayName, joined: true });
      await this.repo.insertMember(tx, { roomId: id, role: 'candidate', userId: null, displayName: dto.kind === 'peer' ? 'Peer' : 'Candidate', joined: false });
      await this.repo.replaceJoinTokens(tx, id, [{ role: 'candidate', hash: hashToken(candidateToken) }]);
      return id;
    });
    const member = await this.memberAgain(roomId, user.id);
    return this.toDto(member, { candidate: `/rooms/join/${candidateToken}` });
  }

  async list(userId: string): Promise<RoomListDto> {
    const rows = await this.repo.listForUser(userId);
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        role: r.role,
        level: r.level,
        status: this.status(r),
        myRole: r.my_role,
        createdAt: r.created_at.toISOString(),
        endedAt: iso(r.ended_at),
        scored: r.scored,
        strengths: r.strengths,
        nextSteps: r.next_steps,
        struggledCount: r.struggled_count,
      })),
    };
  }

  async join(user: AuthUser | null, dto: JoinRoomDto, ip: string): Promise<JoinedRoomDto> {
    await this.limit(`rooms:join:${ip}`, 60, JOINS_PER_MINUTE);
    const hash = hashToken(dto.joinToken);
    const memberToken = user ? undefined : newToken('rm_');
    const roomId = await this.repo.transaction(async (tx) => {
      const seat = await this.repo.joinTokenForUpdate(tx, hash);
      if (!seat) throw new AppError(ErrorCode.ROOM_JOIN_INVALID, 'This join link is not valid (unknown, already used or replaced).');
      const room = await this.repo.room(seat.room_id, tx, true);
      if (!room) throw new AppError(ErrorCode.ROOM_JOIN_INVALID, 'This join link is not valid.');
      this.assertOpen(room);
      if (user) {
        const members = await this.repo.members(room.id, tx);
        if (members.some((m) => m.user_id === user.id)) throw new AppError(ErrorCode.ROOM_ALREADY_MEMBER, 'You already hold a seat in this room.');
      }
      const name = user?.displayName ?? dto.displayName?.trim() ?? 'Guest';
      await this.repo.takeSeat(tx, room.id, seat.role, { userId: user?.id ?? null, tokenHash: memberToken ? hashToken(memberToken) : null, displayName: name || 'Guest' });
      await this.repo.useJoinToken(tx, hash);
      return room.id;
    });
    const member = user ? await this.memberAgain(roomId, user.id) : await this.memberByToken(memberToken ?? '');
    return { room: await this.toDto(member), ...(memberToken ? { memberToken } : {}) };
  }

  get(member: RoomMember): Promise<RoomDto> {
    return this.toDto(member);
  }

  async reissueLinks(member: RoomMember): Promise<RoomDto> {
    if (member.user_id === null || member.user_id !== member.room.created_by) throw new AppError(ErrorCode.ROOM_FORBIDDEN, 'Only the room\'s creator can make new join links.');
    this.assertOpen(member.room);
    const open = (await this.repo.members(member.room_id)).filter((m) => m.joined_at === null);
    const links: Partial<Record<MemberRole, string>> = {};
    const tokens = open.map((m) => {
      const token = newToken('rj_');
      links[m.role] = `/rooms/join/${token}`;
      return { role: m.role, hash: hashToken(token) };
    });
    await this.repo.transaction((tx) => this.repo.replaceJoinTokens(tx, member.room_id, tokens));
    return this.toDto(member, links);
  }

  async start(member: RoomMember): Promise<RoomDto> {
    this.interviewer(member);
    this.assertOpen(member.room);
    await this.repo.startTimer(member.room_id);
    return this.refreshed(member);
  }

  async swap(member: RoomMember): Promise<RoomDto> {
    this.assertOpen(member.room);
    if (member.room.kind !== 'peer') throw new AppError(ErrorCode.ROOM_SWAP_REFUSED, 'Only peer rooms swap roles.');
    await this.repo.transaction(async (tx) => {
      await this.repo.room(member.room_id, tx, true);
      const members = await this.repo.members(member.room_id, tx);
      if (members.length !== 2 || members.some((m) => m.joined_at === null)) throw new AppError(ErrorCode.ROOM_SWAP_REFUSED, 'Both seats must be taken to swap.');
      await this.repo.swapRoles(tx, member.room_id);
    });
    // The sockets carry the old role in their context: they reconnect with the new one.
    this.docs.closeRoom(member.room_id);
    return this.refreshed(member);
  }

  async panel(member: RoomMember, query: PanelQueryDto, locale: ContentLocale = 'en'): Promise<PanelDto> {
    this.interviewer(member);
    const scope = panelScope(this.roleTemplate(member.room.role), member.room.level);
    const topic = query.topic ?? null;
    const rows = await this.repo.panel({
      topic: topic ?? undefined,
      q: query.q?.trim() || undefined,
      maxDifficulty: scope.maxDifficulty,
      limit: PANEL_LIMIT * 4,
      locale,
    });
    const inScope = topic || scope.topics.length === 0 ? rows : rows.filter((r) => scope.topics.includes(r.topic_id));
    return {
      items: inScope.slice(0, PANEL_LIMIT).map((r) => {
        const rubric = Array.isArray((r.answer_key as { rubric?: unknown }).rubric) ? ((r.answer_key as { rubric: string[] }).rubric) : undefined;
        const followUps = panelFollowUps(r);
        return {
          id: r.id,
          title: r.title,
          topic: r.topic_id,
          type: r.type,
          prompt: r.prompt,
          key: r.answer_key,
          explanation: r.explanation,
          ...(rubric ? { rubric } : {}),
          ...(followUps ? { followUps } : {}),
          ...(r.starter ? { codeTask: { files: Object.entries(r.starter).map(([name, content]) => ({ name, content })) } } : {}),
        };
      }),
    };
  }

  async push(member: RoomMember, questionId: string): Promise<PushedDto> {
    this.interviewer(member);
    this.assertOpen(member.room);
    await this.limit(`rooms:write:${member.room_id}`, 60, WRITES_PER_MINUTE);
    const q = await this.repo.pushTarget(questionId);
    if (!q) throw new AppError(ErrorCode.QUESTION_NOT_FOUND, 'No live bank question with this id.');
    const prompt = promptMarkdown(q);
    const task = q.type === 'code-task' && q.starter ? q.starter : null;
    const at = await this.repo.recordPush(member.room_id, q, prompt, task !== null);
    await this.docs.write(member.room_id, (doc) => {
      const meta = doc.getMap<string>('meta');
      meta.set('prompt', prompt);
      if (!task) return;
      const files = doc.getMap<YText>('files');
      for (const name of [...files.keys()]) files.delete(name);
      const names = Object.keys(task);
      for (const name of names) {
        const text = new Y.Text();
        files.set(name, text);
        text.insert(0, task[name] ?? '');
      }
      if (names[0]) meta.set('activeFile', names[0]);
    });
    return { asked: { questionId: q.id, title: q.title, at: at.toISOString() } };
  }

  async notes(member: RoomMember): Promise<NoteListDto> {
    this.interviewer(member);
    return { items: (await this.repo.notes(member.room_id)).map((n) => ({ id: n.id, at: n.at.toISOString(), body: n.body })) };
  }

  async addNote(member: RoomMember, body: string): Promise<NoteDto> {
    this.interviewer(member);
    await this.limit(`rooms:write:${member.room_id}`, 60, WRITES_PER_MINUTE);
    if ((await this.repo.noteCount(member.room_id)) >= 500) throw new AppError(ErrorCode.VALIDATION_FAILED, 'A room keeps at most 500 notes.');
    const n = await this.repo.addNote(member.room_id, member.id, body);
    return { id: n.id, at: n.at.toISOString(), body: n.body };
  }

  async run(member: RoomMember): Promise<RoomRunDto> {
    this.assertOpen(member.room);
    const room = (await this.repo.room(member.room_id)) ?? member.room;
    if (!room.task_version_id) throw new AppError(ErrorCode.ROOM_NO_TASK, 'Push a code task first: Run judges its visible tests.');
    const doc = await this.currentDoc(room.id);
    const runId = await this.judge.createRoomRun(room.id, room.created_by, room.task_version_id, filesOf(doc), (tx, id) => this.repo.insertRoomRun(tx, id, room.id));
    await this.docs.write(room.id, (d) => d.getArray<RoomRunResultDto>('runs').push([{ runId, state: 'queued', verdict: null, tests: [], at: new Date().toISOString() }]));
    void this.watchRun(runId);
    return { runId };
  }

  async end(member: RoomMember): Promise<RoomDto> {
    this.interviewer(member);
    await this.repo.end(member.room_id);
    // Open sockets reconnect read-only.
    this.docs.closeRoom(member.room_id);
    return this.refreshed(member);
  }

  async scorecard(reader: RoomReader): Promise<ScorecardDto> {
    // A hiring round's card (recommendation, the manager's comments) belongs to the organization:
    // its candidate never reads it. A peer room's card is the learner's feedback.
    if (reader.room.kind === 'manager' && !reader.interviewerView) throw new AppError(ErrorCode.ROOM_FORBIDDEN, 'Only the interviewer can do this.');
    const card = await this.repo.scorecard(reader.room.id);
    if (!card) throw new AppError(ErrorCode.ROOM_SCORECARD_NOT_FOUND, 'No scorecard has been saved for this room yet.');
    return mapScorecard(reader.room.id, card, await this.repo.asked(reader.room.id), reader.interviewerView);
  }

  async saveScorecard(member: RoomMember, dto: PutScorecardDto): Promise<ScorecardDto> {
    this.interviewer(member);
    const problems: Array<{ field: string; message: string }> = [];
    for (const [name, value] of Object.entries(dto.ratings)) {
      if (!(COMPETENCIES as readonly string[]).includes(name)) problems.push({ field: `ratings.${name}`, message: `not a competency (${COMPETENCIES.join(', ')})` });
      else if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 4) problems.push({ field: `ratings.${name}`, message: 'must be an integer 1-4' });
    }
    if (dto.recommendation && member.room.kind !== 'manager') problems.push({ field: 'recommendation', message: 'only manager rooms recommend hire or no-hire' });
    const struggled = [...new Set(dto.struggled ?? [])];
    if (struggled.length > 0) {
      const asked = new Set((await this.repo.asked(member.room_id)).map((a) => a.question_id));
      for (const id of struggled) if (!asked.has(id)) problems.push({ field: 'struggled', message: `"${id.slice(0, 80)}" was not asked in this room` });
    }
    if (problems.length > 0) throw new AppError(ErrorCode.VALIDATION_FAILED, 'The scorecard is not valid.', problems);
    const ratings = dto.ratings as Record<string, number>;
    const recommendation = dto.recommendation ?? null;
    // The card and its `room.scored` event commit together (an organization's rooms only: a peer
    // room belongs to no organization and has no webhooks).
    await this.repo.transaction(async (tx) => {
      await this.repo.upsertScorecard(tx, member.room_id, member.id, {
        ratings,
        recommendation,
        strengths: dto.strengths ?? null,
        nextSteps: dto.nextSteps ?? null,
        comments: dto.comments ?? null,
        struggled,
      });
      await this.roomScored(tx, member.room, { ratings, recommendation });
    });
    return this.scorecard({ room: member.room, interviewerView: true });
  }

  private async roomScored(tx: EntityManager, room: RoomRow, card: { ratings: Record<string, number>; recommendation: string | null }): Promise<void> {
    if (!room.organization_id) return;
    await this.webhooks.emit(
      room.organization_id,
      'room.scored',
      { roomId: room.id, kind: room.kind, title: room.title, inviteId: room.invite_id, ratings: card.ratings, recommendation: card.recommendation },
      tx,
    );
  }

  async replay(reader: RoomReader): Promise<ReplayDto> {
    const [updates, notes, runs, doc] = await Promise.all([
      this.repo.updates(reader.room.id, '0'),
      reader.interviewerView ? this.repo.notes(reader.room.id) : Promise.resolve([]),
      this.repo.runsOf(reader.room.id),
      this.currentDoc(reader.room.id),
    ]);
    return {
      startedAt: iso(reader.room.timer_started_at),
      updates: updates.map((u) => ({ at: u.at.toISOString(), update: Buffer.from(u.update).toString('base64') })),
      notes: notes.map((n) => ({ id: n.id, at: n.at.toISOString(), body: n.body })),
      runs: runs.map((r) => this.runResult(r)),
      finalFiles: filesOf(doc),
    };
  }

  /** The live document when loaded here, else the stored one. */
  private async currentDoc(roomId: string): Promise<YDoc> {
    const live = this.docs.hocuspocus.documents.get(`room:${roomId}`);
    return live ?? this.docs.storedDoc(roomId);
  }

  private runResult(r: PendingRunRow): RoomRunResultDto {
    return {
      runId: r.run_id,
      state: r.state,
      verdict: r.verdict,
      tests: (r.tests ?? []).map((t) => ({ name: t.name, passed: t.passed, output: t.output ?? '' })),
      at: (r.finished_at ?? new Date()).toISOString(),
    };
  }

  /** Follows a room run until the judge is done, then writes the result into the document once. */
  private async watchRun(runId: string): Promise<void> {
    if (this.watching.has(runId)) return;
    this.watching.add(runId);
    let unsubscribe: (() => void) | undefined;
    const check = async (): Promise<void> => {
      const [run] = await this.repo.pendingRuns(runId);
      if (!run) return finish();
      if (run.state !== 'done') return;
      if (!(await this.repo.claimRunReport(runId))) return finish();
      try {
        const result = this.runResult(run);
        await this.docs.write(run.room_id, (doc) => {
          const runs = doc.getArray<RoomRunResultDto>('runs');
          const at = runs.toArray().findIndex((r) => r.runId === runId);
          if (at >= 0) runs.delete(at, 1);
          runs.insert(at >= 0 ? at : runs.length, [result]);
        });
      } catch (err) {
        await this.repo.unclaimRunReport(runId);
        throw err;
      }
      finish();
    };
    const finish = (): void => {
      unsubscribe?.();
      this.watching.delete(runId);
    };
    try {
      unsubscribe = await this.judgeEvents.subscribe(runId, () => void check().catch((err: unknown) => this.logger.warn({ err, runId }, 'room run report failed')));
      await check();
    } catch (err) {
      this.logger.warn({ err, runId }, 'watching a room run failed');
      finish();
    }
  }

  private interviewer(member: RoomMember): void {
    if (member.role !== 'interviewer') throw new AppError(ErrorCode.ROOM_FORBIDDEN, 'Only the interviewer can do this.');
  }

  private status(room: RoomRow): 'open' | 'ended' {
    return room.status;
  }

  private assertOpen(room: RoomRow): void {
    if (room.status === 'ended') throw new AppError(ErrorCode.ROOM_ENDED, 'This room has ended.');
    if (room.expires_at.getTime() <= Date.now()) throw new AppError(ErrorCode.ROOM_EXPIRED, 'This room has expired.');
  }

  private async limit(key: string, windowSeconds: number, max: number): Promise<void> {
    const hit = await this.limiter.hit(key, windowSeconds);
    if (hit.count > max) throw new AppError(ErrorCode.RATE_LIMITED, 'Too many requests; wait a moment.', undefined, { 'Retry-After': String(hit.retryAfter) });
  }

  private async memberAgain(roomId: string, userId: string): Promise<RoomMember> {
    const seat = await this.repo.memberByUser(roomId, userId);
    const room = await this.repo.room(roomId);
    if (!seat || !room) throw new AppError(ErrorCode.ROOM_NOT_FOUND, 'No such room.');
    return { ...seat, room };
  }

  private async memberByToken(token: string): Promise<RoomMember> {
    const seat = await this.repo.memberByToken(hashToken(token));
    const room = seat ? await this.repo.room(seat.room_id) : undefined;
    if (!seat || !room) throw new AppError(ErrorCode.ROOM_NOT_FOUND, 'No such room.');
    return { ...seat, room };
  }

  private async refreshed(member: RoomMember): Promise<RoomDto> {
    const seat = (await this.repo.members(member.room_id)).find((m) => m.id === member.id) ?? member;
    const room = (await this.repo.room(member.room_id)) ?? member.room;
    return this.toDto({ ...seat, room });
  }

  private async toDto(member: RoomMember, joinLinks?: Partial<Record<MemberRole, string>>): Promise<RoomDto> {
    const [members, asked] = await Promise.all([this.repo.members(member.room_id), this.repo.asked(member.room_id)]);
    const r = member.room;
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      role: r.role,
      level: r.level,
      status: this.status(r),
      myRole: member.role,
      members: members.map((m: MemberRow) => ({ name: m.display_name, role: m.role, joined: m.joined_at !== null })),
      durationMinutes: r.duration_minutes,
      timerStartedAt: iso(r.timer_started_at),
      expiresAt: r.expires_at.toISOString(),
      endedAt: iso(r.ended_at),
      ...(joinLinks ? { joinLinks } : {}),
      asked: asked.map((a) => ({ questionId: a.question_id, title: a.title, at: a.at.toISOString() })),
    };
  }
}
